/**
 * Who follows the plan up, how often and to whom it is reported, in the plan's own words
 * (Plan keys Uppföljningsansvarig and Rapporteras till, and its period): "Säkerhetschefen följer
 * upp planen varje år och rapporterar till kommunfullmäktige." A plan that does not say who is
 * followed up by "kommunen", and one that does not say to whom says nothing of it: no text
 * borrows another municipality's arrangement.
 */
import type { FollowUpConfig, FollowUpPeriod } from '../plan/follow-up-config';
import type { Language } from '../language';

const HOW_OFTEN: Record<FollowUpPeriod, { sv: string; en: string }> = {
  year: { sv: 'varje år', en: 'every year' },
  'half-year': { sv: 'varje halvår', en: 'every half-year' },
  tertial: { sv: 'varje tertial', en: 'every four months' },
};

export function followUpSentence(followUp: Pick<FollowUpConfig, 'period' | 'followedUpBy' | 'reportedTo'>, lang: Language): string {
  const often = HOW_OFTEN[followUp.period][lang];
  const who = followUp.followedUpBy?.trim() || (lang === 'sv' ? 'Kommunen' : 'The municipality');
  const whom = followUp.reportedTo?.trim();
  const subject = who.charAt(0).toLocaleUpperCase('sv') + who.slice(1);
  if (lang === 'sv') return `${subject} följer upp planen ${often}${whom ? ` och rapporterar till ${whom}` : ''}.`;
  return `${subject} follows the plan up ${often}${whom ? ` and reports to ${whom}` : ''}.`;
}

/** Whom the answers are compiled for, in the plan's words, or a neutral "the report" where it does not say. */
export function reportedToPhrase(followUp: Pick<FollowUpConfig, 'reportedTo'>, lang: Language): string {
  const whom = followUp.reportedTo?.trim();
  if (lang === 'sv') return whom ? `rapporten till ${whom}` : 'uppföljningens rapport';
  return whom ? `the report to ${whom}` : "the follow-up's report";
}
