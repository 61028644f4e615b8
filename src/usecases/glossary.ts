/**
 * "ordlista VOF Vård- och omsorgsförvaltningen": an admin says what a code of the plan stands for,
 * where the plan does not. Kept with who said it and when; every answer that uses it says so.
 * "ordlista" alone lists what has been given.
 */
import type { Person } from '../core/followup/model';
import { findSubunit, findUnit, type GlossaryEntry } from '../core/plan/glossary';
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
