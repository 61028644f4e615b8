/**
 * What a round follows up: a calendar year, a half-year or a tertial, as the plan's follow-up
 * says (plan.followUp.period). A round is numbered so that the store, the schedule and every use
 * case keep one number per round, and rounds sort in time order:
 *   a year           2025
 *   a half-year      2025 H1 = 20251, 2025 H2 = 20252
 *   a tertial        2025 T1 = 20255, T2 = 20256, T3 = 20257
 * People see and type the label ("2025", "2025 H1", "2025 T3"); only this module knows the numbers.
 */
import type { FollowUpPeriod } from '../plan/follow-up-config';

export type RoundPart = 'H1' | 'H2' | 'T1' | 'T2' | 'T3';

const PART_CODES: Record<RoundPart, number> = { H1: 1, H2: 2, T1: 5, T2: 6, T3: 7 };
const YEARS = { first: 2000, last: 2100 } as const;

export function roundNumber(year: number, part?: RoundPart): number {
  return part ? year * 10 + PART_CODES[part] : year;
}

/** The year and part of a round number; undefined for a number that is no round. */
export function roundParts(round: number): { year: number; part?: RoundPart } | undefined {
  if (!Number.isInteger(round)) return undefined;
  if (round >= YEARS.first && round <= YEARS.last) return { year: round };
  const year = Math.floor(round / 10);
  const part = (Object.keys(PART_CODES) as RoundPart[]).find((p) => PART_CODES[p] === round % 10);
  return part && year >= YEARS.first && year <= YEARS.last ? { year, part } : undefined;
}

export const isRoundNumber = (round: number): boolean => roundParts(round) !== undefined;

/** "2025", "2025 H1", "2025 T3". */
export function roundLabel(round: number): string {
  const parts = roundParts(round);
  if (!parts) return String(round);
  return parts.part ? `${parts.year} ${parts.part}` : String(parts.year);
}

/** The round a year-over-year comparison looks at: last year, or the same half-year or tertial last year. */
export function comparableRound(round: number): number {
  const parts = roundParts(round);
  return parts?.part ? roundNumber(parts.year - 1, parts.part) : round - 1;
}

/** Whether a round's kind is the plan's: a year for a yearly plan, H1/H2 for half-years, T1–T3 for tertials. */
export function fitsPeriod(round: number, period: FollowUpPeriod): boolean {
  const part = roundParts(round)?.part;
  if (period === 'year') return part === undefined;
  if (period === 'half-year') return part === 'H1' || part === 'H2';
  return part === 'T1' || part === 'T2' || part === 'T3';
}

/** How to write a round of the plan's period, for a refusal: "2025", "2025 H1", "2025 T1". */
export function periodExample(period: FollowUpPeriod, year: number): string {
  return period === 'half-year' ? `${year} H1` : period === 'tertial' ? `${year} T1` : String(year);
}

/** "2025", "2025 H1", "2025-h1", "2025 T3" as typed; null for anything else. */
export function parseRoundRef(text: string): number | null {
  const m = /^(\d{4})(?:[ -]?([HhTt])([1-3]))?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2] ? (`${m[2].toUpperCase()}${m[3]}` as RoundPart) : undefined;
  if (part && !(part in PART_CODES)) return null;
  const round = roundNumber(year, part);
  return isRoundNumber(round) ? round : null;
}

/** The pattern a command matches a round with: "2025", "2025 H1", "2025-T2". */
export const ROUND_REF = '\\d{4}(?:[ -]?[HhTt][1-3])?';

/**
 * The default last day to answer: the report goes to the council after the period, so a month or
 * two after it ends (a year: the end of February after it).
 */
export function defaultDeadline(round: number): string {
  const parts = roundParts(round) ?? { year: round };
  switch (parts.part) {
    case 'H1':
      return `${parts.year}-08-31`;
    case 'T1':
      return `${parts.year}-05-31`;
    case 'T2':
      return `${parts.year}-09-30`;
    case 'T3':
      return `${parts.year + 1}-01-31`;
    default:
      return `${parts.year + 1}-02-28`;
  }
}
