/**
 * The plan's prose as passages: each section's heading and its paragraphs, from the plan's own
 * text (a document's headings and paragraphs, or the template's sheet Text). Staff ask what the
 * plan says in prose (who follows it up and how often, what the law requires, how the actions are
 * financed, the background): the answer quotes the passage and cites its heading. Tables, the
 * table of contents and footnotes are no prose.
 */
import type { PlanSection } from './model';

/** A paragraph shorter than this is a caption or a line of a table, not prose to quote. */
const MIN_PARAGRAPH = 60;

/** The sections of a Markdown document: heading and prose paragraphs, in order; headings without prose are left out. */
export function sectionsOfDocument(document: string): PlanSection[] {
  const sections: PlanSection[] = [];
  let current: PlanSection | undefined;
  for (const raw of document.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^#{1,4}\s+(.+)$/.exec(line);
    if (heading) {
      current = { heading: heading[1]!.replace(/[*_]/g, '').trim(), paragraphs: [] };
      sections.push(current);
      continue;
    }
    // Table rows (tab-separated), contents lines ("…… 6"), footnotes, rules and lists of links are no prose.
    if (!current || line.length < MIN_PARAGRAPH || line.includes('\t') || /\.{4,}|^<sup>|^---|^\|/.test(line)) continue;
    current.paragraphs.push(line.replace(/<sup>\d+<\/sup>/g, '').replace(/[*_]{1,2}/g, ''));
  }
  return sections.filter((s) => s.paragraphs.length > 0);
}
