/**
 * Words a printed text shows broken in two: a piece of at least three letters that begins the word,
 * and the rest of it a few tokens later ("Pågåend … e" for "Pågående"). Text read from a PDF gives
 * a table row's cells line by line, so the rest of a word split by a narrow column comes after the
 * other cells' first lines; words that merely look alike ("Rapportera till" and "de") are further apart.
 */
const WITHIN_TOKENS = 8;

export function brokenWords(text: string, words: string[]): string[] {
  const tokens = text.split(/[\s,.;:()]+/u).filter((t) => t !== '');
  const broken: string[] = [];
  for (const word of words) {
    for (let cut = 3; cut < word.length; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      // A hyphen's own break ("Säkerhets-" + "samordnare") is a break Word may make.
      if (head.endsWith('-')) continue;
      const split = tokens.some((t, i) => t === head && tokens.slice(i + 1, i + 1 + WITHIN_TOKENS).includes(tail));
      if (split) {
        broken.push(`${head}|${tail}`);
        break;
      }
    }
  }
  return broken;
}
