import { strict as assert } from 'node:assert';
import { teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness, type Harness } from './harness';
import { assertValidCard } from '../fixtures/cards';
import { exempelbyPlanFile } from '../fixtures/exempelby';

let n = 0;

/** Another municipality's plan, imported from the template's CSV files, is the bot's plan: no code changes. */
describe("bot over HTTP on another municipality's plan (Exempelby, from the template)", function () {
  let h: Harness;
  let planFile: Awaited<ReturnType<typeof exempelbyPlanFile>>;
  before(async () => {
    planFile = await exempelbyPlanFile();
    h = await startHarness({ PLAN_FILE: planFile.file });
  });
  after(async () => {
    await h.stop();
    planFile.remove();
  });

  async function ask(text: string): Promise<string> {
    const conversationId = `a:1exempelby-${process.pid}-${++n}`;
    assert.equal((await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId, text }))).status, 200);
    const [reply] = (await h.connector.waitFor((r) => r.conversationId === conversationId)) as ReceivedActivity[];
    const card = reply!.activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
    assert.ok(card, `a card for "${text}"`);
    assertValidCard(card);
    return JSON.stringify(card);
  }

  it("answers who is responsible from the plan's own rows, cells and units, citing it", async () => {
    const card = await ask('Vem ansvarar för trygghetsvandringarna?');
    assert.match(card, /A3‑1/);
    assert.match(card, /Trygghetssamordnare/);
    assert.match(card, /Kommunens trygghetssamordnare/, 'the unit named as the Enheter sheet names it');
    assert.match(card, /Åtgärdsplan mot brott och för ökad trygghet i Exempelby 2025–2026 \(KS 2025\/117\)/);
    assert.doesNotMatch(card, /KS 2023-638|Linköping/);
    // The plan's own misspelling, typed as the plan prints it, finds the row too.
    assert.match(await ask('vem gör trygghetsvandirngar'), /A3‑1/);
  });

  it('lists a unit by its code or its name, explains a code from the Enheter sheet, and finds an id the plan gives', async () => {
    assert.match(await ask('Vilka åtgärder har SOC?'), /U1[\s\S]*Socialförvaltningen|Socialförvaltningen[\s\S]*U1/);
    assert.match(await ask('Vad gör Socialförvaltningen?'), /SOC/);
    assert.match(await ask('Vad betyder SOC?'), /Socialförvaltningen/);
    assert.match(await ask('U5'), /grooming/);
  });

  it('names areas and groups as the plan does (Fokusområde, Mål), and its help comes from the plan', async () => {
    const area = await ask('Vad innehåller fokusområde 3?');
    assert.match(area, /Fokusområde 3: Våld i nära relationer/);
    assert.match(area, /Fokusområde 3 innehåller 2 mål/);
    assert.match(area, /Mål 5\. Fler våldsutsatta får stöd/);
    assert.doesNotMatch(area, /Målområde/);
    const help = await ask('hjälp');
    assert.match(help, /Svaren bygger på Åtgärdsplan mot brott och för ökad trygghet i Exempelby 2025–2026 \(KS 2025\/117\)/);
    assert.match(help, /Vad innehåller fokusområde 2\?/);
    assert.doesNotMatch(help, /kamerabevakningen|PDV|A14-3/);
    // Every example on the help card works: "Mål 1" is the plan's word for its groups.
    assert.match(help, /Mål 1/);
    assert.match(await ask('Mål 1'), /Mål 1\. Färre unga rekryteras till kriminalitet/);
    assert.match(await ask('mål 99'), /Mål 99 finns inte i planen; numreringen går 1–8/);
  });

  it('says which plan it answers from, and how it is followed up', async () => {
    const card = await ask('Vilken plan gäller?');
    assert.match(card, /Planen jag svarar från/);
    assert.match(card, /Exempelby kommun/);
    assert.match(card, /Beslutad av: Kommunfullmäktige 2025-02-24/);
    assert.match(card, /43 åtgärder\. Följs upp varje halvår med statusarna Grön, Gul, Röd\./);
    assert.match(card, /Fokusområde 4: Organiserad brottslighet och välfärdsbrott/);
  });

  it('says it finds nothing for a question outside the plan', async () => {
    assert.match(await ask('Vem ansvarar för snöröjningen?'), /hittar inget/i);
  });
});
