/**
 * "synonym kamera = kamerabevakning": an admin gives a word staff use for words of the plan; the
 * answers read it so from then on. "synonymer" lists them, "ta bort synonym kamera" takes one back,
 * "okända ord" shows the words of questions that found nothing, most asked first, to give.
 */
import type { Person } from '../core/followup/model';
import { PlanSearch } from '../core/qa/search';
import type { Plan } from '../core/plan/model';
import { findSubunit, findUnit } from '../core/plan/glossary';
import {
  checkMunicipalityWord,
  unknownWordsShown,
  withUnknownWords,
  type AskedWord,
  type MunicipalityWord,
  type UnknownWord,
} from '../core/qa/municipality-words';
import { createHash } from 'node:crypto';
import type { FollowUp } from './follow-up';
import { unlessAdmin, whoSaid } from './access';
import { refuse, type Result } from './result';
import { changeIfUnchanged } from './change-if-unchanged';

/** The plan's words, for checking what an admin gives: built once a plan (tens of milliseconds). */
const searches = new WeakMap<Plan, PlanSearch>();
function planSearch(plan: Plan): PlanSearch {
  let search = searches.get(plan);
  if (!search) {
    search = new PlanSearch(plan);
    searches.set(plan, search);
  }
  return search;
}

export async function setMunicipalityWord(
  service: Pick<FollowUp, 'glossary' | 'isAdmin' | 'plan' | 'words'>,
  actor: Person,
  input: { word: string; terms: string },
  now = new Date(),
): Promise<Result<{ entry: MunicipalityWord }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const search = planSearch(service.plan);
  // A unit's code or name is the plan's too: a question naming it is about the unit ("SF", "Polisen").
  const isUnit = (w: string) => findUnit(service.glossary, w) !== undefined || findSubunit(service.glossary, w) !== undefined;
  const checked = checkMunicipalityWord(input, {
    word: (w) => search.knows(w),
    wordAsPrinted: (w) => search.knowsExactly(w) || isUnit(w),
  });
  if (!checked.ok) {
    if (checked.reason === 'bad-word') return refuse({ reason: 'bad-word', max: checked.max });
    if (checked.reason === 'word-in-plan') return refuse({ reason: 'word-in-plan', word: checked.word });
    return refuse({ reason: 'terms-not-in-plan', terms: checked.terms.map((t) => t.slice(0, 40)) });
  }
  const entry: MunicipalityWord = {
    word: checked.word,
    planTerms: checked.planTerms,
    setBy: whoSaid(actor),
    setAt: now.toISOString(),
  };
  // One document: the unknown words show it no longer since they are read without the words given.
  await service.words.putMunicipalityWord(entry);
  return { ok: true, entry };
}

export async function removeMunicipalityWord(
  service: Pick<FollowUp, 'isAdmin' | 'words'>,
  actor: Person,
  word: string,
): Promise<Result<{ word: string }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const normalized = word.trim().toLocaleLowerCase('sv');
  if (!(await service.words.deleteMunicipalityWord(normalized))) return refuse({ reason: 'unknown-word', word: normalized.slice(0, 40) });
  return { ok: true, word: normalized };
}

/** The words the municipality gave, alphabetically, for everyone to see. */
export async function municipalityWords(service: Pick<FollowUp, 'words'>): Promise<MunicipalityWord[]> {
  return (await service.words.listMunicipalityWords()).sort((a, b) => a.word.localeCompare(b.word, 'sv'));
}

/**
 * The words of questions that found nothing, asked by more than one person, most people first,
 * without those given since (in any form) or not asked for a year: for admins, who can give them.
 */
export async function unknownWords(
  service: Pick<FollowUp, 'isAdmin' | 'words'>,
  actor: Person,
  now = new Date(),
): Promise<Result<{ words: UnknownWord[] }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const given = (await service.words.listMunicipalityWords()).map((w) => w.word);
  return { ok: true, words: unknownWordsShown(withUnknownWords((await service.words.getUnknownWords()).words, [], now, given)) };
}

/** For admins, who can give them: the words of questions that found nothing, most asked first, and the words given. */
export async function wordsOverview(
  service: Pick<FollowUp, 'isAdmin' | 'words'>,
  actor: Person,
): Promise<Result<{ unknown: UnknownWord[]; given: MunicipalityWord[] }>> {
  const unknown = await unknownWords(service, actor);
  if (!unknown.ok) return unknown;
  return { ok: true, unknown: unknown.words, given: await municipalityWords(service) };
}

/**
 * The words one person asked, each with a key that names nobody: a hash of the word and the
 * person's id. It tells the same person asking the same word again from someone else, and
 * nothing more: the same person's keys for two words differ, so no list of what one person asked
 * can be drawn from the stored words.
 */
export function askedBy(words: string[], personId: string): AskedWord[] {
  return words.map((word) => ({
    word,
    askerKey: createHash('sha256').update(`unknown-word\u0000${word}\u0000${personId}`).digest('base64url').slice(0, 16),
  }));
}

/** Counts words of questions that found nothing (see municipality-words.wordsToCount), once per person and day. */
export async function countUnknownWords(service: Pick<FollowUp, 'words'>, asked: AskedWord[], now = new Date()): Promise<void> {
  if (asked.length === 0) return;
  const given = (await service.words.listMunicipalityWords()).map((w) => w.word);
  await changeUnknownWords(service, (current) => withUnknownWords(current, asked, now, given));
}

/** Read, change, write with the ETag: another instance counting at the same time is read again, a few times. */
async function changeUnknownWords(service: Pick<FollowUp, 'words'>, change: (words: UnknownWord[]) => UnknownWord[]): Promise<void> {
  await changeIfUnchanged(
    'the unknown words',
    () => service.words.getUnknownWords(),
    (current) => service.words.replaceUnknownWords(change(current.words), current._etag),
  );
}
