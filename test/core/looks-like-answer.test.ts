import { strict as assert } from 'node:assert';
import { looksLikeAnswer as looksLike } from '../../src/core/followup/looks-like-answer';
import { PLAN } from '../fixtures/plan';

const looksLikeAnswer = (text: string) => looksLike(text, PLAN.followUp.statuses);

describe('an answer typed into the chat', () => {
  it('is recognized by a status named, or by a few sentences that are not a question', () => {
    assert.ok(looksLikeAnswer('Pågående, samordningsfunktionen är bemannad'));
    assert.ok(looksLikeAnswer('A16-1 ej påbörjad – vi saknar medel'));
    assert.ok(looksLikeAnswer('Started: the group meets monthly'));
    assert.ok(looksLikeAnswer('Vi har under året haft tre möten med polisen och skolorna om tryggheten i centrum och det fortsätter'));
  });
  it('is not a question, nor a few words', () => {
    assert.ok(!looksLikeAnswer('Är åtgärden pågående?'));
    assert.ok(!looksLikeAnswer('Vem ansvarar för kamerorna'));
    assert.ok(!looksLikeAnswer('hej'));
    assert.ok(!looksLikeAnswer('påbörjadx'), 'a status only as a whole word');
  });
});
