/** Who a round goes to: one entry per person, with all the units they answer for and how to reach them. */
import { personKey } from '../core/followup/model';
import { reachableId } from '../core/followup/reach';
import { summarizeRound, type RoundPlanSummary } from '../core/followup/obligations';
import type { FollowUp } from './follow-up';
import type { Recipient } from './fan-out';

export type RoundRecipient = Recipient;

export async function roundRecipients(followUp: Pick<FollowUp, 'obligations' | 'people'>): Promise<RoundRecipient[]> {
  const reachable = new Set(followUp.obligations.map((o) => o.unit));
  const byPerson = new Map<string, RoundRecipient>();
  for (const contact of await followUp.people.listContacts()) {
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

/** How the plan's units are covered by contacts: what an admin sees before starting. */
export async function planCoverage(followUp: Pick<FollowUp, 'obligations' | 'people'>): Promise<RoundPlanSummary> {
  return summarizeRound(followUp.obligations, await followUp.people.listContacts(), (c) => personKey(c.person));
}
