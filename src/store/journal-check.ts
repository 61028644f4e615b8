/**
 * What `npm run store:check` does: reads every journal of an embedded store folder without
 * opening the store (a running bot keeps its lock), reports what is damaged, and on request
 * writes a repaired copy beside each damaged journal: the lines that read cleanly, renumbered,
 * the damaged ones left out. The originals are never changed; putting a copy in place is the
 * operator's decision, made with the bot stopped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINERS } from './document-store';
import { applyEntry, journalText, replayJournal, type Damage } from './journal';
import { DocumentIndex } from './document-index';

export interface JournalReport {
  container: string;
  file: string;
  exists: boolean;
  format: number;
  /** Lines that read cleanly (entries, not counting the header). */
  goodEntries: number;
  /** Documents the good entries add up to. */
  documents: number;
  damage: Damage[];
  tornTail?: { line: number; bytes: number };
  /** Where the repaired copy was written, when asked for and needed. */
  repairedCopy?: string;
}

export function checkStoreFolder(directory: string, options: { repair?: boolean } = {}): JournalReport[] {
  return CONTAINERS.map((container) => {
    const file = join(directory, `${container}.jsonl`);
    if (!existsSync(file)) return { container, file, exists: false, format: 0, goodEntries: 0, documents: 0, damage: [] };
    const replay = replayJournal(readFileSync(file, 'utf8'), container);
    const docs = new DocumentIndex();
    for (const entry of replay.entries) applyEntry(docs, entry);
    const report: JournalReport = {
      container,
      file,
      exists: true,
      format: replay.format,
      goodEntries: replay.entries.length,
      documents: docs.size,
      damage: replay.damage,
      ...(replay.tornTail ? { tornTail: { line: replay.tornTail.line, bytes: replay.tornTail.bytes } } : {}),
    };
    if (options.repair && (replay.damage.length > 0 || replay.tornTail)) {
      report.repairedCopy = `${file}.repaired`;
      writeFileSync(report.repairedCopy, journalText(container, replay.entries));
    }
    return report;
  });
}

/** The report as the operator reads it. */
export function describeReports(reports: JournalReport[], directory: string): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (!r.exists) {
      lines.push(`${r.file}: not there (an empty container)`);
      continue;
    }
    const state =
      r.damage.length > 0
        ? `DAMAGED (${r.damage.length} line${r.damage.length === 1 ? '' : 's'})`
        : r.tornTail
          ? 'a torn last line (repaired automatically at start)'
          : 'OK';
    lines.push(`${r.file}: ${state}; format ${r.format}, ${r.goodEntries} good entries, ${r.documents} documents`);
    for (const d of r.damage) lines.push(`  line ${d.line}: ${d.reason}\n    ${d.excerpt}`);
    if (r.tornTail) lines.push(`  line ${r.tornTail.line}: cut off by a crash, ${r.tornTail.bytes} bytes, dropped`);
    if (r.repairedCopy) lines.push(`  repaired copy: ${r.repairedCopy} (the damaged lines left out; the original is unchanged)`);
  }
  const damaged = reports.filter((r) => r.damage.length > 0);
  if (damaged.length > 0 && !damaged.every((r) => r.repairedCopy))
    lines.push(`\nTo write repaired copies: npm run store:check -- --dir ${directory} --repair`);
  if (damaged.some((r) => r.repairedCopy)) {
    lines.push(
      "\nTo use a repaired copy: stop the bot, keep the damaged file (rename it, e.g. to rounds.jsonl.damaged), rename the .repaired copy to the journal's name, start the bot.",
    );
    lines.push('Check first what the left-out lines held: each was a write (a document put or deleted) that is lost with it.');
  }
  return lines.join('\n');
}
