/** Who the acting person is to the follow-up. */
import type { Person } from '../core/followup/model';
import type { FollowUpService } from '../followup/followup-service';
import { refuse, type Refusal } from './result';

/** A refusal when `actor` is not an admin (the safety chief is one). */
export async function unlessAdmin(service: FollowUpService, actor: Person): Promise<({ ok: false } & Refusal) | undefined> {
  return (await service.isAdmin(actor)) ? undefined : refuse({ reason: 'not-admin' });
}
