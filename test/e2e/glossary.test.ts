/**
 * The municipality's glossary over HTTP: an admin says what a unit code stands for ("ordlista SÄKSAM
 * Säkerhetssamordnarna"); answers show it from then on, marked as given in chat with who
 * and when, also after a restart; others may not set it, and the plan's own expansions stay.
 */
import { strict as assert } from 'node:assert';
import { cardReplyTo, pressButton, startHarness } from './harness';
import { assertValidCard } from '../fixtures/cards';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };

describe('the municipality glossary over HTTP', function () {
  this.timeout(60_000);

  it('is set by an admin, shown with who and when, kept across a restart, and refused to others', async () => {
    let h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    const say = (who: typeof ADMIN, text: string): Promise<string> => cardReplyTo(h, who, text);
    try {
      // Out of the box: a unit named on the municipality's pages, with the page; "socialförvaltningen" asks for SF's listing.
      const vof = await say(ANNA, 'Vad betyder VOF?');
      assert.match(vof, /VOF betyder: Vård- och omsorgsförvaltningen/);
      // In the card itself, not only its fallback text.
      assert.match(vof, /"type":"TextBlock","text":"Källa för namnet: linkoping\.se/);
      assert.doesNotMatch(vof, /ordlista/);
      assert.match(await say(ANNA, 'vad gör socialförvaltningen?'), /SF \(Socialförvaltningen\) är ansvarig för \d+ åtgärder/);
      // A code nobody has named: said so, no guess, and no command a staff member cannot use.
      const unnamed = await say(ANNA, 'Vad är SÄKSAM?');
      assert.match(unnamed, /SÄKSAM är en enhetskod i planen/);
      assert.match(unnamed, /Ingen källa för namnet har hittats, så boten gissar inte/);
      assert.doesNotMatch(unnamed, /ordlista/);
      assert.match(await say(ANNA, 'ordlista SÄKSAM Säkerhetssamordnarna'), /bara administratörer/);
      assert.match(await say(ADMIN, 'ordlista PDV Något annat'), /Planen anger redan vad PDV står för: Pågående dödligt våld/);
      assert.match(await say(ADMIN, 'ordlista XYZ Påhittad förvaltning'), /XYZ/);
      assert.match(await say(ADMIN, 'ordlista SÄKSAM Säkerhetssamordnarna'), /Sparat i kommunens ordlista: SÄKSAM = Säkerhetssamordnarna/);

      const defined = await say(ANNA, 'Vad är SÄKSAM?');
      assert.match(defined, /SÄKSAM betyder: Säkerhetssamordnarna/);
      assert.ok(
        defined.includes(`Inte ur planen: angivet av kommunen i chatten (Anna Andersson, ${new Date().toISOString().slice(0, 10)})`),
        defined,
      );
      // In an action's card and a unit's listing, marked as the municipality's.
      assert.match(await say(ANNA, 'A24-3'), /SÄKSAM = Säkerhetssamordnarna \(kommunens ordlista\)/);
      assert.match(await say(ANNA, 'Vilka åtgärder har SÄKSAM?'), /Säkerhetssamordnarna \(kommunens ordlista\)/);
      assert.match(await say(ANNA, 'ordlista'), /SÄKSAM = Säkerhetssamordnarna/);

      // A restart: the entry is read from the store, not kept in memory only.
      const { connector, storeDir } = h;
      await h.stopBotOnly();
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad }, { connector, storeDir });
      assert.match(await say(ANNA, 'Vad är SÄKSAM?'), /SÄKSAM betyder: Säkerhetssamordnarna/);
    } finally {
      await h.stop();
    }
  });

  it('asks admins to name the codes nobody has named, at the welcome and on a card form, until none is left', async () => {
    const h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    const say = (who: typeof ADMIN, text: string): Promise<string> => cardReplyTo(h, who, text);
    const save = async (who: typeof ADMIN, data: Record<string, unknown>): Promise<string> => {
      const response = await pressButton(h, who, 'glossary.save', { ...data, lang: 'sv' });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { statusCode: number; value: Record<string, unknown> };
      assertValidCard(body.value);
      return JSON.stringify(body.value);
    };
    try {
      // The admin's help names the codes and offers the card; a staff member's help does not.
      const adminHelp = await say(ADMIN, 'hjälp');
      assert.match(adminHelp, /Koder utan namn/);
      assert.match(adminHelp, /Planen har 13 koder som ingen källa ger namn för \(CVE, ESF, HBE/);
      assert.doesNotMatch(await say(ANNA, 'hjälp'), /Koder utan namn/);

      const card = await say(ADMIN, 'ordlista');
      assert.match(
        card,
        /13 koder i planen har inget namn, och boten gissar inte: CVE, ESF, HBE, HR, LiU, LK-data, MFoF, NOA, RTÖG, SMA, SPA, SÄK, SÄKSAM/,
      );
      assert.match(card, /"id":"code".*"value":"CVE"/);
      assert.match(card, /"verb":"glossary.save"/);
      // Staff see the list, not the form.
      const staffCard = await say(ANNA, 'ordlista');
      assert.match(staffCard, /13 koder i planen har inget namn/);
      assert.doesNotMatch(staffCard, /glossary.save|Input\.ChoiceSet/);
      assert.match(await save(ANNA, { code: 'SÄKSAM', expansion: 'Säkerhetssamordnarna' }), /bara administratörer/);

      // Named on the card: saved, answered from now on, and the card asks for the next.
      const saved = await save(ADMIN, { code: 'SÄKSAM', expansion: 'Säkerhetssamordnarna' });
      assert.match(saved, /Sparat i kommunens ordlista: SÄKSAM = Säkerhetssamordnarna/);
      assert.match(saved, /12 koder i planen har inget namn/);
      assert.match(saved, /SÄKSAM = Säkerhetssamordnarna \(Anna Andersson, \d{4}-\d{2}-\d{2}\)/);
      assert.match(await say(ANNA, 'Vad är SÄKSAM?'), /SÄKSAM betyder: Säkerhetssamordnarna/);
      // A refusal keeps the form, says why in the card's notice.
      assert.match(await save(ADMIN, { code: 'XYZ', expansion: 'Påhitt' }), /XYZ.*"verb":"glossary.save"/s);
      assert.match(await save(ADMIN, { code: 'CVE', expansion: '' }), /"color":"Attention"/);
    } finally {
      await h.stop();
    }
  });
});
