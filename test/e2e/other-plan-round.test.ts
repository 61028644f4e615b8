/**
 * A round on another municipality's plan (Exempelby, from the template): followed up per half-year
 * with the traffic light, so the round is "2025 H1", the card offers Grön, Gul and Röd, and the
 * summary and the report count them, per focus area, in the plan's words.
 */
import { strict as assert } from 'node:assert';
import { teamsInvoke, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness } from './harness';
import { assertValidCard } from '../fixtures/cards';
import { exempelbyPlanFile } from '../fixtures/exempelby';
import JSZip from 'jszip';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-0000000000e1', id: '29:admin-e', conv: 'a:admin-exempelby' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-0000000000e2', id: '29:anna-e', conv: 'a:anna-exempelby' };
type Who = typeof ADMIN;

describe("a round on another municipality's plan: half-year, traffic light", function () {
  let h: Awaited<ReturnType<typeof startHarness>>;
  let planFile: Awaited<ReturnType<typeof exempelbyPlanFile>>;
  before(async () => {
    planFile = await exempelbyPlanFile();
    h = await startHarness({ PLAN_FILE: planFile.file, BOOTSTRAP_ADMINS: ADMIN.aad });
  });
  after(async () => {
    await h.stop();
    planFile.remove();
  });

  const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);
  const say = async (who: Who, text: string): Promise<string> => {
    const before = h.connector.forConversation(who.conv).length;
    const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad });
    assert.equal((await h.post(activity)).status, 200);
    return textOf((await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!);
  };
  const invoke = async (who: Who, verb: string, data: Record<string, unknown>): Promise<string> => {
    const response = await h.post(
      teamsInvoke({ serviceUrl: h.connector.url, conversationId: who.conv, verb, data, userId: who.id, aadObjectId: who.aad }),
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    if (body.type === 'application/vnd.microsoft.card.adaptive') assertValidCard(body.value as Record<string, unknown>);
    return JSON.stringify(body.value);
  };

  it("runs a round for the plan's period, with its statuses, and reports it per focus area", async () => {
    // A yearly round on a plan followed up per half-year is refused, with how to write it.
    assert.match(
      await say(ADMIN, 'starta uppföljning 2025'),
      /Planen följs upp per halvår: skriv till exempel \\"starta uppföljning 2025 H1\\"/,
    );
    await say(ADMIN, `kontakt SOC ${ANNA.aad}`);
    await say(ANNA, 'hej');
    const confirm = await say(ADMIN, 'starta uppföljning 2025 H1 senast 2099-08-31');
    assert.match(confirm, /Starta uppföljning 2025 H1\?/);
    await invoke(ADMIN, 'round.start', { year: '20251', deadline: '2099-08-31' });
    const [card] = await h.connector.waitFor(
      (r) => r.conversationId === ANNA.conv && textOf(r).includes('Uppföljning 2025 H1 av åtgärdsplanen'),
      1,
      30_000,
    );
    const roundCard = textOf(card!);
    assert.match(roundCard, /Grön – Åtgärden genomförs enligt plan/);
    assert.match(roundCard, /Röd – Åtgärden genomförs inte/);
    assert.doesNotMatch(roundCard, /Pågående|Påbörjad/);

    // Linköping's words are no status here; the plan's are.
    assert.match(
      await invoke(ANNA, 'round.save', { year: '20251', actionId: 'U1', unit: 'SOC', status: 'pagaende', description: 'x' }),
      /Välj Grön, Gul eller Röd/,
    );
    assert.match(
      await invoke(ANNA, 'round.save', {
        year: '20251',
        actionId: 'U1',
        unit: 'SOC',
        status: 'gron',
        description: 'SSPF finns i fyra skolområden.',
      }),
      /Sparat/,
    );
    await invoke(ANNA, 'round.save', {
      year: '20251',
      actionId: 'U2',
      unit: 'SOC',
      status: 'rod',
      description: 'Inga medel till föräldrastödet.',
    });

    const summary = await say(ADMIN, 'sammanställning 2025 H1');
    assert.match(summary, /Sammanställning uppföljning 2025 H1/);
    assert.match(summary, /"legend":"Grön","value":1/);
    assert.match(summary, /"legend":"Röd","value":1/);
    assert.match(summary, /Per fokusområde/);
    assert.match(summary, /FO 1 Unga och skola: Grön 1 · Gul 0 · Röd 1/);

    // The Word report, through the same admin-only link, beside Excel and Markdown.
    assert.match(summary, /Exportera rapport \(Word\)/);
    const linkFor = async (format: string): Promise<string> => {
      const count = h.connector.forConversation(ADMIN.conv).length;
      await invoke(ADMIN, 'report.export', { year: '20251', format });
      const message = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, count + 1))[count]!;
      return ((message.activity.attachments![0]!.content as Record<string, unknown>).actions as Array<{ url: string }>)[0]!.url;
    };
    const word = await fetch(`${h.bot.url}${new URL(await linkFor('docx')).pathname}`, { method: 'POST' });
    assert.equal(word.status, 200);
    assert.match(word.headers.get('content-type') ?? '', /wordprocessingml/);
    const zip = await JSZip.loadAsync(await word.arrayBuffer());
    const documentXml = await zip.file('word/document.xml')!.async('string');
    assert.match(documentXml, /Uppföljning 2025 H1 av åtgärdsplanen/);
    assert.match(documentXml, /Fokusområde 1: Unga och skola/);
    assert.match(documentXml, /SSPF finns i fyra skolområden\./);
    assert.match(documentXml, /Preliminär – uppföljningen pågår/, 'the round is still open');
    // Filed as a public record: units named, no e-mail address, and no person by default (REPORT_PERSON_NAMES).
    assert.doesNotMatch(documentXml, /@/);
    assert.match(documentXml, /Förkortningar/);

    const before = h.connector.forConversation(ADMIN.conv).length;
    await invoke(ADMIN, 'report.export', { year: '20251', format: 'md' });
    const link = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!;
    const url = ((link.activity.attachments![0]!.content as Record<string, unknown>).actions as Array<{ url: string }>)[0]!.url;
    const markdown = await (await fetch(`${h.bot.url}${new URL(url).pathname}`, { method: 'POST' })).text();
    assert.match(markdown, /^# Uppföljning 2025 H1: Åtgärdsplan mot brott och för ökad trygghet i Exempelby 2025–2026/);
    assert.match(markdown, /KS 2025\/117/);
    assert.match(markdown, /\| Fokusområde \| Grön \| Gul \| Röd \| Ej rapporterad \|/);
    assert.match(markdown, /\| Unga och skola \| 1 \| 0 \| 1 \| \d+ \|/);
    assert.match(markdown, /\| U2 \| SOC \| Erbjuda föräldrastödsprogram[^|]*\| Röd \| Inga medel till föräldrastödet\. \|/);
  });
});
