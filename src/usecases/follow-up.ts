/**
 * What every use case stands on: the plan in use (its rows, units and statuses, and the earlier
 * versions rounds may have asked about) and the ports to what is kept. A use case names the parts
 * it needs (`Pick<FollowUp, 'rounds' | 'plan' …>`), so a test gives it those and nothing else.
 * No Teams, no store here.
 */
import { planGlossary, type UnitGlossary } from '../core/plan/glossary';
import type { Plan } from '../core/plan/model';
import { actionView, type ActionView } from '../core/plan/action-view';
import { obligationsFor } from '../core/followup/obligations';
import { contactsOf } from '../core/followup/contacts-of';
import { samePerson, type Contact, type Obligation, type Person, type Round } from '../core/followup/model';
import type { Leases, PeopleRecords, Records, ReportLinks, RoundRecords, WordRecords } from './ports';

export class FollowUp implements Records {
  readonly obligations: Obligation[];
  readonly rounds: RoundRecords;
  readonly people: PeopleRecords;
  readonly words: WordRecords;
  readonly leases: Leases;
  readonly reportLinks: ReportLinks;
  private readonly forVersions = new Map<string, FollowUp>();

  constructor(
    records: Records,
    readonly plan: Plan,
    readonly glossary: UnitGlossary,
    /** People who are admins from configuration (BOOTSTRAP_ADMINS), on top of the stored ones. */
    private readonly configuredAdmins: Person[] = [],
    /** Every version of the plan on hand, by version: a round on an earlier one is compared with it. */
    readonly planVersions: ReadonlyMap<string, Plan> = new Map([[plan.planVersion, plan]]),
  ) {
    ({ rounds: this.rounds, people: this.people, words: this.words, leases: this.leases, reportLinks: this.reportLinks } = records);
    this.obligations = obligationsFor(plan, glossary);
  }

  /**
   * The follow-up as a round sees it: bound to the plan version the round asked about (its rows,
   * units and statuses), when that version is on hand; the active plan's otherwise. A round opened
   * before a revised plan was made active is answered and reported on its own version.
   */
  forRound(round: Pick<Round, 'planVersion'>): FollowUp {
    if (round.planVersion === this.plan.planVersion) return this;
    const plan = this.planVersions.get(round.planVersion);
    if (!plan) return this;
    let bound = this.forVersions.get(round.planVersion);
    if (!bound) {
      bound = new FollowUp(
        this,
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

  /** An admin from configuration or the stored roles; the safety chief is one too. */
  async isAdmin(person: Person): Promise<boolean> {
    if (this.configuredAdmins.some((a) => samePerson(a, person))) return true;
    const roles = await this.people.getRoles();
    return roles.admins.some((a) => samePerson(a, person)) || (roles.safetyChief !== null && samePerson(roles.safetyChief, person));
  }

  /** The units a person answers for. */
  async unitsOf(person: Person, contacts?: readonly Contact[]): Promise<string[]> {
    return contactsOf(contacts ?? (await this.people.listContacts()), person).map((c) => c.unit);
  }

  obligationsOf(units: string[]): Obligation[] {
    return this.obligations.filter((o) => units.includes(o.unit));
  }

  private readonly views = new Map<string, ActionView>();

  /** An action as the plan prints it, with its codes' expansions: built once per action (plan and glossary do not change here). */
  actionView(actionId: string): ActionView {
    let view = this.views.get(actionId);
    if (!view) {
      const action = this.plan.actions.find((a) => a.id === actionId);
      if (!action) throw new Error(`No action ${actionId} in plan ${this.plan.planVersion}`);
      view = actionView(this.plan, this.glossary, action);
      this.views.set(actionId, view);
    }
    return view;
  }
}
