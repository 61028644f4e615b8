/**
 * The plan template's sheets and columns, with the header variants people write ("Ansvar",
 * "Ansvarig enhet", "Åtgärder", "Fokusområde"). Headers match case-insensitively, with or without
 * a trailing "*", ":" or "(obligatorisk)". One table: the writer of the template and the reader
 * of a filled one both use it.
 */

export type ActionColumn =
  | 'area'
  | 'goal'
  | 'id'
  | 'action'
  | 'ansvarig'
  | 'samverkan'
  | 'finansiering'
  | 'timeframe'
  | 'indicator'
  | 'baseline'
  | 'target'
  | 'cause'
  | 'replaces';

export interface ColumnDefinition<K extends string> {
  key: K;
  /** The header the template writes. */
  header: string;
  required: boolean;
  /** Other headers that mean the same column (lower case). */
  variants: string[];
  /** What goes in the column: the template's second row explains it. */
  help: string;
}

export const ACTIONS_SHEET = 'Åtgärder';
export const PLAN_SHEET = 'Plan';
export const UNITS_SHEET = 'Enheter';
export const ABBREVIATIONS_SHEET = 'Förkortningar';
export const TEXT_SHEET = 'Text';

export const ACTION_COLUMNS: ColumnDefinition<ActionColumn>[] = [
  {
    key: 'area',
    header: 'Område',
    required: true,
    variants: ['målområde', 'fokusområde', 'insatsområde', 'arbetssätt', 'område nr', 'områden'],
    help: 'Målområde, fokusområde eller arbetssätt som åtgärden hör till, t.ex. "1. Trygg stadsmiljö"',
  },
  {
    key: 'goal',
    header: 'Mål',
    required: false,
    variants: ['operativa mål', 'operativt mål', 'delmål', 'målsättning'],
    help: 'Målet under området som åtgärden ska bidra till (valfritt)',
  },
  {
    key: 'id',
    header: 'Id',
    required: false,
    variants: ['nr', 'nummer', 'åtgärdsnummer', 'åtgärds-id', 'åtgärdsid'],
    help: 'Åtgärdens beteckning, t.ex. "1.3" (valfritt: saknas den skapas en som blir densamma vid varje import)',
  },
  {
    key: 'action',
    header: 'Åtgärd',
    required: true,
    variants: ['åtgärder', 'aktivitet', 'aktiviteter', 'insats', 'beskrivning'],
    help: 'Vad som ska göras',
  },
  {
    key: 'ansvarig',
    header: 'Ansvarig',
    required: true,
    variants: ['ansvar', 'ansvarig enhet', 'ansvariga', 'huvudansvarig', 'vem', 'ansvarig förvaltning'],
    help: 'Den eller de enheter som ansvarar, med koderna i fliken Enheter, åtskilda med komma',
  },
  {
    key: 'samverkan',
    header: 'Samverkan',
    required: false,
    variants: ['samverkanspart', 'samverkansparter', 'i samverkan med', 'samarbetspartner'],
    help: 'Enheter och aktörer som samverkar, åtskilda med komma',
  },
  {
    key: 'finansiering',
    header: 'Finansiering',
    required: false,
    variants: ['finansieras', 'budget', 'kostnad'],
    help: 'Hur åtgärden finansieras, t.ex. "Inom ram" eller "Brå 200 tkr"',
  },
  {
    key: 'timeframe',
    header: 'Tidsplan',
    required: false,
    variants: ['när', 'tid', 'tidpunkt', 'tidsram', 'period'],
    help: 'När åtgärden ska genomföras, t.ex. "2025–2026"',
  },
  {
    key: 'indicator',
    header: 'Indikator',
    required: false,
    variants: ['indikatorer', 'mått', 'nyckeltal', 'uppföljning'],
    help: 'Hur effekten mäts',
  },
  {
    key: 'baseline',
    header: 'Utgångsvärde',
    required: false,
    variants: ['nuläge', 'basvärde', 'ingångsvärde'],
    help: 'Indikatorns värde i dag',
  },
  {
    key: 'target',
    header: 'Målvärde',
    required: false,
    variants: ['målnivå', 'önskat läge'],
    help: 'Indikatorns värde när målet är nått',
  },
  {
    key: 'cause',
    header: 'Orsak',
    required: false,
    variants: ['orsaker', 'problem', 'problembild', 'lägesbild'],
    help: 'Problemet i lägesbilden som åtgärden ska möta',
  },
  {
    key: 'replaces',
    header: 'Ersätter',
    required: false,
    variants: ['ersätter id', 'tidigare id', 'ersätter åtgärd'],
    help: 'I en reviderad plan: id för den eller de åtgärder i förra versionen som den här ersätter, åtskilda med komma (valfritt)',
  },
];

export type PlanKey =
  | 'municipality'
  | 'title'
  | 'diarienummer'
  | 'adoptedBy'
  | 'adoptedAt'
  | 'validity'
  | 'version'
  | 'period'
  | 'statuses'
  | 'areaKind'
  | 'spelling'
  | 'followedUpBy'
  | 'reportedTo';

export const PLAN_KEYS: ColumnDefinition<PlanKey>[] = [
  { key: 'municipality', header: 'Kommun', required: true, variants: ['kommunnamn'], help: 'T.ex. "Exempelby kommun"' },
  { key: 'title', header: 'Titel', required: true, variants: ['plan', 'namn', 'rubrik'], help: 'Planens titel som den citeras' },
  {
    key: 'diarienummer',
    header: 'Diarienummer',
    required: false,
    variants: ['dnr', 'dnr.', 'registreringsnummer', 'diarie-nr'],
    help: 'T.ex. "KS 2025/123"',
  },
  {
    key: 'adoptedBy',
    header: 'Beslutad av',
    required: false,
    variants: ['antagen av', 'antaget av', 'beslutsfattare'],
    help: 'T.ex. "Kommunfullmäktige"',
  },
  { key: 'adoptedAt', header: 'Beslutsdatum', required: false, variants: ['beslutad', 'antagen', 'datum'], help: 'ÅÅÅÅ-MM-DD' },
  { key: 'validity', header: 'Giltighetstid', required: false, variants: ['giltig', 'planperiod'], help: 'T.ex. "2025–2027"' },
  { key: 'version', header: 'Version', required: false, variants: ['planversion', 'revision'], help: 'T.ex. "2025" eller "2025-2"' },
  {
    key: 'period',
    header: 'Uppföljning',
    required: false,
    variants: ['uppföljningsperiod', 'följs upp'],
    help: 'år, halvår eller tertial (standard: år)',
  },
  {
    key: 'statuses',
    header: 'Statusar',
    required: false,
    variants: ['status', 'statusskala'],
    help: 'standard (Pågående, Påbörjad, Ej påbörjad) eller trafikljus (Grön, Gul, Röd)',
  },
  {
    key: 'areaKind',
    header: 'Områdestyp',
    required: false,
    variants: ['typ av område'],
    help: 'Vad planens områden kallas, t.ex. "Fokusområde" (standard: kolumnrubriken i fliken Åtgärder)',
  },
  {
    key: 'followedUpBy',
    header: 'Uppföljningsansvarig',
    required: false,
    variants: ['följs upp av', 'uppföljning av', 'sammanställs av'],
    help: 'Vem som följer upp planen och sammanställer svaren, t.ex. "Säkerhetschefen tillsammans med lokalpolisområdet"',
  },
  {
    key: 'reportedTo',
    header: 'Rapporteras till',
    required: false,
    variants: ['rapporteras', 'redovisas för', 'redovisas till', 'mottagare'],
    help: 'Vem uppföljningen redovisas för, t.ex. "Kommunstyrelsen"',
  },
  {
    key: 'spelling',
    header: 'Stavning',
    required: false,
    variants: ['stavningar'],
    help: 'Planens egna felstavningar som användare skriver rätt: "skrivet=rättat; …"',
  },
];

export type UnitColumn = 'code' | 'name' | 'type';

export const UNIT_COLUMNS: ColumnDefinition<UnitColumn>[] = [
  {
    key: 'code',
    header: 'Kod',
    required: true,
    variants: ['förkortning', 'enhet', 'kortnamn'],
    help: 'Som i Ansvarig och Samverkan, t.ex. "SOC"',
  },
  { key: 'name', header: 'Namn', required: false, variants: ['fullständigt namn', 'benämning'], help: 'T.ex. "Socialförvaltningen"' },
  {
    key: 'type',
    header: 'Typ',
    required: true,
    variants: ['kategori'],
    help: 'förvaltning, bolag (kommunalt bolag), kommun (kommunen som helhet), extern, förening, roll eller finansiär',
  },
];

export type TextColumn = 'heading' | 'text';

export const TEXT_COLUMNS: ColumnDefinition<TextColumn>[] = [
  {
    key: 'heading',
    header: 'Rubrik',
    required: true,
    variants: ['avsnitt', 'kapitel'],
    help: 'Avsnittets rubrik i planen, t.ex. "Uppföljning"',
  },
  {
    key: 'text',
    header: 'Text',
    required: true,
    variants: ['stycke', 'brödtext', 'innehåll'],
    help: 'Ett stycke av planens text under rubriken; flera stycken på var sin rad med samma rubrik',
  },
];

export type AbbreviationColumn = 'abbreviation' | 'expansion';

export const ABBREVIATION_COLUMNS: ColumnDefinition<AbbreviationColumn>[] = [
  {
    key: 'abbreviation',
    header: 'Förkortning',
    required: true,
    variants: ['kod', 'förkortningar'],
    help: 'Som planen skriver den, t.ex. "SSPF"',
  },
  {
    key: 'expansion',
    header: 'Betydelse',
    required: true,
    variants: ['betyder', 'förklaring', 'utskrivet', 'fullständigt namn', 'namn'],
    help: 'Vad den står för, t.ex. "Skola, socialtjänst, polis och fritid i samverkan"',
  },
];

/** A header as typed, for matching: lower case, single spaces, no "*", ":" or "(obligatorisk)". */
export function normalizeHeader(header: string): string {
  return header
    .toLocaleLowerCase('sv')
    .replace(/\(obligatorisk\)|\(valfri\)/g, '')
    .replace(/[*:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The column a header names, if any. */
export function columnOf<K extends string>(columns: ColumnDefinition<K>[], header: string): ColumnDefinition<K> | undefined {
  const wanted = normalizeHeader(header);
  if (wanted === '') return undefined;
  return columns.find((c) => normalizeHeader(c.header) === wanted || c.variants.includes(wanted));
}
