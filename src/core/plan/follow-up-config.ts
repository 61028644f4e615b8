import { lookupTable } from '../lookup-table';
/**
 * How a plan is followed up: the statuses a responsible unit reports (the one table that round
 * cards, summaries, reports and validation derive from) and the period a round covers. Part of
 * the plan's data, so that each municipality follows up in its own words.
 */

/** How a status is shown: its Adaptive Card colour (charts and notices). */
export type StatusColor = 'good' | 'warning' | 'attention' | 'neutral';

export interface StatusDefinition {
  /** Stored with each answer; stable across the plan's versions. */
  key: string;
  /** The plan's word, also the report's column header. */
  label: string;
  /** The plan's definition, which tells the statuses apart. */
  description: string;
  enLabel: string;
  enDescription: string;
  color: StatusColor;
}

/** A round covers a calendar year, a half-year (H1, H2) or a tertial (T1–T3). */
export type FollowUpPeriod = 'year' | 'half-year' | 'tertial';

export interface FollowUpConfig {
  period: FollowUpPeriod;
  statuses: StatusDefinition[];
  /** Who follows the plan up and compiles the answers, in the plan's words ("Säkerhetschefen och lokalpolisområdet"). */
  followedUpBy?: string;
  /** Whom the follow-up is reported to ("Kommunfullmäktige"). */
  reportedTo?: string;
}

/** Linköping's follow-up columns, in the plan's own words (KS 2023-638, "Genomförande och uppföljning"). */
export const PLAN_STATUSES: StatusDefinition[] = [
  {
    key: 'pagaende',
    label: 'Pågående',
    description: 'Åtgärden fortlöper enligt plan',
    enLabel: 'Ongoing',
    enDescription: 'runs according to plan',
    color: 'good',
  },
  {
    key: 'paborjad',
    label: 'Påbörjad',
    description: 'Åtgärden är inledd men behöver utvecklas',
    enLabel: 'Started',
    enDescription: 'needs development',
    color: 'warning',
  },
  {
    key: 'ej-paborjad',
    label: 'Ej påbörjad',
    description: 'Åtgärden kan ej inledas då förutsättningar saknas',
    enLabel: 'Not started',
    enDescription: 'prerequisites missing',
    color: 'attention',
  },
];

/**
 * The traffic light many municipalities use after Brå's model for following up a plan: green on
 * track, yellow delayed or in need of adjustment, red not carried out.
 */
export const TRAFFIC_LIGHT_STATUSES: StatusDefinition[] = [
  {
    key: 'gron',
    label: 'Grön',
    description: 'Åtgärden genomförs enligt plan',
    enLabel: 'Green',
    enDescription: 'on track',
    color: 'good',
  },
  {
    key: 'gul',
    label: 'Gul',
    description: 'Åtgärden är försenad eller behöver justeras',
    enLabel: 'Yellow',
    enDescription: 'delayed or needs adjusting',
    color: 'warning',
  },
  {
    key: 'rod',
    label: 'Röd',
    description: 'Åtgärden genomförs inte',
    enLabel: 'Red',
    enDescription: 'not carried out',
    color: 'attention',
  },
];

/** The status sets a plan may name (template sheet "Plan", key "Statusar"). */
export const STATUS_SETS: Readonly<Record<string, StatusDefinition[]>> = lookupTable({
  standard: PLAN_STATUSES,
  trafikljus: TRAFFIC_LIGHT_STATUSES,
});

/** A status's definition in a plan's table; undefined for a key the table does not have (another version's). */
export const statusDefinition = (statuses: StatusDefinition[], key: string): StatusDefinition | undefined =>
  statuses.find((s) => s.key === key);

/** A status as the plan words it ("Pågående", "Grön"); a key the table does not have, as stored. */
export function statusLabel(statuses: StatusDefinition[], key: string, language: 'sv' | 'en' = 'sv'): string {
  const found = statusDefinition(statuses, key);
  return found ? (language === 'en' ? found.enLabel : found.label) : key;
}

export const DEFAULT_FOLLOW_UP: FollowUpConfig = { period: 'year', statuses: PLAN_STATUSES };

/** The periods a round of this plan can cover in a year: "2025" for a year; "2025-H1", "2025-T3" otherwise. */
export function periodsOfYear(period: FollowUpPeriod, year: number): string[] {
  if (period === 'half-year') return [`${year}-H1`, `${year}-H2`];
  if (period === 'tertial') return [`${year}-T1`, `${year}-T2`, `${year}-T3`];
  return [String(year)];
}
