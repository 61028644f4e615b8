/**
 * An action owner working through their round card: showing it, moving to the next or previous
 * action, and saving an answer. Who may answer for which unit: a unit's contacts, and an admin for
 * any unit (on its behalf). After a save the card moves on to the next unanswered action.
 */
import { isRoundNumber } from '../core/followup/periods';
import { samePerson, type Answer, type Person } from '../core/followup/model';
import type { RefusalReason } from '../core/followup/validate';
import { validateSubmission } from '../core/followup/validate';
import type { AnswerOutcome } from './ports';
import type { FollowUp } from './follow-up';
import { storeAnswer } from './store-answer';
import { allAnswered } from './send-due-summaries';

/** What working through a round needs: the plan in use, the rounds and the people. */
type RoundWorkPorts = Pick<
  FollowUp,
  'rounds' | 'people' | 'plan' | 'glossary' | 'obligations' | 'forRound' | 'obligationsOf' | 'unitsOf' | 'isAdmin'
>;
import { nextUnanswered, roundViewAt, type RoundView } from './round-view';
import { openRound } from './rounds';
import { unlessAdmin } from './access';
import { reportingUnits } from './manage-contacts';
import { refuse, type Result } from './result';

/** An answer refused: the reason in the core's terms, and the card to show again when there is one. */
export interface AnswerRefusal {
  ok: false;
  reason: 'answer-refused';
  refusal: RefusalReason;
  detail: string;
  view?: RoundView;
}

export interface CardPosition {
  year: unknown;
  actionId: unknown;
  unit: unknown;
}

/**
 * What a card action decides on, read once: the round with its answers (one query), the contacts
 * (kept in memory for a few seconds: people/records), and only for someone acting for a unit that
 * is not theirs whether they are an admin. Bound to the round's own plan version (its rows, units
 * and statuses). `units`: the person's units, with `unit` added when an admin acts on its behalf.
 */
async function context(active: RoundWorkPorts, actor: Person, position: CardPosition) {
  const year = Number(position.year);
  const actionId = typeof position.actionId === 'string' ? position.actionId : '';
  const unit = typeof position.unit === 'string' ? position.unit : '';
  const state = isRoundNumber(year) ? await active.rounds.getRoundWithAnswers(year) : undefined;
  const service = state ? active.forRound(state.round) : active;
  const contacts = await service.people.listContacts();
  const myUnits = await service.unitsOf(actor, contacts);
  const isAdmin = myUnits.includes(unit) ? undefined : await service.isAdmin(actor);
  const units = isAdmin ? [...myUnits, unit] : myUnits;
  const mine = service.obligationsOf(units);
  const index = mine.findIndex((o) => o.actionId === actionId && o.unit === unit);
  return {
    service,
    year,
    actionId,
    unit,
    round: state?.round,
    answers: state?.answers ?? [],
    isAdmin: isAdmin ?? false,
    contacts,
    units,
    mine,
    index,
  };
}

/**
 * What the card's fields hold that the saved answer does not (blank fields hold nothing): text,
 * which moving away would lose; a status alone, a click that moving away costs nothing to redo
 * (a radio button cannot be cleared, so it must never block the way on); or nothing.
 */
function unsavedChange(typed: { status?: unknown; description?: unknown }, saved: Answer | undefined): 'text' | 'status' | undefined {
  const status = typeof typed.status === 'string' ? typed.status.trim() : '';
  const description = typeof typed.description === 'string' ? typed.description.trim() : '';
  if (description !== '' && description !== saved?.description.trim()) return 'text';
  if (status !== '' && status !== saved?.status) return 'status';
  return undefined;
}

const answerRefusal = (refusal: RefusalReason, detail: string, view?: RoundView): AnswerRefusal => ({
  ok: false,
  reason: 'answer-refused',
  refusal,
  detail,
  ...(view ? { view } : {}),
});

/** "min uppföljning": the card at the person's first unanswered action. */
export async function myRound(service: RoundWorkPorts, actor: Person): Promise<Result<{ view: RoundView }>> {
  const round = await openRound(service);
  if (!round) return refuse({ reason: 'no-round' });
  const units = await service.unitsOf(actor);
  if (units.length === 0) return refuse({ reason: 'not-contact' });
  return { ok: true, view: await roundViewAt(service, round, units, undefined) };
}

/**
 * "svara för Polisen": an admin answering on a unit's behalf (one without contacts, or one whose
 * contacts are away): the card at the unit's first unanswered action; answers are recorded as on
 * the unit's behalf.
 */
export async function roundForUnit(service: RoundWorkPorts, actor: Person, input: { unit: string }): Promise<Result<{ view: RoundView }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const unit = reportingUnits(service).find((u) => u.toLowerCase() === input.unit.trim().toLowerCase());
  if (!unit) return refuse({ reason: 'unknown-unit', unit: input.unit.slice(0, 60) });
  const round = await openRound(service);
  if (!round) return refuse({ reason: 'no-round' });
  // The unit's card alone: its progress is the unit's, not mixed with the admin's own units (#25).
  const units = [unit];
  const ofUnit = service.forRound(round).obligationsOf([unit]);
  const first = nextUnanswered(ofUnit, await service.rounds.listAnswers(round.year)) ?? ofUnit[0];
  return { ok: true, view: await roundViewAt(service, round, units, first) };
}

/**
 * Refresh (step 0), next (1), previous (-1) or the next unanswered action from where the card is. `typed`: what the card's
 * fields hold; moving away from text that differs from the saved answer is refused (it would be
 * lost), and the card comes back with it.
 */
export async function moveInRound(
  service: RoundWorkPorts,
  actor: Person,
  position: CardPosition,
  step: -1 | 0 | 1 | 'unanswered',
  typed: { status?: unknown; description?: unknown } = {},
): Promise<{ ok: true; view: RoundView; statusNotSaved?: { actionId: string; status: string } } | AnswerRefusal> {
  const c = await context(service, actor, position);
  if (!c.round) return answerRefusal('unknown-round', String(position.year ?? '').slice(0, 10));
  if (c.index < 0) return answerRefusal(c.units.length === 0 ? 'not-authorized' : 'not-responsible', c.unit.slice(0, 60));
  const unsaved =
    step === 0
      ? undefined
      : unsavedChange(
          typed,
          c.answers.find((a) => a.actionId === c.actionId && a.unit === c.unit),
        );
  // Text would be lost: the card comes back with it (and a way to let it go, on the card).
  if (unsaved === 'text')
    return answerRefusal('unsaved-changes', '', await roundViewAt(c.service, c.round, c.units, c.mine[c.index], c.answers));
  const target =
    step === 'unanswered'
      ? (nextUnanswered(c.mine, c.answers, c.index) ?? c.mine[c.index]!)
      : c.mine[(c.index + step + c.mine.length) % c.mine.length]!;
  const view = await roundViewAt(c.service, c.round, c.units, target, c.answers);
  // A status chosen and not saved: the way on is open, and the next card says it was not saved.
  return unsaved === 'status'
    ? { ok: true, view, statusNotSaved: { actionId: c.actionId, status: String(typed.status).trim() } }
    : { ok: true, view };
}

/** Saves an answer; the card then shows the next unanswered action (or stays, when all are done). */
export async function answerAction(
  service: RoundWorkPorts,
  actor: Person,
  input: CardPosition & { status: unknown; description: unknown; seen?: unknown },
  now = new Date(),
): Promise<
  { ok: true; outcome: AnswerOutcome; answer: Answer; view: RoundView; allDone: boolean; roundComplete: boolean } | AnswerRefusal
> {
  const c = await context(service, actor, input);
  if (!c.round) return answerRefusal('unknown-round', String(input.year ?? '').slice(0, 10));
  // The answers read with the round serve the save (the stored answer and its ETag) and the next card.
  const before = c.answers;
  // A colleague saved this action after the card was shown (`seen`: the saved time the card showed, or
  // 'none'): their answer is not overwritten unseen. The card comes back with it, and what was
  // typed; saving again replaces it knowingly. ('none': the card showed no answer.)
  const stored = before.find((a) => a.actionId === c.actionId && a.unit === c.unit);
  if (
    typeof input.seen === 'string' &&
    stored &&
    stored.answeredAt !== input.seen &&
    !samePerson(stored.answeredBy, actor) &&
    c.index >= 0
  ) {
    const who = stored.answeredBy.name ?? stored.answeredBy.upn ?? stored.answeredBy.aadObjectId ?? '?';
    return answerRefusal('changed-by-other', who, await roundViewAt(c.service, c.round, c.units, c.mine[c.index], before));
  }
  const verdict = validateSubmission(input, {
    round: c.round,
    obligations: c.service.obligations,
    contacts: c.contacts,
    isAdmin: c.isAdmin,
    user: actor,
    now,
    statuses: c.service.plan.followUp.statuses,
  });
  const result = verdict.ok
    ? { ok: true as const, answer: verdict.answer, outcome: await storeAnswer(c.service.rounds, verdict.answer, stored ?? null) }
    : verdict;
  if (!result.ok) {
    // The card comes back with what was typed, also when the round has closed meanwhile: nothing
    // typed is lost, and the person is told whom to ask (who started the round).
    const started = c.round.startedBy;
    const detail = result.reason === 'round-closed' ? (started.name ?? started.upn ?? '') : (result.detail ?? '');
    return answerRefusal(
      result.reason,
      detail,
      c.index >= 0 ? await roundViewAt(c.service, c.round, c.units, c.mine[c.index], before) : undefined,
    );
  }
  const saved = result.answer;
  const answers =
    result.outcome === 'unchanged' ? before : [...before.filter((a) => a.actionId !== saved.actionId || a.unit !== saved.unit), saved];
  const next = nextUnanswered(c.mine, answers, c.index);
  return {
    ok: true,
    outcome: result.outcome,
    answer: result.answer,
    view: await roundViewAt(c.service, c.round, c.units, next ?? c.mine[c.index], answers),
    allDone: !next,
    // Decided on what this card action read: the save that completes the round sends its summary (round-work).
    roundComplete: result.outcome !== 'unchanged' && !next && allAnswered(c.service.obligations, c.contacts, answers),
  };
}
