/**
 * Reads a contacts CSV (columns: unit, person[, name]; a header row; comma or semicolon, as Excel
 * writes it in Swedish) with csv-parse. Every row is checked before anything is written; errors
 * name the line.
 */
import { parse } from 'csv-parse/sync';
import { parsePerson } from '../core/followup/person';
import { withoutHiddenControls } from '../core/plain-text';
import { MAX_CONTACTS } from '../core/limits';
import type { Contact } from '../core/followup/model';

export interface CsvResult {
  contacts: Contact[];
  errors: string[];
}

export function readContactsCsv(text: string, knownUnits: string[]): CsvResult {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(withoutHiddenControls(text), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    return { contacts: [], errors: [`The file is not CSV: ${(error as Error).message}`] };
  }
  const contacts: Contact[] = [];
  const errors: string[] = [];
  rows.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const unit = row.unit ?? row['enhet'] ?? '';
    const who = row.person ?? row['e-post'] ?? row.email ?? row.upn ?? row['objekt-id'] ?? row.aadobjectid ?? '';
    const name = row.name ?? row['namn'];
    if (!knownUnits.includes(unit)) {
      errors.push(`line ${line}: unit "${unit}" is not among the plan's responsible units`);
      return;
    }
    const person = parsePerson(who);
    if (!person) {
      errors.push(`line ${line}: "${who}" is neither an e-mail address nor an Entra object id`);
      return;
    }
    contacts.push({ unit, person: { ...person, ...(name ? { name } : {}) } });
  });
  if (rows.length === 0) errors.push('The file has no rows after its header (unit, person[, name])');
  if (rows.length > MAX_CONTACTS) errors.push(`The file has ${rows.length} rows; the bot keeps at most ${MAX_CONTACTS} contacts in all`);
  return { contacts, errors };
}
