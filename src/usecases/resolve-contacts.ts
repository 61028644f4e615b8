/**
 * Finds the Entra object id of contacts given by e-mail, in this order: people the bot already
 * knows (they wrote to it or installed it, and Teams told it their UPN), the rosters of the teams
 * the bot is installed in, then the directory (Microsoft Graph). What was found, or why nothing was, is kept with the contact. Run at import,
 * at "starta" and on the scheduler's passes; a person looked up once in a pass is not looked up again.
 */
import { needsResolving, type Resolution } from '../core/followup/reach';
import type { Contact } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { PeopleDirectory, TeamRosters } from './people-directory';

export interface ResolveOutcome {
  /** Contacts whose id was found in this pass. */
  found: number;
  /** Contacts still without an id, with why. */
  unresolved: Array<{ contact: Contact; resolution: Resolution }>;
}

/** How long a failed lookup stands before the scheduler's pass tries it again (not forever in a loop). */
export const RETRY_LOOKUP_AFTER_MS = 6 * 3_600_000;

export async function resolveContacts(
  service: Pick<FollowUp, 'people'>,
  directory: PeopleDirectory,
  options: { now?: Date; onlyIfStale?: boolean; units?: string[]; rosters?: TeamRosters } = {},
): Promise<ResolveOutcome> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const outcome: ResolveOutcome = { found: 0, unresolved: [] };
  const due: Array<Contact & { person: { upn: string } }> = [];
  for (const contact of await service.people.listContacts()) {
    if (!needsResolving(contact) || !contact.person.upn) continue;
    if (options.units && !options.units.includes(contact.unit)) continue;
    const last = contact.resolution;
    if (options.onlyIfStale && last && now.getTime() - Date.parse(last.at) < RETRY_LOOKUP_AFTER_MS) {
      outcome.unresolved.push({ contact, resolution: last });
      continue;
    }
    due.push(contact as Contact & { person: { upn: string } });
  }
  if (due.length === 0) return outcome;
  const byUpn = new Map<string, Resolution>();
  // 1. People the bot knows (they wrote to it or installed it, and Teams told it their UPN).
  for (const upn of new Set(due.map((c) => c.person.upn.toLowerCase()))) {
    const known = await service.people.getUser({ upn });
    if (known?.person.aadObjectId) byUpn.set(upn, { aadObjectId: known.person.aadObjectId, via: 'known', at });
  }
  // 2. The rosters of the teams the bot is in: no permission needed.
  const rest = [...new Set(due.map((c) => c.person.upn.toLowerCase()))].filter((upn) => !byUpn.has(upn));
  const rosters = options.rosters ?? directory.rosters;
  if (rest.length > 0 && rosters) {
    for (const [upn, aadObjectId] of await rosters.find(rest)) byUpn.set(upn, { aadObjectId, via: 'team', at });
  }
  // 3. The directory (Microsoft Graph).
  for (const upn of rest.filter((u) => !byUpn.has(u))) {
    const found = await directory.findByUpn(upn);
    byUpn.set(upn, found.found ? { aadObjectId: found.aadObjectId.toLowerCase(), via: 'directory', at } : { problem: found.problem, at });
  }
  for (const contact of due) {
    let resolution = byUpn.get(contact.person.upn.toLowerCase())!;
    // The same problem as before keeps when it was first found: how long someone has been gone (retention).
    const last = contact.resolution;
    if ('problem' in resolution && last && 'problem' in last && last.problem === resolution.problem)
      resolution = { ...resolution, since: last.since ?? last.at };
    await service.people.setContactResolution(contact, resolution);
    if ('aadObjectId' in resolution) outcome.found += 1;
    else outcome.unresolved.push({ contact, resolution });
  }
  return outcome;
}
