/**
 * Text as people type or paste it into Teams, made plain before anything reads it. Cards print
 * action ids with a non-breaking hyphen ("A14‑3") so they never break across lines; someone who
 * copies the id from a card, or whose keyboard turns "-" into a dash, means the same id.
 */
import { withoutHiddenControls } from './plain-text';

/** Hyphens and dashes that may stand between two letters or digits for "-". */
const HYPHEN_LIKE = /(?<=[\p{L}\p{N}])[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D](?=[\p{L}\p{N}])/gu;
/** Spaces that are not plain: no-break, narrow no-break, thin, figure. */
const ODD_SPACES = /[\u00A0\u2007\u2009\u202F]/g;

export function plainTyped(text: string): string {
  return withoutHiddenControls(text.normalize('NFC')).replace(ODD_SPACES, ' ').replace(HYPHEN_LIKE, '-');
}

/** An action id as cards print it: "A14-3" with a non-breaking hyphen, so it stays on one line. */
export const unbreakableId = (id: string): string => id.replace(/-/g, '\u2011');
