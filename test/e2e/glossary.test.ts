/**
 * The municipality's glossary over HTTP: an admin says what a unit code stands for ("ordlista VOF
 * Vård- och omsorgsförvaltningen"); answers show it from then on, marked as given in chat with who
 * and when, also after a restart; others may not set it, and the plan's own expansions stay.
 */
import { strict as assert } from 'node:assert';
import { cardReplyTo, startHarness } from './harness';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };

describe('the municipality glossary over HTTP', function () {
  this.timeout(60_000);

  it('is set by an admin, shown with who and when, kept across a restart, and refused to others', async () => {
    let h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    const say = (who: typeof ADMIN, text: string): Promise<string> => cardReplyTo(h, who, text);
    try {
      // Before: a code the plan does not define, and how an admin can say what it is.
      assert.match(await say(ANNA, 'Vad är VOF?'), /VOF är en enhetskod i planen/);
      assert.match(await say(ANNA, 'Vad är VOF?'), /skriv \\"ordlista VOF\\" följt av namnet/);
      assert.match(await say(ANNA, 'ordlista VOF Vård- och omsorgsförvaltningen'), /bara administratörer/);
      assert.match(await say(ADMIN, 'ordlista PDV Något annat'), /Planen anger redan vad PDV står för: Pågående dödligt våld/);
      assert.match(await say(ADMIN, 'ordlista XYZ Påhittad förvaltning'), /XYZ/);
      assert.match(
        await say(ADMIN, 'ordlista VOF Vård- och omsorgsförvaltningen'),
        /Sparat i kommunens ordlista: VOF = Vård- och omsorgsförvaltningen/,
      );

      const defined = await say(ANNA, 'Vad är VOF?');
      assert.match(defined, /VOF betyder: Vård- och omsorgsförvaltningen/);
      assert.ok(
        defined.includes(`Inte ur planen: angivet av kommunen i chatten (Anna Andersson, ${new Date().toISOString().slice(0, 10)})`),
        defined,
      );
      // In an action's card and a unit's listing, marked as the municipality's.
      assert.match(await say(ANNA, 'A9-2'), /VOF = Vård- och omsorgsförvaltningen \(kommunens ordlista\)/);
      assert.match(await say(ANNA, 'Vilka åtgärder har VOF?'), /Vård- och omsorgsförvaltningen \(kommunens ordlista\)/);
      assert.match(await say(ANNA, 'ordlista'), /VOF = Vård- och omsorgsförvaltningen/);

      // A restart: the entry is read from the store, not kept in memory only.
      const { connector, storeDir } = h;
      await h.stopBotOnly();
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad }, { connector, storeDir });
      assert.match(await say(ANNA, 'Vad är VOF?'), /VOF betyder: Vård- och omsorgsförvaltningen/);
    } finally {
      await h.stop();
    }
  });
});
