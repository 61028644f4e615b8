/** Cards for what the bot keeps: one person's data shown or to be erased, and a round to be deleted (#28). */
import { t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import type { Person } from '../../core/followup/model';
import { roundLabel } from '../../core/followup/periods';
import type { PersonalData } from '../../usecases/personal-data';
import { expandCard } from '../cards/render';
import { notice } from './command-cards';

const who = (p: Person): string => p.upn ?? p.aadObjectId ?? p.name ?? '';

/** Each kind of data as a fact; "inga" where there is none, so that the card says it looked. */
function personalFacts(data: PersonalData, lang: Language): Array<{ title: string; value: string }> {
  const none = t('none', lang);
  const list = (items: string[]) => (items.length ? items.join(', ') : none);
  const roles = [
    ...(data.roles.admin ? [t('roleAdmin', lang)] : []),
    ...(data.roles.safetyChief ? [t('roleSafetyChief', lang)] : []),
    ...(data.roles.configuredAdmin ? [t('roleConfiguredAdmin', lang)] : []),
  ];
  // Answers by round, as "2024: 12"; each one is in the report with its unit.
  const answersByRound = new Map<string, number>();
  for (const a of data.answers) answersByRound.set(a.round, (answersByRound.get(a.round) ?? 0) + 1);
  return [
    { title: t('factKnownAs', lang), value: data.identities.map(who).join(', ') },
    ...(data.name ? [{ title: t('factName', lang), value: data.name }] : []),
    { title: t('factContactFor', lang), value: list(data.contacts.map((c) => c.unit)) },
    { title: t('factRoles', lang), value: list(roles) },
    { title: t('factChat', lang), value: data.chat ? t('chatKept', lang, { since: data.chat.since.slice(0, 10) }) : none },
    { title: t('factAnswers', lang), value: list([...answersByRound].map(([round, n]) => `${round}: ${n}`)) },
    { title: t('factChanges', lang), value: list(data.changes.map((c) => `${c.round}: ${c.count}`)) },
    { title: t('factDeliveries', lang), value: list(data.deliveries.map((d) => `${d.round} (${d.state})`)) },
    { title: t('factReportLinks', lang), value: String(data.reportLinks) },
    { title: t('factWordsGiven', lang), value: list(data.wordsGiven) },
  ];
}

/** A records card: a title, facts and lines, with a destructive confirmation (and Avbryt) or none. */
function recordsCard(
  title: string,
  facts: Array<{ title: string; value: string }>,
  lines: string[],
  lang: Language,
  confirm?: { forget: string } | { delete: number; label: string },
): Record<string, unknown> {
  return expandCard('records', {
    fallbackText: [title, ...facts.map((f) => `${f.title}: ${f.value}`), ...lines].join('\n'),
    title,
    facts,
    lines,
    confirmable: confirm !== undefined,
    confirmsForget: confirm !== undefined && 'forget' in confirm,
    confirmsDelete: confirm !== undefined && 'delete' in confirm,
    ...(confirm && 'forget' in confirm ? { person: confirm.forget, cancels: 'forget' } : {}),
    ...(confirm && 'delete' in confirm ? { year: String(confirm.delete), cancels: 'delete' } : {}),
    lang,
    labels: {
      confirm: confirm && 'label' in confirm ? confirm.label : t('forgetButton', lang),
      cancel: t('cancel', lang),
    },
  });
}

/** Nothing kept about the person asked for (a typo, or someone erased already). */
export const nothingKept = (person: Person, lang: Language): Record<string, unknown> =>
  notice(t('personalDataNothing', lang, { person: who(person) }));

/** "personuppgifter <e-post>": everything kept, and what never is. */
export function personalDataCard(person: Person, data: PersonalData, lang: Language): Record<string, unknown> {
  return recordsCard(
    t('personalDataTitle', lang, { person: who(person) }),
    personalFacts(data, lang),
    [t('personalDataNever', lang)],
    lang,
  );
}

/** "glöm <e-post>": what goes and what stays, to confirm with Radera. */
export function forgetConfirmCard(person: Person, data: PersonalData, lang: Language): Record<string, unknown> {
  return recordsCard(t('forgetTitle', lang, { person: who(person) }), personalFacts(data, lang), [t('forgetConsequence', lang)], lang, {
    forget: who(person),
  });
}

/** "radera uppföljning 2019": when it was archived and how many answers go, to confirm. */
export function deleteRoundConfirmCard(
  year: number,
  preview: { answers: number; archivedAt: string },
  lang: Language,
): Record<string, unknown> {
  const facts = [
    { title: t('factArchivedAt', lang), value: preview.archivedAt.slice(0, 10) },
    { title: t('factRoundAnswers', lang), value: String(preview.answers) },
  ];
  return recordsCard(t('deleteRoundTitle', lang, { year: roundLabel(year) }), facts, [t('deleteRoundConsequence', lang)], lang, {
    delete: year,
    label: t('deleteRoundButton', lang),
  });
}
