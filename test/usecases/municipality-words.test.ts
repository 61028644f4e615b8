/**
 * The municipality's own words below HTTP: given by admins only, checked against the plan, kept
 * with who and when, taken back; and the words of unanswered questions counted, also by two
 * instances at once, and forgotten once given.
 */
import { strict as assert } from 'node:assert';
import { MemoryStore } from '../../src/store/memory-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { LiveAnswerer } from '../../src/usecases/live-answerer';
import { UnknownWordsCounter } from '../../src/usecases/unknown-words-counter';
import { createLogger } from '../../src/log';
import {
  askedBy,
  countUnknownWords,
  municipalityWords,
  removeMunicipalityWord,
  setMunicipalityWord,
  unknownWords,
} from '../../src/usecases/municipality-words';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { peopleWhoAsked } from '../../src/core/qa/municipality-words';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a', upn: 'admin@example.com' };
const ANNA = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b', upn: 'anna@example.com' };
const NOW = new Date('2026-11-27T08:00:00Z');

describe("use cases: the municipality's own words", () => {
  let store: MemoryStore;
  let service: FollowUp;

  beforeEach(() => {
    store = new MemoryStore();
    service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
  });
  afterEach(async () => {
    await store.close();
  });

  it('are given by admins only, checked against the plan, listed with who and when, and taken back', async () => {
    assert.deepEqual(await setMunicipalityWord(service, ANNA, { word: 'drönare', terms: 'kamerabevakning' }, NOW), {
      ok: false,
      reason: 'not-admin',
    });
    assert.deepEqual(await unknownWords(service, ANNA), { ok: false, reason: 'not-admin' });
    assert.deepEqual(await removeMunicipalityWord(service, ANNA, 'drönare'), { ok: false, reason: 'not-admin' });
    assert.deepEqual(await setMunicipalityWord(service, ADMIN, { word: 'drönare', terms: 'luftövervakning' }, NOW), {
      ok: false,
      reason: 'terms-not-in-plan',
      terms: ['luftövervakning'],
    });
    assert.deepEqual(await setMunicipalityWord(service, ADMIN, { word: 'trygghet', terms: 'kamerabevakning' }, NOW), {
      ok: false,
      reason: 'word-in-plan',
      word: 'trygghet',
    });
    assert.equal((await setMunicipalityWord(service, ADMIN, { word: 'två ord', terms: 'kamerabevakning' }, NOW)).ok, false);
    for (const unit of ['SF', 'polisen'])
      assert.deepEqual(await setMunicipalityWord(service, ADMIN, { word: unit, terms: 'kamerabevakning' }, NOW), {
        ok: false,
        reason: 'word-in-plan',
        word: unit.toLocaleLowerCase('sv'),
      });
    assert.deepEqual(await municipalityWords(service), [], 'nothing refused was kept');

    const saved = await setMunicipalityWord(service, ADMIN, { word: 'Drönare', terms: 'kamerabevakning' }, NOW);
    assert.ok(saved.ok);
    assert.deepEqual(await municipalityWords(service), [
      { word: 'drönare', planTerms: ['kamerabevakning'], setBy: 'admin@example.com', setAt: NOW.toISOString() },
    ]);
    assert.deepEqual(await removeMunicipalityWord(service, ADMIN, 'DRÖNARE'), { ok: true, word: 'drönare' });
    assert.deepEqual(await removeMunicipalityWord(service, ADMIN, 'drönare'), { ok: false, reason: 'unknown-word', word: 'drönare' });
    assert.deepEqual(await municipalityWords(service), []);
  });

  it('counts the words of unanswered questions, two instances at once too, and forgets a word once it is given', async () => {
    await Promise.all([
      countUnknownWords(service, askedBy(['drönarna', 'robotar'], 'anna'), NOW),
      countUnknownWords(service, askedBy(['drönarna', 'robotar'], 'erik'), NOW),
    ]);
    const counted = await unknownWords(service, ADMIN);
    assert.ok(counted.ok);
    assert.deepEqual(
      counted.words.map((w) => [w.word, w.count]),
      [
        ['drönarna', 2],
        ['robotar', 2],
      ],
    );
    // Given in its base form: the form counted goes too, and is not counted again.
    assert.ok((await setMunicipalityWord(service, ADMIN, { word: 'drönare', terms: 'kamerabevakning' }, NOW)).ok);
    const shown = await unknownWords(service, ADMIN, NOW);
    assert.deepEqual(shown.ok && shown.words.map((w) => w.word), ['robotar'], 'shown without the word given, at once');
    await countUnknownWords(service, askedBy(['drönarna'], 'sara'), NOW);
    assert.deepEqual(
      (await service.words.getUnknownWords()).words.map((w) => w.word),
      ['robotar'],
      'and left out of what is stored when counting next',
    );
  });

  it('counts one person once a word a day, and shows a word only when several people asked it (#24: one person could fill the list)', async () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    for (let i = 0; i < 150; i++) await countUnknownWords(service, askedBy(['blajord'], 'mallory'), day(1));
    let stored = (await service.words.getUnknownWords()).words.find((w) => w.word === 'blajord');
    assert.equal(stored?.count, 1, '150 askings by one person on one day count once');
    assert.deepEqual(await shownWords(day(1)), [], 'one person alone never puts a word on the admins card');
    await countUnknownWords(service, askedBy(['blajord'], 'mallory'), day(2));
    stored = (await service.words.getUnknownWords()).words.find((w) => w.word === 'blajord');
    assert.equal(stored?.count, 2, 'again the next day: once more');
    assert.deepEqual(await shownWords(day(2)), [], 'still one person');
    await countUnknownWords(service, askedBy(['blajord'], 'anna'), day(2));
    assert.deepEqual(await shownWords(day(2)), [['blajord', 2]], 'two people: shown, with how many people');
    // The keys name nobody: not the person's id, and another for another word.
    const keys = JSON.stringify((await service.words.getUnknownWords()).words);
    assert.doesNotMatch(keys, /mallory|anna/);
    assert.notEqual(askedBy(['ett'], 'anna')[0]!.askerKey, askedBy(['två'], 'anna')[0]!.askerKey);
  });

  async function shownWords(now: Date): Promise<Array<[string, number]>> {
    const shown = await unknownWords(service, ADMIN, now);
    assert.ok(shown.ok);
    return shown.words.map((w) => [w.word, peopleWhoAsked(w)]);
  }

  it('are read by the answers once refreshed; words of unanswered questions are counted in the background', async () => {
    const answerer = new LiveAnswerer(
      PLAN,
      GLOSSARY,
      () => Promise.resolve([]),
      () => municipalityWords(service),
      createLogger('silent'),
    );
    await answerer.refresh();
    const question = 'vem tar hand om drönarna?';
    const refused = answerer.answer(question);
    assert.equal(refused.kind, 'not-found');
    const counter = new UnknownWordsCounter((asked) => countUnknownWords(service, asked), createLogger('silent'), 60_000);
    counter.add(askedBy(answerer.wordsToCount(question, refused), 'anna'));
    counter.add(askedBy(answerer.wordsToCount(question, refused), 'erik'));
    await counter.flush();
    const counted = await unknownWords(service, ADMIN);
    assert.deepEqual(counted.ok && counted.words.map((w) => [w.word, w.count]), [['drönarna', 2]]);

    assert.ok((await setMunicipalityWord(service, ADMIN, { word: 'drönare', terms: 'kamerabevakning' }, NOW)).ok);
    await answerer.refresh();
    const answered = answerer.answer(question);
    assert.equal(answered.kind, 'actions');
    assert.deepEqual(answerer.wordsToCount(question, answered), []);
  });

  it('lose no answer when the store fails while counting: the failure is logged, the counter goes on', async () => {
    let calls = 0;
    const counter = new UnknownWordsCounter(
      async () => {
        calls++;
        throw new Error('store down');
      },
      createLogger('silent'),
      60_000,
    );
    counter.add(askedBy(['drönarna'], 'anna'));
    await counter.flush();
    counter.add(askedBy(['robotar'], 'anna'));
    await counter.flush();
    assert.equal(calls, 2);
  });
});
