/**
 * The card routes as a table: every verb a card template can send has a route, every route's verb
 * is on some card, and each card action's data is read once into typed fields, whatever the card
 * (or someone posting by hand) sent.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_ROUTES } from '../../src/bot/followup/card-routes';
import { cardData } from '../../src/bot/followup/card-data';
import { ROOT } from '../fixtures/plan';

describe('card routes', () => {
  const templates = join(ROOT, 'src/bot/cards/templates');
  const sent = new Set(
    readdirSync(templates)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => [...readFileSync(join(templates, f), 'utf8').matchAll(/"verb":\s*"([^"]+)"/g)].map((m) => m[1]!))
      // A verb the data gives ("${discardVerb}": the move that was stopped, one of the round's verbs) is no verb of its own.
      .filter((v) => !v.startsWith('${')),
  );
  const routed = CARD_ROUTES.flatMap((r) => [...r.verbs]);

  it('routes every verb the cards send, once, and no verb that no card sends', () => {
    assert.ok(sent.size >= 10, 'the verbs of the templates were found');
    assert.deepEqual(
      [...sent].filter((v) => !routed.includes(v)),
      [],
      'a button nobody answers',
    );
    assert.deepEqual(
      routed.filter((v) => !sent.has(v)),
      [],
      'a route no card uses',
    );
    assert.equal(new Set(routed).size, routed.length, 'a verb routed twice');
  });

  it('reads the data of a card action into typed fields, whatever was sent', () => {
    assert.deepEqual(cardData.round({ year: 2024, actionId: 'A16-1', unit: 'SF', status: 'pagaende', description: 'Text', lang: 'en' }), {
      lang: 'en',
      year: '2024',
      actionId: 'A16-1',
      unit: 'SF',
      status: 'pagaende',
      description: 'Text',
    });
    // Posted by hand: objects where text belongs, no language.
    assert.deepEqual(cardData.round({ year: { x: 1 }, actionId: ['A1'], status: 3, description: null, seen: 7 }), {
      lang: 'sv',
      year: '',
      actionId: '',
      unit: '',
    });
    assert.deepEqual(cardData.remind({ year: '2024', confirmed: 'true', replaceCard: true }), {
      lang: 'sv',
      year: '2024',
      confirmed: false,
      replaceCard: true,
    });
    assert.equal(cardData.words({ word: 'x'.repeat(1000) }).word.length, 400);
    assert.equal(cardData.cancel({ cancels: 'anything' }).cancels, 'start');
  });
});
