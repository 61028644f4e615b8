/**
 * What the use cases (src/usecases) share about a round: the plan's obligations, who is an admin,
 * whose units are whose, the recipients, opening and closing a round, and validating and storing
 * an answer. Joins the pure rules (core/followup) with their storage (FollowUpStore). No Teams here.
 */
import { isRoundNumber } from '../core/followup/periods';
import { planGlossary } from '../core/plan/glossary';
import type { Plan } from '../core/plan/model';
import type { UnitGlossary } from '../core/plan/glossary';
import { obligationsFor, summarizeRound, type RoundPlanSummary } from '../core/followup/obligations';
import { validateSubmission, progress, type SubmissionInput, type Verdict } from '../core/followup/validate';
import {
  isContactPerson,
  personKey,
  samePerson,
  type Answer,
  type Contact,
  type Obligation,
  type Person,
  type Round,
  type RoundOrigin,
} from '../core/followup/model';
import { FollowUpStore, type AnswerOutcome } from './followup-store';
import { reachableId } from '../core/followup/reach';
import type { Recipient } from '../delivery/fan-out';
import { ConflictError } from '../store/document-store';

export type RoundRecipient = Recipient;

export type SubmitResult = { ok: true; outcome: AnswerOutcome; answer: Answer } | Extract<Verdict, { ok: false }>;

export class FollowUpService {
  readonly obligations: Obligation[];

  constructor(
    readonly data: FollowUpStore,
    readonly plan: Plan,
    readonly glossary: UnitGlossary,
    /** People who are admins from configuration (BOOTSTRAP_ADMINS), on top of the stored ones. */
    private readonly configuredAdmins: Person[] = [],
    /** Every version of the plan on hand, by version: a round on an earlier one is compared with it. */
    readonly planVersions: ReadonlyMap<string, Plan> = new Map([[plan.planVersion, plan]]),
  ) {
    this.obligations = obligationsFor(plan, glossary);
  }

  private readonly forVersions = new Map<string, FollowUpService>();

  /**
   * The follow-up as a round sees it: bound to the plan version the round asked about (its rows,
   * units and statuses), when that version is on hand; the active plan's otherwise. A round opened
   * before a revised plan was made active is answered and reported on its own version.
   */
  forRound(round: Pick<Round, 'planVersion'>): FollowUpService {
    if (round.planVersion === this.plan.planVersion) return this;
    const plan = this.planVersions.get(round.planVersion);
    if (!plan) return this;
    let bound = this.forVersions.get(round.planVersion);
    if (!bound) {
      bound = new FollowUpService(
        this.data,
        plan,
        planGlossary(plan, () => this.glossary),
        this.configuredAdmins,
        this.planVersions,
      );
      this.forVersions.set(round.planVersion, bound);
    }
    return bound;
  }

  configuredAdminList(): Person[] {
    return [...this.configuredAdmins];
  }

  async isAdmin(person: Person): Promise<boolean> {
    if (this.configuredAdmins.some((a) => samePerson(a, person))) return true;
    const roles = await this.data.getRoles();
    return roles.admins.some((a) => samePerson(a, person)) || (roles.safetyChief !== null && samePerson(roles.safetyChief, person));
  }

  /** The units a person answers for. */
  async unitsOf(person: Person, contacts?: Contact[]): Promise<string[]> {
    return (contacts ?? (await this.data.listContacts())).filter((c) => isContactPerson(c, person)).map((c) => c.unit);
  }

  async summarize(): Promise<RoundPlanSummary> {
    return summarizeRound(this.obligations, await this.data.listContacts(), (c) => personKey(c.person));
  }

  /** The people to message for a round: one entry per person, with all the units they answer for. */
  async recipients(): Promise<RoundRecipient[]> {
    const reachable = new Set(this.obligations.map((o) => o.unit));
    const byPerson = new Map<string, RoundRecipient>();
    for (const contact of await this.data.listContacts()) {
      if (!reachable.has(contact.unit)) continue;
      const key = personKey(contact.person);
      const entry: RoundRecipient = byPerson.get(key) ?? { person: contact.person, units: [] };
      if (!entry.units.includes(contact.unit)) entry.units.push(contact.unit);
      const id = reachableId(contact);
      if (id) entry.reachAs = id;
      else if (contact.resolution && 'problem' in contact.resolution) entry.problem = contact.resolution.problem;
      byPerson.set(key, entry);
    }
    return [...byPerson.values()];
  }

  /** Opens the round; false if that year's round already exists. */
  async openRound(
    year: number,
    deadline: string,
    startedBy: Person,
    reminderDaysBefore: number[],
    origin?: RoundOrigin,
    now = new Date(),
  ): Promise<boolean> {
    const round: Round = {
      year,
      deadline,
      state: 'open',
      planVersion: this.plan.planVersion,
      startedBy,
      startedAt: now.toISOString(),
      reminderDaysBefore,
      ...(origin ? { origin } : {}),
    };
    try {
      await this.data.createRound(round);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async closeRound(year: number, now = new Date()): Promise<'closed' | 'already-closed' | 'unknown'> {
    const round = await this.data.getRound(year);
    if (!round) return 'unknown';
    if (round.state === 'closed') return 'already-closed';
    const { _etag, ...body } = round;
    await this.data.updateRound({ ...body, state: 'closed', closedAt: now.toISOString() }, _etag);
    return 'closed';
  }

  /** `known` passes what the caller has just read, to save reading it again (`answers`: the round's, with ETags). */
  async submit(
    input: SubmissionInput,
    user: Person,
    now = new Date(),
    known: { round?: Round; contacts?: Contact[]; isAdmin?: boolean; answers?: Array<Answer & { _etag: string }> } = {},
  ): Promise<SubmitResult> {
    const year = Number(input.year);
    const round = known.round ?? (isRoundNumber(year) ? await this.data.getRound(year) : undefined);
    const contacts: Contact[] = known.contacts ?? (await this.data.listContacts());
    const isAdmin = known.isAdmin ?? (await this.isAdmin(user));
    const verdict = validateSubmission(input, {
      round,
      obligations: this.obligations,
      contacts,
      isAdmin,
      user,
      now,
      statuses: this.plan.followUp.statuses,
    });
    if (!verdict.ok) return verdict;
    const { actionId, unit } = verdict.answer;
    const current = known.answers ? (known.answers.find((a) => a.actionId === actionId && a.unit === unit) ?? null) : undefined;
    const outcome = await this.data.saveAnswer(verdict.answer, current);
    return { ok: true, outcome, answer: verdict.answer };
  }

  /** A person's progress in a round over all the units they answer for. */
  async progressOf(year: number, units: string[]): Promise<{ answered: number; total: number }> {
    return progress(this.obligations, await this.data.listAnswers(year), units);
  }

  obligationsOf(units: string[]): Obligation[] {
    return this.obligations.filter((o) => units.includes(o.unit));
  }
}
