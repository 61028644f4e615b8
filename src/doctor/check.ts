/** Building the lines of `npm run doctor` (and of the admins' `diagnos` card, whose use case declares their shape). */
import type { CheckResult } from '../usecases/diagnose';

export type { CheckResult, CheckStatus } from '../usecases/diagnose';

export const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
export const failed = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  status: 'failed',
  detail,
  ...(fix ? { fix } : {}),
});
export const todo = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  status: 'todo',
  detail,
  ...(fix ? { fix } : {}),
});
export const skipped = (name: string, detail: string): CheckResult => ({ name, status: 'skipped', detail });

/** Exit 0 only when nothing checked failed (skipped checks do not fail it). */
export const allHeld = (results: CheckResult[]): boolean => results.every((r) => r.status !== 'failed');
