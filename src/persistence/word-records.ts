/** The municipality's words on the document store: glossary entries, its own words, and the counted unknown words. */
import type { DocumentBody, DocumentStore } from '../store/document-store';
import type { GlossaryEntry } from '../core/plan/glossary';
import type { MunicipalityWord, UnknownWord } from '../core/qa/municipality-words';
import type { WordRecords, WriteOutcome } from '../usecases/ports';
import { documentId } from './document-ids';
import { saved, writeIfUnchanged } from './write-if-unchanged';

type UnknownWordsDoc = DocumentBody & { type: 'unknown-words'; words: UnknownWord[] };

export class WordsOnStore implements WordRecords {
  constructor(private readonly store: DocumentStore) {}

  /** One per code: a new one replaces it. */
  async putGlossaryEntry(entry: GlossaryEntry): Promise<void> {
    await this.store.upsert<DocumentBody & GlossaryEntry>('directory', {
      id: documentId('glossary', entry.code.toLocaleLowerCase('sv')),
      pk: 'glossary',
      type: 'glossary-entry',
      ...entry,
    });
  }

  async listGlossaryEntries(): Promise<GlossaryEntry[]> {
    return (await this.store.listPartition<DocumentBody & GlossaryEntry>('directory', 'glossary', 'glossary-entry')).map((d) => ({
      code: d.code,
      expansion: d.expansion,
      setBy: d.setBy,
      setAt: d.setAt,
    }));
  }

  /** One per word: a new one replaces it. */
  async putMunicipalityWord(word: MunicipalityWord): Promise<void> {
    await this.store.upsert<DocumentBody & MunicipalityWord>('directory', {
      id: documentId('word', word.word),
      pk: 'words',
      type: 'municipality-word',
      ...word,
    });
  }

  async deleteMunicipalityWord(word: string): Promise<boolean> {
    const id = documentId('word', word);
    if (!(await this.store.read('directory', 'words', id))) return false;
    await this.store.delete('directory', 'words', id);
    return true;
  }

  async listMunicipalityWords(): Promise<MunicipalityWord[]> {
    return (await this.store.listPartition<DocumentBody & MunicipalityWord>('directory', 'words', 'municipality-word')).map((d) => ({
      word: d.word,
      planTerms: d.planTerms,
      setBy: d.setBy,
      setAt: d.setAt,
    }));
  }

  async renameGiver(who: string, replacement: string): Promise<number> {
    const given = (setBy: string | undefined) => setBy !== undefined && setBy.toLowerCase() === who.toLowerCase();
    let renamed = 0;
    for (const entry of await this.listGlossaryEntries())
      if (given(entry.setBy)) {
        await this.putGlossaryEntry({ ...entry, setBy: replacement });
        renamed += 1;
      }
    for (const word of await this.listMunicipalityWords())
      if (given(word.setBy)) {
        await this.putMunicipalityWord({ ...word, setBy: replacement });
        renamed += 1;
      }
    return renamed;
  }

  async getUnknownWords(): Promise<{ words: UnknownWord[]; _etag?: string }> {
    const doc = await this.store.read<UnknownWordsDoc>('directory', 'words', 'unknown-words');
    return doc ? { words: doc.words, _etag: doc._etag } : { words: [] };
  }

  async replaceUnknownWords(words: UnknownWord[], ifMatch: string | undefined): Promise<WriteOutcome> {
    const doc: UnknownWordsDoc = { id: 'unknown-words', pk: 'words', type: 'unknown-words', words };
    return saved(await writeIfUnchanged(this.store, 'directory', doc, ifMatch));
  }
}
