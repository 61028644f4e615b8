/**
 * `diagnos` in Teams: an admin asks what the bot lacks in this tenant and gets the same checks as
 * `npm run doctor` (src/doctor/), with themself as the person Graph looks up. Admins only: the
 * lines name the bot's identity, the store and the permissions granted.
 */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { unlessAdmin } from './access';
import type { Result } from './result';

/** 'todo': nothing is broken, but something is left for the municipality to do (codes to name). */
export type CheckStatus = 'ok' | 'todo' | 'failed' | 'skipped';

/** One line of the diagnosis: what was checked and what came of it. */
export interface CheckResult {
  /** What was checked, e.g. "Graph User.Read.All". */
  name: string;
  status: CheckStatus;
  /** What was found, or exactly what is missing. */
  detail: string;
  /** How to fix it: the permission and its consent command, the upload, the setting. */
  fix?: string;
}

/** The port: runs every check, looking up `person` in the directory (e-mail or Entra object id). */
export interface Diagnostics {
  run(person?: string): Promise<CheckResult[]>;
}

export async function diagnose(
  service: Pick<FollowUp, 'isAdmin'>,
  actor: Person,
  diagnostics: Diagnostics,
): Promise<Result<{ checks: CheckResult[] }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  return { ok: true, checks: await diagnostics.run(actor.upn ?? actor.aadObjectId) };
}
