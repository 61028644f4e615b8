/**
 * What is due for an open round on a given day: reminders at the configured days before the
 * deadline, and closing once the deadline has passed. Pure; dates are Swedish calendar days.
 */
import type { Round } from './model';

export const TIME_ZONE = 'Europe/Stockholm';

/** Today's date in Sweden as YYYY-MM-DD. */
/** A real calendar day written YYYY-MM-DD ("2025-02-30" is none): what a deadline must be. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

export function swedishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

/** When something happened, as a Swede reads it on the wall clock: "2026-12-01 14:05" (Swedish time, summer or winter). */
export const swedishDateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

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

export type SummaryReason = 'weekly' | 'complete' | 'closed';

/** The week a date falls in, Swedish style (ISO 8601 weeks start on Monday): "2025-W07". */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the week's Thursday decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The summaries due to the safety chief: each Monday while the round is open, once when everyone
 * asked has answered, and once when the round has closed. Returns the keys to mark as sent.
 */
export function dueSummaries(
  round: Round & { summariesSent?: string[] },
  now: Date,
  everyoneAnswered: boolean,
): Array<{ reason: SummaryReason; key: string }> {
  const sent = new Set(round.summariesSent ?? []);
  const today = swedishDate(now);
  const due: Array<{ reason: SummaryReason; key: string }> = [];
  if (round.state === 'closed') {
    if (!sent.has('closed')) due.push({ reason: 'closed', key: 'closed' });
    return due;
  }
  if (everyoneAnswered && !sent.has('complete')) due.push({ reason: 'complete', key: 'complete' });
  const monday = new Date(`${today}T00:00:00Z`).getUTCDay() === 1;
  const weekKey = `weekly:${isoWeek(today)}`;
  if (monday && !sent.has(weekKey) && today > round.startedAt.slice(0, 10)) due.push({ reason: 'weekly', key: weekKey });
  return due;
}
