/**
 * The municipality's own words over HTTP: a question in staff's words finds nothing; an admin sees
 * the word among the unknown words, gives it ("synonym drönare = kamerabevakning"), and the same
 * question is answered from then on, also after a restart. Others may not give words or see the
 * unknown ones.
 */
import { strict as assert } from 'node:assert';
import { cardReplyTo, pressButton, startHarness } from './harness';
import { assertValidCard } from '../fixtures/cards';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };
const ERIK = { aad: 'cccccccc-0000-4000-8000-00000000000c', id: '29:erik', conv: 'a:erik-chat' };

describe("the municipality's own words over HTTP", function () {
  this.timeout(60_000);

  it('are learnt from the unknown words an admin sees, answer the question from then on, and stay after a restart', async () => {
    let h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    const say = (who: typeof ADMIN, text: string): Promise<string> => cardReplyTo(h, who, text);
    const saveWord = async (who: typeof ADMIN, data: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const response = await pressButton(h, who, 'words.save', { ...data, lang: 'sv' });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { statusCode: number; value: Record<string, unknown> };
      assert.equal(body.statusCode, 200);
      assertValidCard(body.value);
      return body.value;
    };
    const question = 'vem tar hand om drönarna?';
    try {
      const refused = await say(ANNA, question);
      assert.doesNotMatch(refused, /A3-1/);
      assert.match(await say(ANNA, 'okända ord'), /bara administratörer/);
      // One person asking, however often, does not put a word on the admins' card.
      for (let i = 0; i < 4; i++) await say(ANNA, question);
      assert.match(await say(ADMIN, 'okända ord'), /Inga okända ord att visa just nu/);
      await say(ERIK, question);
      const unknown = await say(ADMIN, 'okända ord');
      assert.match(unknown, /drönarna – 2 personer/);
      assert.doesNotMatch(unknown, /Anna|Erik|vem tar hand/, 'single words, never who asked or the question');

      assert.match(unknown, /"id":"word".*"value":"drönarna"/, 'the form offers the most asked word');
      assert.match(await say(ANNA, 'synonym drönare = kamerabevakning'), /bara administratörer/);
      assert.match(await say(ADMIN, 'synonym drönare = luftbevakning'), /Planen har inte ordet luftbevakning/);
      // Given from the card's form, as an admin fills it in and presses Spara.
      assert.match(JSON.stringify(await saveWord(ANNA, { word: 'drönare', terms: 'kamerabevakning' })), /bara administratörer/);
      assert.match(
        JSON.stringify(await saveWord(ADMIN, { word: 'drönare', terms: 'luftbevakning' })),
        /Planen har inte ordet luftbevakning/,
      );
      assert.match(JSON.stringify(await saveWord(ADMIN, { word: { not: 'text' }, terms: 7 })), /Skriv ett ord, ett likhetstecken/);
      const saved = JSON.stringify(await saveWord(ADMIN, { word: 'drönare', terms: 'kamerabevakning' }));
      assert.match(saved, /Sparat: när någon frågar om \\"drönare\\" söker jag efter kamerabevakning/);
      assert.match(saved, /drönare = kamerabevakning \(Anna Andersson/, 'listed among the words given');
      assert.doesNotMatch(saved, /"text":"drönarna"/, 'no longer among the unknown words');

      const answered = await say(ANNA, question);
      assert.match(answered, /A3-1/);
      assert.match(answered, /Sökt som kamerabevakning: kommunens synonym för \\"drönarna\\"/);
      assert.match(await say(ADMIN, 'okända ord'), /Inga okända ord att visa just nu/);
      assert.match(await say(ANNA, 'synonymer'), /drönare = kamerabevakning \(Anna Andersson, 20\d\d-/);

      // A restart: the word is read from the store, not kept in memory only.
      const { connector, storeDir } = h;
      await h.stopBotOnly();
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad }, { connector, storeDir });
      assert.match(await say(ANNA, question), /A3-1/);
      assert.match(await say(ADMIN, 'ta bort synonym drönare'), /Borttaget/);
      assert.doesNotMatch(await say(ANNA, question), /A3-1/);
    } finally {
      await h.stop();
    }
  });
});
