/**
 * Where a person is in a round: the action and unit the card shows, its stored answer and last
 * year's, and their progress over all the units they answer for. Plain data: the Teams card is
 * drawn from it without going back to the store.
 */
import { answeredReports, reportKey, type Answer, type Obligation, type Round, type StatusDefinition } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { ActionView } from '../core/plan/action-view';
import { comparableRound } from '../core/followup/periods';
import type { FollowUpConfig } from '../core/plan/follow-up-config';

export interface RoundView {
  round: Round;
  /** The units the person answers for here (an admin answering on a unit's behalf: that unit too). */
  units: string[];
  obligation: Obligation;
  /** The action as the plan prints it, with the expansions of its codes. */
  action: ActionView;
  answer: Answer | undefined;
  lastYear: Answer | undefined;
  progress: { answered: number; total: number };
  /** The statuses to choose from, in the plan's words. */
  statuses: StatusDefinition[];
  /** How the plan is followed up: its period, who follows it up and to whom, in the plan's words. */
  followUp: FollowUpConfig;
  /** Where this action is among the person's ("3 of 45"), and how far each of their units is. */
  position: { index: number; total: number; perUnit: Array<{ unit: string; answered: number; total: number }> };
}

const isFor = (o: Obligation) => (a: Answer) => a.actionId === o.actionId && a.unit === o.unit;

/** The first of `mine` after `index` (wrapping round) without an answer; undefined when all are answered. */
export function nextUnanswered(mine: Obligation[], answers: Answer[], index = -1): Obligation | undefined {
  const answered = answeredReports(answers);
  const open = (o: Obligation) => !answered.has(reportKey(o));
  return mine.find((o, i) => i > index && open(o)) ?? mine.find(open);
}

/** The view at `at`, or at the units' first unanswered action (their first action when all are answered). */
export async function roundViewAt(
  active: Pick<FollowUp, 'forRound'>,
  round: Round,
  units: string[],
  at: Obligation | undefined,
  knownAnswers?: Answer[],
): Promise<RoundView> {
  const service = active.forRound(round);
  const mine = service.obligationsOf(units);
  const answers = knownAnswers ?? (await service.rounds.listAnswers(round.year));
  const obligation = at ?? nextUnanswered(mine, answers) ?? mine[0]!;
  const answered = answeredReports(answers);
  const isAnswered = (o: Obligation) => answered.has(reportKey(o));
  return {
    round,
    units,
    obligation,
    action: service.actionView(obligation.actionId),
    answer: answers.find(isFor(obligation)),
    lastYear: (await service.rounds.earlierAnswers(comparableRound(round.year))).find(isFor(obligation)),
    progress: { answered: mine.filter(isAnswered).length, total: mine.length },
    statuses: service.plan.followUp.statuses,
    followUp: service.plan.followUp,
    position: {
      index: mine.findIndex((o) => o.actionId === obligation.actionId && o.unit === obligation.unit),
      total: mine.length,
      perUnit: units.map((unit) => {
        const ofUnit = mine.filter((o) => o.unit === unit);
        return { unit, answered: ofUnit.filter(isAnswered).length, total: ofUnit.length };
      }),
    },
  };
}
