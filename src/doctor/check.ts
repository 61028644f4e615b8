/** One line of `npm run doctor` (and of the admins' `diagnos` card): what was checked and what came of it. */
export type CheckStatus = 'ok' | 'failed' | 'skipped';

export interface CheckResult {
  /** What was checked, e.g. "Graph User.Read.All". */
  name: string;
  status: CheckStatus;
  /** What was found, or exactly what is missing. */
  detail: string;
  /** How to fix it: the permission and its consent command, the upload, the setting. */
  fix?: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
export const failed = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  status: 'failed',
  detail,
  ...(fix ? { fix } : {}),
});
export const skipped = (name: string, detail: string): CheckResult => ({ name, status: 'skipped', detail });

/** Exit 0 only when nothing checked failed (skipped checks do not fail it). */
export const allHeld = (results: CheckResult[]): boolean => results.every((r) => r.status !== 'failed');
