/** Who the acting person is to the follow-up. */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { refuse, type Refusal } from './result';

/**
 * The person at the server's command line (npm run contacts:import): whoever can run commands on
 * the server can change its data anyway, so the use cases treat them as an admin.
 */
export const OPERATOR: Person = Object.freeze({ name: 'operator (command line)' });

/** A refusal when `actor` is not an admin (the safety chief is one, and so is the OPERATOR). */
export async function unlessAdmin(service: Pick<FollowUp, 'isAdmin'>, actor: Person): Promise<({ ok: false } & Refusal) | undefined> {
  if (actor === OPERATOR) return undefined;
  return (await service.isAdmin(actor)) ? undefined : refuse({ reason: 'not-admin' });
}

/** Who gave something kept with their name ("ordlista", "synonym"): e-mail, else name, else Entra id. */
export const whoSaid = (actor: Person): string => actor.upn ?? actor.name ?? actor.aadObjectId ?? '?';
