/**
 * The embedded store's journal format, and reading it back with every kind of damage found.
 *
 * One file per container, one committed write per line:
 *
 *     <seq> TAB <checksum> TAB <entry as JSON> LF
 *
 * Line 1 (seq 0) is a header naming the format and the container; every later line carries the
 * next sequence number, and a checksum (the first 16 hex digits of SHA-256 over "<seq> TAB <json>").
 * So a line changed by a disk, an editor or a bad copy is found even when it still parses, and a
 * line lost or repeated in the middle breaks the sequence. A line without its LF at the very end
 * of the file is a write cut off by a crash: the only damage repaired without asking.
 *
 * Files written before this format (plain JSON lines, no header) are still read, with the checks
 * their format allows (JSON, entry shape), and rewritten in this format once they replay cleanly.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import Ajv from 'ajv';
import type { StoredDocument } from './document-store';

export type JournalEntry = { put: StoredDocument } | { del: { pk: string; id: string } } | { batch: JournalEntry[] };

export const JOURNAL_FORMAT = 2;

interface Header {
  journal: 'trygghetsbot';
  format: number;
  container: string;
}

const entrySchema = {
  $defs: {
    put: {
      type: 'object',
      required: ['put'],
      additionalProperties: false,
      properties: {
        put: {
          type: 'object',
          required: ['id', 'pk', 'type', '_etag', '_ts'],
          properties: {
            id: { type: 'string' },
            pk: { type: 'string' },
            type: { type: 'string' },
            _etag: { type: 'string' },
            _ts: { type: 'number' },
          },
        },
      },
    },
    del: {
      type: 'object',
      required: ['del'],
      additionalProperties: false,
      properties: { del: { type: 'object', required: ['pk', 'id'], properties: { pk: { type: 'string' }, id: { type: 'string' } } } },
    },
  },
  oneOf: [
    { $ref: '#/$defs/put' },
    { $ref: '#/$defs/del' },
    {
      type: 'object',
      required: ['batch'],
      additionalProperties: false,
      properties: { batch: { type: 'array', minItems: 1, items: { oneOf: [{ $ref: '#/$defs/put' }, { $ref: '#/$defs/del' }] } } },
    },
  ],
};

const isEntry = new Ajv().compile<JournalEntry>(entrySchema);

const checksum = (seq: number, json: string): string => createHash('sha256').update(`${seq}\t${json}`).digest('hex').slice(0, 16);

export function encodeLine(seq: number, entry: JournalEntry | Header): string {
  const json = JSON.stringify(entry);
  return `${seq}\t${checksum(seq, json)}\t${json}\n`;
}

export const headerLine = (container: string): string => encodeLine(0, { journal: 'trygghetsbot', format: JOURNAL_FORMAT, container });

export interface Damage {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
  /** The start of the line as found, for the operator. */
  excerpt: string;
}

export interface Replay {
  /** The entries that read cleanly, in order. */
  entries: JournalEntry[];
  /** The file's format: 2, 1 (plain JSON lines, before checksums) or 0 (empty file). */
  format: number;
  /** Sequence number of the last good line (the next write takes the one after). */
  lastSeq: number;
  /** Lines that are damaged; the file may not be used as it is while there are any. */
  damage: Damage[];
  /** A last line cut off by a crash (no LF): its byte offset and length. Safe to drop. */
  tornTail?: { line: number; offset: number; bytes: number };
}

const excerptOf = (line: string): string => (line.length > 120 ? `${line.slice(0, 120)}…` : line);

/** Reads a journal's text; finds every damaged line instead of skipping it. */
export function replayJournal(text: string, container: string): Replay {
  return replayJournalLines(text.split('\n'), container);
}

/** A journal file's lines, read a megabyte at a time, so that the file is never held whole in memory. The last is what follows the last LF ('' when the file ends with one). */
export function* journalFileLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest + decoder.end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a journal line by line (the text split at LF: the last element is what follows the last
 * LF); finds every damaged line instead of skipping it. Each good entry goes to `onEntry` as it is
 * read, or, without one, is collected in `entries` (for store:check, which writes a repaired copy).
 */
export function replayJournalLines(lines: Iterable<string>, container: string, onEntry?: (entry: JournalEntry) => void): Replay {
  const replay: Replay = { entries: [], format: 0, lastSeq: 0, damage: [] };
  const take = onEntry ?? ((entry: JournalEntry) => void replay.entries.push(entry));
  let index = -1;
  let offset = 0;
  let pending: string | undefined;
  for (const line of lines) {
    if (pending !== undefined) {
      index += 1;
      if (index === 0) replay.format = pending.startsWith('{') ? 1 : JOURNAL_FORMAT;
      readLine(replay, pending, index, container, take);
      offset += Buffer.byteLength(pending) + 1;
    }
    pending = line;
  }
  // The last element: '' when the file ends with LF, else an unterminated last line (a torn write).
  if (pending !== undefined && pending !== '') replay.tornTail = { line: index + 2, offset, bytes: Buffer.byteLength(pending) };
  return replay;
}

function readLine(replay: Replay, line: string, index: number, container: string, take: (entry: JournalEntry) => void): void {
  const lineNumber = index + 1;
  const problem = (reason: string): void => void replay.damage.push({ line: lineNumber, reason, excerpt: excerptOf(line) });
  let json = line;
  if (replay.format === JOURNAL_FORMAT) {
    const m = /^(\d+)\t([0-9a-f]{16})\t(.*)$/.exec(line);
    if (!m) return problem('not a journal line (sequence, checksum, JSON)');
    const seq = Number(m[1]);
    json = m[3]!;
    if (checksum(seq, json) !== m[2]) return problem('checksum does not match: the line was changed after it was written');
    if (seq !== index) return problem(`out of sequence: number ${seq} where ${index} belongs (a line before it is missing or repeated)`);
    replay.lastSeq = seq;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return problem('not valid JSON');
  }
  if (replay.format === JOURNAL_FORMAT && index === 0) {
    const header = value as Partial<Header>;
    if (header.journal !== 'trygghetsbot' || header.format !== JOURNAL_FORMAT) return problem('not a trygghetsbot journal header');
    if (header.container !== container) return problem(`the journal of container "${String(header.container)}", not "${container}"`);
    return;
  }
  if (!isEntry(value)) return problem('not a store entry (put, del or batch of documents with id, pk, type, _etag, _ts)');
  take(value);
}

/** Where entries are applied: the store's document index (document-index.ts). */
export interface DocumentSink {
  put(doc: StoredDocument): void;
  remove(pk: string, id: string): void;
}

export function applyEntry(docs: DocumentSink, entry: JournalEntry): void {
  if ('put' in entry) docs.put(entry.put);
  else if ('del' in entry) docs.remove(entry.del.pk, entry.del.id);
  else for (const inner of entry.batch) applyEntry(docs, inner);
}

/** The good entries as a fresh journal, written to `fd` a megabyte at a time (header, then one line each, renumbered). */
export function writeJournal(fd: number, container: string, entries: Iterable<JournalEntry>): number {
  let seq = 0;
  let chunk = headerLine(container);
  for (const entry of entries) {
    chunk += encodeLine(++seq, entry);
    if (chunk.length >= 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  if (chunk) writeSync(fd, chunk);
  return seq;
}

/** The good entries of a replay as a fresh journal (header, then one line each, renumbered). */
export function journalText(container: string, entries: Iterable<JournalEntry>): string {
  let seq = 0;
  let text = headerLine(container);
  for (const entry of entries) text += encodeLine(++seq, entry);
  return text;
}
