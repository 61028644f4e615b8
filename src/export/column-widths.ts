/**
 * Column widths for the Word report's tables that keep every word whole. Word and LibreOffice
 * break a word in the middle when its column is narrower than the word ("Pågåend|e",
 * "Svarsfrek|vens"), so each column gets at least its longest word, and what is left of the page
 * goes to the columns of running text (an area's title, a description). When even the words do
 * not fit, the table's type gets smaller, down to a floor, before anything is broken.
 *
 * Widths are measured with the font's own advance widths (Calibri's, through Carlito, its metric
 * twin that LibreOffice uses), with a little to spare.
 */

/** Twentieths of a point (Word's "dxa"). */
export type Twips = number;

/** A4 with Word's default 2.54 cm margins: 21 cm − 2 × 2.54 cm of text width. */
export const A4_TEXT_WIDTH: Twips = 9026;

/** A cell's left and right margins (Word's default 0.19 cm each) and its borders. */
const CELL_PADDING: Twips = 240;

/**
 * Advance widths in thousandths of an em of Carlito Regular and Bold (metric-compatible with
 * Calibri, so Word's widths too), for the printable ASCII characters and then "åäöÅÄÖéÉ–’→", read
 * from the fonts' hmtx tables (Debian's fonts-crosextra-carlito). A character not listed counts as
 * 600, wider than any letter but the widest.
 */
const CHARACTERS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ...'åäöÅÄÖéÉ–’→'];
// prettier-ignore
const REGULAR = [226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498, 479, 479, 527, 579, 579, 662, 498, 488, 498, 250, 905];
// prettier-ignore
const BOLD = [226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498, 494, 494, 538, 606, 606, 676, 503, 488, 498, 258, 905];
const widthTable = (widths: number[]) => new Map(CHARACTERS.map((c, i) => [c, widths[i]!]));
const METRICS = { regular: widthTable(REGULAR), bold: widthTable(BOLD) };
const UNLISTED = 600;
/** Kerning, rounding and the renderer's own measure: a word is given this much more than its sum. */
const SAFETY = 1.06;

/** A word's width at `halfPoints` (Word's font size unit), bold or not. */
export function wordWidth(word: string, halfPoints: number, bold = false): Twips {
  const table = bold ? METRICS.bold : METRICS.regular;
  const thousandths = [...word].reduce((sum, char) => sum + (table.get(char) ?? UNLISTED), 0);
  // One em is the font size: halfPoints / 2 points, 20 twips a point.
  return Math.ceil((thousandths / 1000) * SAFETY * halfPoints * 10);
}

/**
 * The words of a cell, split where a line may break without harm: at spaces, and after a hyphen or
 * slash between letters ("Säkerhets-|samordnare"); a date or an id ("2026-12-10", "A1-4") stays whole.
 */
export const wordsOf = (text: string): string[] => text.split(/\s+|(?<=\p{L}[-–/])(?=\p{L})/u).filter((w) => w !== '');

export interface ColumnInput {
  /** The header, set in bold. */
  header: string;
  cells: string[];
  /**
   * Running text (a title, a description): gets what is left once every column has its longest
   * word, in proportion to how much it holds. A column that is not flexible gets its longest word.
   */
  flexible?: boolean;
}

export interface FittedColumns {
  widths: Twips[];
  /** The font size the table is set in, in half-points. */
  halfPoints: number;
}

/** Font sizes tried, largest first: 10 pt for tables, down to 8 pt before a word would have to break. */
const SIZES = [20, 18, 16];

/** A column's narrowest width at a font size: its longest word (the header bold), and its padding. */
function minimumWidth(column: ColumnInput, halfPoints: number): Twips {
  const header = wordsOf(column.header).map((w) => wordWidth(w, halfPoints, true));
  const cells = column.cells.flatMap(wordsOf).map((w) => wordWidth(w, halfPoints));
  return Math.max(0, ...header, ...cells) + CELL_PADDING;
}

/** How much a flexible column holds: its longest cell, for sharing out the room left. */
const demand = (column: ColumnInput, halfPoints: number): number =>
  Math.max(wordWidth(column.header, halfPoints, true), ...column.cells.map((c) => wordWidth(c, halfPoints)));

export function fitColumns(columns: ColumnInput[], total: Twips = A4_TEXT_WIDTH): FittedColumns {
  const halfPoints = SIZES.find((size) => columns.reduce((sum, c) => sum + minimumWidth(c, size), 0) <= total) ?? SIZES.at(-1)!;
  const minimum = columns.map((c) => minimumWidth(c, halfPoints));
  const used = minimum.reduce((a, b) => a + b, 0);
  if (used >= total) {
    // Even the smallest type does not fit every word (a very long one): shrink in proportion.
    return { widths: minimum.map((w) => Math.floor((w * total) / used)), halfPoints };
  }
  const flexible = columns.map((c, i) => (c.flexible ? i : -1)).filter((i) => i >= 0);
  const takers = flexible.length > 0 ? flexible : columns.map((_, i) => i);
  const wants = takers.map((i) => Math.max(1, demand(columns[i]!, halfPoints) - minimum[i]!));
  const wanted = wants.reduce((a, b) => a + b, 0);
  const room = total - used;
  const widths = [...minimum];
  takers.forEach((i, k) => {
    widths[i]! += Math.floor((room * wants[k]!) / wanted);
  });
  // The rounding's remainder to the first taker, so the table spans the page exactly.
  widths[takers[0]!]! += total - widths.reduce((a, b) => a + b, 0);
  return { widths, halfPoints };
}
