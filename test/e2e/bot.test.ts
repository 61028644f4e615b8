import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { teamsInstall, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness, type Harness } from './harness';
import { assertValidCard } from '../fixtures/cards';
import { ROOT } from '../fixtures/plan';

let n = 0;
const newConversation = () => `a:1conv-${process.pid}-${++n}`;

function cardOf(received: ReceivedActivity): Record<string, unknown> {
  const attachment = received.activity.attachments?.[0];
  assert.ok(attachment, `expected a card, got ${JSON.stringify(received.activity).slice(0, 300)}`);
  assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
  assertValidCard(attachment.content);
  return attachment.content;
}

describe('bot over HTTP, as Teams talks to it', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });

  async function ask(text: string | undefined, extra: Record<string, unknown> = {}): Promise<ReceivedActivity> {
    const conversationId = newConversation();
    const activity = {
      ...teamsMessage({ serviceUrl: h.connector.url, conversationId, ...(text !== undefined ? { text } : {}) }),
      ...extra,
    };
    const response = await h.post(activity);
    assert.equal(response.status, 200);
    const [reply] = await h.connector.waitFor((r) => r.conversationId === conversationId);
    assert.equal(reply!.replyToId, activity.id, 'the answer is a reply to the question');
    return reply!;
  }

  it('welcomes the user on install, once, even when Teams also sends installationUpdate', async () => {
    const conversationId = newConversation();
    assert.equal((await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId }))).status, 200);
    const installation = {
      ...teamsInstall({ serviceUrl: h.connector.url, conversationId }),
      type: 'installationUpdate',
      action: 'add',
      membersAdded: undefined,
    };
    assert.equal((await h.post(installation)).status, 200);
    const [welcome] = await h.connector.waitFor((r) => r.conversationId === conversationId);
    const card = JSON.stringify(cardOf(welcome!));
    assert.match(card, /Välkommen/);
    assert.match(card, /Vem ansvarar för kamerabevakningen\?/);
    // Both requests were answered after their turns ended: whatever they sent is recorded by now.
    assert.equal(h.connector.forConversation(conversationId).length, 1);
  });

  it('welcomes on installationUpdate alone (no conversationUpdate), in English for an English client', async () => {
    const conversationId = newConversation();
    const installation = {
      ...teamsInstall({ serviceUrl: h.connector.url, conversationId, locale: 'en-US' }),
      type: 'installationUpdate',
      action: 'add',
      membersAdded: undefined,
    };
    await h.post(installation);
    const [welcome] = await h.connector.waitFor((r) => r.conversationId === conversationId);
    assert.match(JSON.stringify(cardOf(welcome!)), /Welcome/);
  });

  it("answers who is responsible, with the plan's own unit codes and a citation", async () => {
    const reply = await ask('Vem ansvarar för kamerorna?');
    const card = JSON.stringify(cardOf(reply));
    assert.match(card, /A3-1/);
    assert.match(card, /Fortsätta utbyggnaden av kamerabevakning/);
    assert.match(card, /"title":"Ansvarig","value":"Polisen, KLF \(SÄK\)"/);
    assert.match(card, /KS 2023-638/);
    assert.equal(reply.activity.locale, 'sv-SE');
  });

  it('answers in English when asked in English', async () => {
    const card = JSON.stringify(cardOf(await ask('Who is responsible for camera surveillance?')));
    assert.match(card, /"title":"Responsible","value":"Polisen, KLF \(SÄK\)"/);
  });

  it("lists a unit's actions", async () => {
    const card = JSON.stringify(cardOf(await ask('Vilka åtgärder har SF?')));
    assert.match(card, /SF är ansvarig för 36 åtgärder/);
    // Grouped by målområde, a few rows each, a button for the rest; all departments' actions one line with its own button.
    assert.match(card, /"text":"Målområde 2: Våld i nära relation och Hedersrelaterat våld och förtryck \(18\)"/);
    assert.match(card, /"title":"Visa alla 18 i Målområde 2","data":\{"question":"Vad ansvarar SF för i Målområde 2\?"\}/);
    assert.match(card, /"title":"Visa samtliga förvaltningars åtgärder"/);
    assert.ok(card.length < 8_000, `the card fits a Teams panel: ${card.length} bytes (it was 17 KB)`);
    // The button's question: every one of SF's actions in that målområde.
    const all = JSON.stringify(cardOf(await ask('Vad ansvarar SF för i Målområde 2?')));
    // Ids are printed with a non-breaking hyphen so "A18-" and "11" never land on two lines.
    assert.match(all, /"text":"A18\u201111","weight":"Bolder"\},\{"type":"TextRun","text":" Delta i forskningsprojekt SAVE/);
    assert.equal((all.match(/"text":"A1[5-9]\u2011\d+","weight":"Bolder"/g) ?? []).length, 18);
    assert.doesNotMatch(JSON.stringify(cardOf(await ask('Vilka åtgärder har SF?')).body), /"text":"A\d+-\d+"/);
  });

  it('shows Samverkan in a listing asked about cooperation', async () => {
    const card = JSON.stringify(cardOf(await ask('Vilka åtgärder samverkar SF i?')));
    assert.match(card, /SF samverkar i 9 åtgärder/);
    assert.match(card, /"text":"\(Ansvarig: KLF \(SÄK\); Samverkan: VOF SF\)","italic":true/);
  });

  it('shows help on "hjälp" with example buttons that ask the question', async () => {
    const card = cardOf(await ask('hjälp')) as { actions: Array<{ data: { question: string } }> };
    assert.equal(card.actions[0]!.data.question, 'Vem ansvarar för kamerabevakningen?');
    const answer = await ask(undefined, { value: { question: card.actions[0]!.data.question } });
    assert.match(JSON.stringify(cardOf(answer)), /A3-1/);
  });

  it('says plainly when the plan has nothing, and for unknown ids', async () => {
    assert.match(JSON.stringify(cardOf(await ask('Vem ansvarar för snöröjningen?'))), /Jag hittar inget om det i planen/);
    // A greeting gets a short hello, "what can you do?" the help, neither "nothing in the plan".
    for (const [greeting, expected] of [
      ['hej', /Jag svarar på frågor om Åtgärdsplan/],
      ['vad kan du hjälpa mig med?', /Jag svarar på vem som är ansvarig/],
    ] as const) {
      const welcome = JSON.stringify(cardOf(await ask(greeting)));
      assert.match(welcome, expected);
      assert.doesNotMatch(welcome, /Jag hittar inget/);
    }
    // Thanks get a "you're welcome", not "nothing in the plan".
    const thanks = JSON.stringify(cardOf(await ask('Tack för hjälpen!')));
    assert.match(thanks, /Varsågod!/);
    assert.doesNotMatch(thanks, /Jag hittar inget/);
    assert.match(JSON.stringify(cardOf(await ask('åtgärd 99'))), /Åtgärd 99 finns inte i planen; numreringen går 1–25/);
    assert.match(JSON.stringify(cardOf(await ask('A9-77'))), /ingen åtgärd med id A9-77/);
  });

  it('answers empty, emoji-only and 10 KB messages with an explanation', async () => {
    assert.match(JSON.stringify(cardOf(await ask(''))), /Skriv en fråga/);
    assert.match(JSON.stringify(cardOf(await ask('🙂🙂🙂'))), /Skriv en fråga/);
    assert.match(JSON.stringify(cardOf(await ask('kamera '.repeat(1500)))), /Frågan är för lång/);
    assert.match(
      JSON.stringify(
        cardOf(await ask(undefined, { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/x.png' }] })),
      ),
      /bara läsa textmeddelanden/,
    );
  });

  it('never echoes markup or template syntax from the question', async () => {
    for (const text of [
      '<script>alert(1)</script>',
      '${$root.fallbackText}',
      '**fet** [länk](javascript:alert(1))',
      '<at>Trygghetsbot</at> {{kamerabevakning}}',
    ]) {
      const reply = JSON.stringify(await ask(text));
      assert.ok(!reply.includes('<script>'), text);
      assert.ok(!reply.includes('javascript:'), text);
      assert.ok(!reply.includes('${'), text);
    }
  });

  it('sends plain text where the channel does not render cards', async () => {
    const conversationId = newConversation();
    await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId, text: 'Vad betyder PDV?', channelId: 'terminal' }));
    const [reply] = await h.connector.waitFor((r) => r.conversationId === conversationId);
    assert.equal(reply!.activity.attachments, undefined);
    assert.match(String(reply!.activity.text), /PDV betyder: Pågående dödligt våld/);
  });

  it('refuses a POST that is not an activity, malformed JSON and oversized bodies, logs it, and keeps answering', async () => {
    const before = h.logs.length;
    const notActivity = await h.post({ hello: 'world' });
    assert.equal(notActivity.status, 400);
    assert.match(await notActivity.text(), /Bot Framework activity/);
    assert.equal((await h.post([1, 2, 3])).status, 400);
    assert.equal((await h.postRaw('{"type": "message", ')).status, 400);
    assert.equal((await h.postRaw(JSON.stringify({ type: 'message', text: 'x'.repeat(400 * 1024) }))).status, 413);
    const logged = h.logs.slice(before).map((l) => l.event);
    assert.ok(logged.includes('not-an-activity'));
    assert.ok(logged.includes('body-refused'));
    assert.match(JSON.stringify(cardOf(await ask('Vad betyder PDV?'))), /Pågående dödligt våld/);
  });

  it('logs each answer as a structured line without the question text', async () => {
    await ask('Vem ansvarar för Aslansamtal?');
    const line = h.logs.filter((l) => l.event === 'answer').pop()!;
    assert.equal(line.kind, 'actions');
    assert.equal(typeof line.ms, 'number');
    assert.ok(!JSON.stringify(line).includes('Aslansamtal'));
  });
});

describe('bot with a Microsoft app id', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ MicrosoftAppId: '5f3a2c1e-0000-4000-8000-00000000b0d1', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  after(async () => {
    await h.stop();
  });

  it('refuses requests without a valid Bot Framework token and sends nothing', async () => {
    const conversationId = newConversation();
    const unauthenticated = await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId, text: 'hjälp' }));
    assert.equal(unauthenticated.status, 401);
    const forged = await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId, text: 'hjälp' }), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    assert.equal(forged.status, 401);
    // Refused before any turn: nothing can arrive later.
    assert.equal(h.connector.forConversation(conversationId).length, 0);
    assert.ok(!h.logs.some((l) => l.event === 'local-mode'));
    assert.deepEqual(
      h.logs.filter((l) => l.event === 'unauthorized').map((l) => l.reason),
      ['no-token', 'invalid-token'],
    );
  });
});

describe('process', () => {
  it("starts with npm start's entry point, warns about local mode, and stops cleanly on SIGTERM", async function () {
    this.timeout(30_000);
    const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-process-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', STORE_DIR: storeDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const m = /"url":"(http:\/\/[^"]+)\/api\/messages"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    assert.match(out, /LOCAL MODE/);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(out, /"event":"shutdown","signal":"SIGTERM"/);
    assert.match(out, /"event":"stopped"/);
    rmSync(storeDir, { recursive: true, force: true });
  });
});
