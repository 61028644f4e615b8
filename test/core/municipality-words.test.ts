/**
 * The municipality's own words for the plan's terms, and the words of unanswered questions counted
 * for admins: pure rules, and the answerer reading a word given.
 */
import { strict as assert } from 'node:assert';
import {
  checkMunicipalityWord,
  MAX_UNKNOWN_WORDS,
  withUnknownWords,
  wordsToCount,
  type UnknownWord,
} from '../../src/core/qa/municipality-words';
import { PlanAnswerer } from '../../src/core/qa/answerer';
import { PlanSearch } from '../../src/core/qa/search';
import { renderText } from '../../src/core/qa/render-text';
import { GLOSSARY, PLAN } from '../fixtures/plan';

const plain = new PlanAnswerer(PLAN, GLOSSARY);
const search = new PlanSearch(PLAN);
const planHas = { word: (w: string) => search.knows(w), wordAsPrinted: (w: string) => search.knowsExactly(w) };
const NOW = new Date('2026-11-27T08:00:00Z');
const ids = (answer: ReturnType<PlanAnswerer['answer']>): string[] => ('actions' in answer ? answer.actions.map((a) => a.id) : []);

describe("the municipality's own words", () => {
  it('takes one word for one to four words the plan has, in lower case', () => {
    assert.deepEqual(checkMunicipalityWord({ word: 'Drönare', terms: 'Kamerabevakning' }, planHas), {
      ok: true,
      word: 'drönare',
      planTerms: ['kamerabevakning'],
    });
    assert.deepEqual(checkMunicipalityWord({ word: 'nätkurs', terms: 'e-utbildning, utbildning och e-utbildning' }, planHas), {
      ok: true,
      word: 'nätkurs',
      planTerms: ['e-utbildning', 'utbildning'],
    });
  });

  it('refuses what would lead nowhere: words the plan does not have, a word it has, no word, a sentence', () => {
    assert.deepEqual(checkMunicipalityWord({ word: 'drönare', terms: 'flygövervakning, kamerabevakning' }, planHas), {
      ok: false,
      reason: 'terms-not-in-plan',
      terms: ['flygövervakning'],
    });
    assert.deepEqual(checkMunicipalityWord({ word: 'kamerabevakning', terms: 'trygghet' }, planHas), {
      ok: false,
      reason: 'word-in-plan',
      word: 'kamerabevakning',
    });
    for (const input of [
      { word: '', terms: 'trygghet' },
      { word: 'och', terms: 'trygghet' },
      { word: 'kamera', terms: '' },
      { word: 'kamera123', terms: 'kamerabevakning' },
      { word: 'kamera', terms: 'a, b, c, d, e' },
      { word: 'x'.repeat(41), terms: 'trygghet' },
    ])
      assert.equal(checkMunicipalityWord(input, planHas).ok, false, JSON.stringify(input));
  });

  it('makes a question the plan answers in other words find its action, which it refused before', () => {
    const question = 'Vem tar hand om drönarna?';
    assert.equal(plain.answer(question).kind, 'not-found');
    const taught = new PlanAnswerer(PLAN, GLOSSARY, [{ word: 'drönare', planTerms: ['kamerabevakning'] }]);
    const answer = taught.answer(question);
    assert.equal(answer.kind, 'actions');
    assert.ok(ids(answer).includes('A3-1'), JSON.stringify(ids(answer)));
    // Said so: the word was read as the municipality's synonym, not as the plan's word.
    assert.deepEqual(answer.kind === 'actions' && answer.readAs, [{ word: 'drönarna', planTerms: ['kamerabevakning'] }]);
    assert.match(renderText(answer), /Sökt som kamerabevakning: kommunens synonym för "drönarna", inte planens ord\./);
    assert.equal(
      plain.answer('Vem ansvarar för kamerabevakning?').kind === 'actions' && 'readAs' in plain.answer('Vem ansvarar för kamerabevakning?'),
      false,
    );
    // Without the word the plan's own questions are answered as before.
    assert.deepEqual(ids(taught.answer('Vem ansvarar för kamerabevakning?')), ids(plain.answer('Vem ansvarar för kamerabevakning?')));
  });
});

describe('the words of unanswered questions', () => {
  it('counts only words nothing knows, of a question that found nothing', () => {
    const question = 'vem tar hand om drönarna?';
    const refused = plain.answer(question);
    assert.deepEqual(plain.wordsToCount(question, refused), ['drönarna']);
    const answered = 'Vem ansvarar för kamerabevakning?';
    assert.deepEqual(plain.wordsToCount(answered, plain.answer(answered)), []);
  });

  it('keeps no names, numbers or addresses: only words typed in lower case, three at most', () => {
    assert.deepEqual(wordsToCount('Anna slår mig, ring 0701234567 eller anna@example.com', ['anna', '0701234567', 'slår']), ['slår']);
    assert.deepEqual(wordsToCount('drönare robotar satelliter laser', ['drönare', 'robotar', 'satelliter', 'laser']), [
      'drönare',
      'robotar',
      'satelliter',
    ]);
    assert.deepEqual(wordsToCount('Drönare?', ['drönare']), [], 'a capital may be a name: not kept');
  });

  it('sums counts, forgets words given and words not asked for a year, and keeps the most asked', () => {
    const old: UnknownWord = { word: 'fjärrkontroll', count: 9, lastSeen: '2025-10-01T00:00:00.000Z' };
    const earlier = { word: 'drönare', count: 1, askers: [{ key: 'k1', day: '2026-11-01' }], lastSeen: '2026-11-01T00:00:00.000Z' };
    const asked = (word: string, askerKey: string) => ({ word, askerKey });
    const counted = withUnknownWords([old, earlier], [asked('drönare', 'k2'), asked('robot', 'k2'), asked('drönare', 'k2')], NOW);
    const today = NOW.toISOString().slice(0, 10);
    assert.deepEqual(counted, [
      {
        word: 'drönare',
        count: 2,
        askers: [
          { key: 'k1', day: '2026-11-01' },
          { key: 'k2', day: today },
        ],
        lastSeen: NOW.toISOString(),
      },
      { word: 'robot', count: 1, askers: [{ key: 'k2', day: today }], lastSeen: NOW.toISOString() },
    ]);
    assert.deepEqual(
      withUnknownWords(counted, [], NOW, ['drönarna']).map((w) => w.word),
      ['robot'],
    );
    const many = withUnknownWords(
      [],
      Array.from({ length: MAX_UNKNOWN_WORDS + 50 }, (_, i) => ({ word: `ord${String.fromCharCode(97 + (i % 26))}${i}`, askerKey: 'k' })),
      NOW,
    );
    assert.equal(many.length, MAX_UNKNOWN_WORDS);
  });
});
