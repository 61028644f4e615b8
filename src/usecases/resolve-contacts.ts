/**
 * Finds the Entra object id of contacts given by e-mail, in this order: people the bot already
 * knows (they wrote to it or installed it, and Teams told it their UPN), then the directory
 * (Microsoft Graph). What was found, or why nothing was, is kept with the contact. Run at import,
 * at "starta" and on the scheduler's passes; a person looked up once in a pass is not looked up again.
 */
import { needsResolving, type Resolution } from '../core/followup/reach';
import type { Contact } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';
import type { PeopleDirectory } from './people-directory';

export interface ResolveOutcome {
  /** Contacts whose id was found in this pass. */
  found: number;
  /** Contacts still without an id, with why. */
  unresolved: Array<{ contact: Contact; resolution: Resolution }>;
}

/** How long a failed lookup stands before the scheduler's pass tries it again (not forever in a loop). */
export const RETRY_LOOKUP_AFTER_MS = 6 * 3_600_000;

export async function resolveContacts(
  service: FollowUpService,
  directory: PeopleDirectory,
  options: { now?: Date; onlyIfStale?: boolean; units?: string[] } = {},
): Promise<ResolveOutcome> {
  const now = options.now ?? new Date();
  const outcome: ResolveOutcome = { found: 0, unresolved: [] };
  const byUpn = new Map<string, Resolution>();
  for (const contact of await service.data.listContacts()) {
    if (!needsResolving(contact) || !contact.person.upn) continue;
    if (options.units && !options.units.includes(contact.unit)) continue;
    const last = contact.resolution;
    if (options.onlyIfStale && last && now.getTime() - Date.parse(last.at) < RETRY_LOOKUP_AFTER_MS) {
      outcome.unresolved.push({ contact, resolution: last });
      continue;
    }
    const upn = contact.person.upn.toLowerCase();
    let resolution = byUpn.get(upn);
    if (!resolution) {
      resolution = await lookUp(service, directory, upn, now);
      byUpn.set(upn, resolution);
    }
    await service.data.setContactResolution(contact, resolution);
    if ('aadObjectId' in resolution) outcome.found += 1;
    else outcome.unresolved.push({ contact, resolution });
  }
  return outcome;
}

async function lookUp(service: FollowUpService, directory: PeopleDirectory, upn: string, now: Date): Promise<Resolution> {
  const at = now.toISOString();
  const known = await service.data.getUser({ upn });
  if (known?.person.aadObjectId) return { aadObjectId: known.person.aadObjectId, via: 'known', at };
  const found = await directory.findByUpn(upn);
  return found.found ? { aadObjectId: found.aadObjectId.toLowerCase(), via: 'directory', at } : { problem: found.problem, at };
}
