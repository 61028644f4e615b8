/**
 * Granting and revoking the admin role, and naming the safety chief. Each change reads the roles
 * with their ETag and writes only if nobody changed them in between (else reads again and
 * re-applies: two admins added at once are both kept). Adding an admin who is one already is
 * not a second entry.
 */
import { samePerson, type Person, type Roles } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { unlessAdmin } from './access';
import type { Result } from './result';
import { changeIfUnchanged } from './change-if-unchanged';

async function changeRoles(service: Pick<FollowUp, 'people'>, change: (roles: Roles) => Roles): Promise<void> {
  await changeIfUnchanged(
    'the roles',
    () => service.people.getRoles(),
    ({ _etag, ...roles }) => service.people.replaceRoles(change(roles), _etag),
  );
}

export async function grantAdmin(
  service: Pick<FollowUp, 'isAdmin' | 'people'>,
  actor: Person,
  input: { person: Person },
): Promise<Result<{ person: Person }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  await changeRoles(service, (roles) =>
    roles.admins.some((a) => samePerson(a, input.person)) ? roles : { ...roles, admins: [...roles.admins, input.person] },
  );
  return { ok: true, person: input.person };
}

export async function revokeAdmin(
  service: Pick<FollowUp, 'isAdmin' | 'people'>,
  actor: Person,
  input: { person: Person },
): Promise<Result<{ person: Person }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  await changeRoles(service, (roles) => ({ ...roles, admins: roles.admins.filter((a) => !samePerson(a, input.person)) }));
  return { ok: true, person: input.person };
}

export async function setSafetyChief(
  service: Pick<FollowUp, 'isAdmin' | 'people'>,
  actor: Person,
  input: { person: Person },
): Promise<Result<{ person: Person }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  await changeRoles(service, (roles) => ({ ...roles, safetyChief: input.person }));
  return { ok: true, person: input.person };
}
