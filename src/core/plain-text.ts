/**
 * Text from people (descriptions, names, glossary entries, synonyms, an imported plan's unit
 * names) is text: it never becomes a link, an image or formatting where it is shown, and it never
 * reads differently from what it is.
 *
 * - `withoutHiddenControls`, at the edge where text enters: bidirectional overrides and isolates
 *   (U+202E makes "fdp.exe" read "exe.pdf") and zero-width characters are removed.
 * - `escapeMarkdown`, where text is shown as Markdown (an Adaptive Card's TextBlock and FactSet, the
 *   Markdown report): every character that starts Markdown syntax is escaped with a backslash, as
 *   CommonMark defines, so "[Logga in](http://…)" and "![p](http://…)" show as they were typed.
 */

/**
 * Invisible characters that change how text reads: bidi embeddings, overrides, isolates and marks;
 * zero-width spaces, joiners and the word joiner; the soft hyphen, the Mongolian vowel separator,
 * the byte order mark; invisible operators.
 */
const HIDDEN_CONTROLS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
/** C0 and C1 control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

export function withoutHiddenControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, '').replace(CONTROL_CHARACTERS, '');
}

/** Punctuation that opens or closes inline Markdown (emphasis, code, links, images, HTML, entities, tables, strikethrough). */
const INLINE_MARKUP = /[\\`*_[\]<>~|&]/g;
/** At the start of a line: a heading, a list item, a setext underline or a thematic break. */
const LINE_MARKUP = /^(?:([#+=-])|(\d{1,9})([.)]))/gm;
/** Indentation, which Markdown reads as a code block: a card has no use for it. */
const INDENTATION = /^[ \t]+/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INDENTATION, '')
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_MARKUP, (_whole, marker: string | undefined, digits: string, delimiter: string) =>
      marker ? `\\${marker}` : `${digits}\\${delimiter}`,
    );
}
