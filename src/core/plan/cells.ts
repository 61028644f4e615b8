/**
 * Reads the Ansvarig / Samverkan / Finansiering cells of the plan into lists of units.
 * The cells are free text typed by hand: "KLF (SÄK)", "SÄK(KLF)", "Polisen KLF (SÄK)",
 * "Samtliga förvaltningar genom säkerhets-samordnare", "KLF (HBE, SÅK), Polisen, SF".
 * Known names come from the glossary (longest match first); anything else is kept as printed.
 */
import type { FunderRef, UnitRef } from './model';
import { findSubunit, findUnit, type UnitGlossary } from './glossary';

export interface CellIssue {
  kind: 'unit-typo';
  message: string;
}

interface Lexeme {
  kind: 'name' | 'qualifier' | 'paren' | 'word';
  text: string;
}

const SEPARATOR = /^[\s,;]+/;
const AMOUNT = /^\d[\d\s]*(?:Mkr|mkr|tkr|kr)\b/;

/** Splits a cell into names from the glossary, qualifiers, parenthesised groups and other words. */
function lex(cell: string, glossary: UnitGlossary): Lexeme[] {
  const names = glossary.units.flatMap((u) => [u.code, ...(u.aliases ?? [])]);
  const phrases: Array<{ text: string; kind: 'name' | 'qualifier' }> = [
    ...names.map((text) => ({ text, kind: 'name' as const })),
    ...glossary.qualifiers.map((text) => ({ text, kind: 'qualifier' as const })),
  ].sort((a, b) => b.text.length - a.text.length);

  const out: Lexeme[] = [];
  let rest = cell;
  while (rest.length > 0) {
    const sep = SEPARATOR.exec(rest);
    if (sep) {
      rest = rest.slice(sep[0].length);
      continue;
    }
    if (rest.startsWith('(')) {
      const close = rest.indexOf(')');
      const inner = close < 0 ? rest.slice(1) : rest.slice(1, close);
      out.push({ kind: 'paren', text: inner.trim() });
      rest = close < 0 ? '' : rest.slice(close + 1);
      continue;
    }
    const amount = AMOUNT.exec(rest);
    if (amount) {
      out.push({ kind: 'qualifier', text: amount[0].trim() });
      rest = rest.slice(amount[0].length);
      continue;
    }
    const lower = rest.toLocaleLowerCase('sv');
    const phrase = phrases.find((p) => {
      if (!lower.startsWith(p.text.toLocaleLowerCase('sv'))) return false;
      const next = rest.charAt(p.text.length);
      return next === '' || /[\s,;(]/.test(next) || p.text.endsWith('.');
    });
    // "och" joins two names; a lone "och" is never a unit.
    if (!phrase && /^och(?=\s)/i.test(rest)) {
      rest = rest.slice(3);
      continue;
    }
    if (phrase) {
      out.push({ kind: phrase.kind, text: rest.slice(0, phrase.text.length) });
      rest = rest.slice(phrase.text.length);
      continue;
    }
    const word = /^[^\s,;(]+/.exec(rest);
    const text = word ? word[0] : rest.charAt(0);
    out.push({ kind: 'word', text });
    rest = rest.slice(text.length);
  }
  return out;
}

function splitSubunits(inner: string): string[] {
  return inner
    .split(/\s*(?:,|\/|\soch\s)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Normalizes a subunit code (fixes the plan's typo SÅK → SÄK) and reports what it fixed. */
function normalizeSubunit(raw: string, glossary: UnitGlossary, issues: CellIssue[]): string {
  const known = findSubunit(glossary, raw);
  if (!known) return raw;
  if (known.code !== raw && (known.aliases ?? []).includes(raw)) {
    issues.push({ kind: 'unit-typo', message: `"${raw}" read as "${known.code}"` });
  }
  return known.code;
}

/** Parses an Ansvarig or Samverkan cell into units. */
export function parseUnitCell(cell: string, glossary: UnitGlossary): { units: UnitRef[]; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const units: UnitRef[] = [];
  const lexemes = lex(cell, glossary);
  let pendingWords: string[] = [];
  let pendingPrefix: string | undefined;

  const flushWords = (): void => {
    if (pendingWords.length === 0) return;
    const text = pendingWords.join(' ');
    units.push({ code: text, subunits: [], asPrinted: text, ...(pendingPrefix ? { qualifier: pendingPrefix } : {}) });
    pendingPrefix = undefined;
    pendingWords = [];
  };

  for (const lexeme of lexemes) {
    const last = units[units.length - 1];
    if (lexeme.kind === 'word') {
      pendingWords.push(lexeme.text);
      continue;
    }
    if (lexeme.kind === 'paren') {
      const subunitText = lexeme.text;
      if (pendingWords.length > 0) {
        // "SÄK(KLF)": a subunit written before its parent in parentheses.
        const before = pendingWords.join(' ');
        const parent = findUnit(glossary, subunitText);
        if (parent && findSubunit(glossary, before)) {
          units.push({
            code: parent.code,
            subunits: [normalizeSubunit(before, glossary, issues)],
            asPrinted: `${before}(${subunitText})`,
          });
          pendingWords = [];
          continue;
        }
        flushWords();
      }
      const target = units[units.length - 1];
      if (target) {
        target.subunits.push(...splitSubunits(subunitText).map((s) => normalizeSubunit(s, glossary, issues)));
        target.asPrinted = `${target.asPrinted} (${subunitText})`;
      }
      continue;
    }
    flushWords();
    if (lexeme.kind === 'qualifier') {
      if (lexeme.text === 'IOP' || /från$/i.test(lexeme.text) || /ramen för$/i.test(lexeme.text)) {
        pendingPrefix = lexeme.text;
      } else if (last) {
        last.qualifier = last.qualifier ? `${last.qualifier} ${lexeme.text}` : lexeme.text;
        last.asPrinted = `${last.asPrinted} ${lexeme.text}`;
      }
      continue;
    }
    const unit = findUnit(glossary, lexeme.text);
    units.push({
      code: unit ? unit.code : lexeme.text,
      subunits: [],
      asPrinted: lexeme.text,
      ...(pendingPrefix ? { qualifier: pendingPrefix } : {}),
    });
    pendingPrefix = undefined;
  }
  flushWords();
  return { units: mergeDuplicates(units), issues };
}

/** "KLF, Polisen, … KLF" or "SF … SF (regionskoordinator)": one entry per unit, subunits merged. */
function mergeDuplicates(units: UnitRef[]): UnitRef[] {
  const merged: UnitRef[] = [];
  for (const unit of units) {
    const same = merged.find((m) => m.code === unit.code && m.qualifier === unit.qualifier);
    if (same) {
      for (const s of unit.subunits) if (!same.subunits.includes(s)) same.subunits.push(s);
      same.asPrinted = `${same.asPrinted}, ${unit.asPrinted}`;
    } else {
      merged.push({ ...unit, subunits: [...unit.subunits] });
    }
  }
  return merged;
}

/** Parses a Finansiering cell ("BRÅ samt inom ram", "Stöd från Brå 400 000 kr") into funders. */
export function parseFunderCell(cell: string, glossary: UnitGlossary): FunderRef[] {
  return parseUnitCell(cell, glossary).units.map((u) => ({ code: u.code, asPrinted: u.asPrinted }));
}
