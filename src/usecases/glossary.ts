/**
 * "ordlista VOF Vård- och omsorgsförvaltningen": an admin says what a code of the plan stands for,
 * where the plan does not. Kept with who said it and when; every answer that uses it says so.
 * "ordlista" alone lists what has been given.
 */
import type { Person } from '../core/followup/model';
import { codesWithoutName, findSubunit, findUnit, withEntries, type GlossaryEntry } from '../core/plan/glossary';
import type { FollowUp } from './follow-up';
import { unlessAdmin, whoSaid } from './access';
import { refuse, type Result } from './result';

/** Long enough for "Kommunledningsförvaltningen, säkerhetsenheten"; short enough for a card line. */
export const MAX_EXPANSION_LENGTH = 120;

export async function setGlossaryExpansion(
  service: Pick<FollowUp, 'glossary' | 'isAdmin' | 'plan' | 'words'>,
  actor: Person,
  input: { code: string; expansion: string },
  now = new Date(),
): Promise<Result<{ entry: GlossaryEntry }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const expansion = input.expansion.replace(/\s+/g, ' ').trim();
  if (expansion === '' || expansion.length > MAX_EXPANSION_LENGTH) return refuse({ reason: 'bad-expansion', max: MAX_EXPANSION_LENGTH });
  const defined = service.plan.abbreviations.find((a) => a.abbreviation.toLocaleUpperCase('sv') === input.code.toLocaleUpperCase('sv'));
  if (defined) return refuse({ reason: 'defined-by-plan', code: defined.abbreviation, expansion: defined.expansion });
  // Only codes the plan uses: an entry for anything else would explain nothing.
  const known = findUnit(service.glossary, input.code) ?? findSubunit(service.glossary, input.code);
  if (!known) return refuse({ reason: 'unknown-unit', unit: input.code.slice(0, 40) });
  const entry: GlossaryEntry = {
    code: known.code,
    expansion,
    setBy: whoSaid(actor),
    setAt: now.toISOString(),
  };
  await service.words.putGlossaryEntry(entry);
  return { ok: true, entry };
}

/** What the municipality has given, for everyone to see. */
export async function glossaryEntries(service: Pick<FollowUp, 'words'>): Promise<GlossaryEntry[]> {
  return (await service.words.listGlossaryEntries()).sort((a, b) => a.code.localeCompare(b.code, 'sv'));
}

/** The codes of the plan that nobody has named yet, the names given in chat counted: what admins are asked to fill in. */
export async function unnamedCodes(service: Pick<FollowUp, 'glossary' | 'plan' | 'words'>): Promise<string[]> {
  return codesWithoutName(service.plan, withEntries(service.glossary, await service.words.listGlossaryEntries()));
}

export interface GlossaryOverview {
  /** Codes without a name, for the form's choices first. */
  unnamed: string[];
  /** Every code the form may name: the unnamed first, then the others the glossary has (to correct one). */
  codes: string[];
  given: GlossaryEntry[];
  /** Admins get the form; everyone sees the list. */
  canEdit: boolean;
}

/** `ordlista`: what has no name yet, what the municipality has given, and for admins the form to give one. */
export async function glossaryOverview(
  service: Pick<FollowUp, 'glossary' | 'isAdmin' | 'plan' | 'words'>,
  actor: Person,
): Promise<GlossaryOverview> {
  const [entries, canEdit] = await Promise.all([service.words.listGlossaryEntries(), service.isAdmin(actor)]);
  const unnamed = codesWithoutName(service.plan, withEntries(service.glossary, entries));
  const given = [...entries].sort((a, b) => a.code.localeCompare(b.code, 'sv'));
  const defined = new Set(service.plan.abbreviations.map((a) => a.abbreviation.toLocaleUpperCase('sv')));
  const others = [...service.glossary.units, ...service.glossary.subunits]
    .map((u) => u.code)
    .filter((code) => !unnamed.includes(code) && !defined.has(code.toLocaleUpperCase('sv')))
    .sort((a, b) => a.localeCompare(b, 'sv'));
  return { unnamed, codes: [...new Set([...unnamed, ...others])], given, canEdit };
}
