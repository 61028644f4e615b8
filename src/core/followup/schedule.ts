/**
 * What is due for an open round on a given day: reminders at the configured days before the
 * deadline, and closing once the deadline has passed. Pure; dates are Swedish calendar days.
 */
import type { Round } from './model';

export const TIME_ZONE = 'Europe/Stockholm';

/** Today's date in Sweden as YYYY-MM-DD. */
export function swedishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type DueWork = { kind: 'close' } | { kind: 'remind'; daysBefore: number };

/**
 * The work due today. `done` lists the reminders already sent (days before). A reminder missed
 * while the bot was down is sent late, once; reminders are not sent after the deadline.
 */
export function dueWork(round: Round & { remindersSent?: number[] }, now: Date): DueWork[] {
  if (round.state !== 'open') return [];
  const today = swedishDate(now);
  const daysLeft = daysBetween(today, round.deadline);
  if (daysLeft < 0) return [{ kind: 'close' }];
  const sent = new Set(round.remindersSent ?? []);
  // Only the nearest reminder that is due: three missed reminders make one message, not three.
  const due = round.reminderDaysBefore.filter((d) => daysLeft <= d && !sent.has(d)).sort((a, b) => a - b);
  return due.length > 0 ? [{ kind: 'remind', daysBefore: due[0]! }] : [];
}

/** The reminders that count as done once the one for `daysBefore` is sent (all earlier ones too). */
export function remindersDone(round: Round & { remindersSent?: number[] }, daysBefore: number): number[] {
  return [...new Set([...(round.remindersSent ?? []), ...round.reminderDaysBefore.filter((d) => d >= daysBefore)])].sort((a, b) => b - a);
}
