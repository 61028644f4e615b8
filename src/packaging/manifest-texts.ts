/**
 * What the Teams app says about itself in the org catalog, made from this deployment's plan: how
 * often the plan is followed up (its period, not Linköping's year), the statuses it asks for, that
 * the app reminds and sends summaries, and whose plan it is. Swedish and English say the same.
 */
import type { Plan } from '../core/plan/model';
import type { FollowUpPeriod } from '../core/plan/follow-up-config';

const HOW_OFTEN: Record<FollowUpPeriod, { sv: string; en: string }> = {
  year: { sv: 'En gång om året', en: 'Once a year' },
  'half-year': { sv: 'Två gånger om året (per halvår)', en: 'Twice a year (per half-year)' },
  tertial: { sv: 'Tre gånger om året (per tertial)', en: 'Three times a year (per four-month period)' },
};

const FOLLOW_UP_SHORT: Record<FollowUpPeriod, { sv: string; en: string }> = {
  year: { sv: 'årliga uppföljning', en: 'yearly follow-up' },
  'half-year': { sv: 'uppföljning per halvår', en: 'half-yearly follow-up' },
  tertial: { sv: 'uppföljning per tertial', en: 'follow-up per four-month period' },
};

const or = (words: string[], conjunction: string): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;

export interface ManifestTexts {
  sv: { short: string; full: string };
  en: { short: string; full: string };
}

export function manifestTexts(plan: Plan): ManifestTexts {
  const { municipality, title, diarienummer } = plan.source;
  const period = plan.followUp.period;
  const cited = `”${title}”${diarienummer ? ` (${diarienummer})` : ''}`;
  const statusesSv = or(
    plan.followUp.statuses.map((s) => s.label),
    'eller',
  );
  const statusesEn = or(
    plan.followUp.statuses.map((s) => s.enLabel.toLowerCase()),
    'or',
  );
  return {
    sv: {
      short: `Frågor om åtgärdsplanen för trygghet och dess ${FOLLOW_UP_SHORT[period].sv}`,
      full:
        `Svarar på vem som är ansvarig för, samverkar i eller finansierar åtgärderna i ${municipality}s plan ${cited}, med hänvisning till planen. ` +
        `${HOW_OFTEN[period].sv} skickar appen varje ansvarig kontaktperson en förfrågan om status för deras åtgärder (${statusesSv}, med en kort beskrivning), ` +
        'påminner den som inte har svarat före svarsdatum och skickar sammanfattningar och rapporten till dem som samordnar uppföljningen. ' +
        'Svaren sparas med vem som svarade och när, i organisationens egen databas i Azure. ' +
        'För att nå kontaktpersoner som angetts med e-post kan appen slå upp dem och installera sig för dem i organisationen (Microsoft Graph, om en administratör har gett behörighet).',
    },
    en: {
      short: `Questions on the safety action plan and its ${FOLLOW_UP_SHORT[period].en}`,
      full:
        `Answers who is responsible for, cooperates on or finances the actions in ${municipality}'s plan ${cited}, citing the plan. ` +
        `${HOW_OFTEN[period].en} the app sends each responsible contact a request for the status of their actions (${statusesEn}, with a short description), ` +
        'reminds those who have not answered before the deadline, and sends summaries and the report to those who coordinate the follow-up. ' +
        "The answers are stored with who answered and when, in the organization's own database in Azure. " +
        'To reach contacts given by e-mail, the app can look them up and install itself for them in the organization (Microsoft Graph, if an administrator has granted the permission).',
    },
  };
}
