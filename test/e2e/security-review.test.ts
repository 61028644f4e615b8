/**
 * What a municipal security review flags first (#24), each finding reproduced over HTTP as Teams
 * sends it: report links, words from JavaScript's object prototype, ...
 */
import { strict as assert } from 'node:assert';
import { teamsInvoke, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness } from './harness';
import { yearlyRound } from '../fixtures/rounds';

type Harness = Awaited<ReturnType<typeof startHarness>>;
const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const STAFF = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:staff', conv: 'a:staff-chat' };
type Who = typeof ADMIN;

async function say(h: Harness, who: Who, text: string): Promise<ReceivedActivity> {
  const before = h.connector.forConversation(who.conv).length;
  const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad });
  assert.equal((await h.post(activity)).status, 200);
  return (await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!;
}
const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);

describe('security review (#24)', function () {
  this.timeout(60_000);

  describe('report links', () => {
    let h: Harness;
    const admin = { aadObjectId: ADMIN.aad };
    before(async () => {
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
      await h.bot.service.rounds.createRound(yearlyRound(2024, 'open', admin));
    });
    after(() => h.stop());
    const newLink = (ttlMs = 600_000) => h.bot.service.reportLinks.create(2024, 'md', admin, ttlMs);

    it('are looked at by HEAD and GET without being used up, give the file once to the page button, and never reach the log', async () => {
      const token = await newLink();
      const url = `${h.bot.url}/reports/${token}`;
      for (let i = 0; i < 3; i++) {
        const head = await fetch(url, { method: 'HEAD' });
        assert.equal(head.status, 200, 'a link scanner HEAD');
        assert.equal(head.headers.get('cache-control'), 'no-store');
        assert.equal(await head.text(), '');
      }
      const page = await fetch(url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Ladda ner rapporten/);
      assert.doesNotMatch(html, /Anna|@|Uppföljning 2024:/, 'the page holds nothing of the report');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      const file = await fetch(url, { method: 'POST' });
      assert.equal(file.status, 200);
      assert.match(await file.text(), /^# Uppföljning 2024/);
      assert.equal((await fetch(url, { method: 'POST' })).status, 404, 'once');
      assert.equal((await fetch(url)).status, 404);
      assert.equal((await fetch(url, { method: 'HEAD' })).status, 404);
      // A method the route does not take is refused and logged, the token not.
      assert.equal((await fetch(url, { method: 'PUT' })).status, 405);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(
        h.logs.some((l) => l.event === 'http-error' && l.path === '/reports/<token>'),
        'the refused request is logged, without its token',
      );
      assert.doesNotMatch(JSON.stringify(h.logs), new RegExp(token), 'no log line holds the token');
    });

    it('expire within minutes, and two requests at once give the file to one', async () => {
      const expired = await newLink(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal((await fetch(`${h.bot.url}/reports/${expired}`, { method: 'POST' })).status, 404);
      const token = await newLink();
      const both = await Promise.all([1, 2].map(() => fetch(`${h.bot.url}/reports/${token}`, { method: 'POST' })));
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 404]);
    });

    it("go as a file to the admin's own OneDrive in Teams: a consent card, the upload to the session Teams gives, the file's card; declined, a forged upload address or a non-admin: nothing", async () => {
      const t = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad, REPORT_DELIVERY: 'file' });
      try {
        await t.bot.service.rounds.createRound(yearlyRound(2024, 'open', admin));
        const before = t.connector.forConversation(ADMIN.conv).length;
        const pressed = await t.post(
          teamsInvoke({
            serviceUrl: t.connector.url,
            conversationId: ADMIN.conv,
            verb: 'report.export',
            data: { year: '2024', format: 'xlsx', lang: 'sv' },
            userId: ADMIN.id,
            aadObjectId: ADMIN.aad,
          }),
        );
        assert.match(JSON.stringify(await pressed.json()), /Tillåt rapporten i meddelandet nedan/);
        const consent = (await t.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!.activity.attachments![0]!;
        assert.equal(consent.contentType, 'application/vnd.microsoft.teams.card.file.consent');
        const card = consent.content as { sizeInBytes: number; acceptContext: unknown; declineContext: unknown };
        assert.equal((consent as { name?: string }).name, 'uppfoljning-2024.xlsx');
        assert.ok(card.sizeInBytes > 1000);
        const answer = (who: Who, action: 'accept' | 'decline', uploadInfo?: Record<string, unknown>) =>
          t.post({
            ...teamsInvoke({
              serviceUrl: t.connector.url,
              conversationId: who.conv,
              verb: 'x',
              data: {},
              userId: who.id,
              aadObjectId: who.aad,
            }),
            name: 'fileConsent/invoke',
            value: { type: 'fileUpload', action, context: card.acceptContext, ...(uploadInfo ? { uploadInfo } : {}) },
          });
        // Allowed: uploaded in one PUT to the session, and its card shown.
        const session = t.connector.uploadSession('uppfoljning-2024.xlsx');
        const sent = t.connector.forConversation(ADMIN.conv).length;
        assert.equal((await answer(ADMIN, 'accept', session)).status, 200);
        const file = t.connector.uploads.get('uppfoljning-2024.xlsx');
        assert.ok(file && file.subarray(0, 2).toString() === 'PK', 'the workbook is in the OneDrive stand-in');
        const info = (await t.connector.waitFor((r) => r.conversationId === ADMIN.conv, sent + 1))[sent]!.activity.attachments![0]!;
        assert.equal(info.contentType, 'application/vnd.microsoft.teams.card.file.info');
        assert.equal((info.content as { uniqueId: string }).uniqueId, session.uniqueId);
        // An upload session with a field missing or of another type: nothing uploaded, and said.
        const incomplete = t.connector.forConversation(ADMIN.conv).length;
        assert.equal((await answer(ADMIN, 'accept', { ...session, uniqueId: 7 })).status, 200);
        assert.match(
          textOf((await t.connector.waitFor((r) => r.conversationId === ADMIN.conv, incomplete + 1))[incomplete]!),
          /kunde inte sparas/,
        );
        // An upload address that is not OneDrive: nothing is sent there.
        t.connector.uploads.clear();
        assert.equal((await answer(ADMIN, 'accept', { ...session, uploadUrl: 'https://evil.example/upload' })).status, 200);
        assert.equal(t.connector.uploads.size, 0);
        // Someone who is not an admin, with the same consent: refused, nothing uploaded.
        assert.equal((await answer(STAFF, 'accept', t.connector.uploadSession('x.xlsx'))).status, 200);
        assert.equal(t.connector.uploads.size, 0);
        const staffSaid = await t.connector.waitFor((r) => r.conversationId === STAFF.conv, 1);
        assert.match(textOf(staffSaid[0]!), /bara administratörer/);
        // Declined: said so.
        const beforeDecline = t.connector.forConversation(ADMIN.conv).length;
        assert.equal((await answer(ADMIN, 'decline')).status, 200);
        assert.match(
          textOf((await t.connector.waitFor((r) => r.conversationId === ADMIN.conv, beforeDecline + 1))[beforeDecline]!),
          /ingen rapport sparades/,
        );
        assert.equal(t.logs.filter((l) => Number(l.level) >= 50).length, 0);
      } finally {
        await t.stop();
      }
    });

    it('are limited per client: a client trying tokens is slowed down', async () => {
      // A bot of its own: the limit is the process's, and the other tests of links must not meet it.
      const own = await startHarness();
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 25; i++) statuses.push((await fetch(`${own.bot.url}/reports/${'x'.repeat(43)}`)).status);
        // 20 a minute from one client: refused from then on, within the minute.
        assert.deepEqual(statuses, [...Array<number>(20).fill(404), ...Array<number>(5).fill(429)]);
      } finally {
        await own.stop();
      }
    });
  });

  describe('defence in depth', () => {
    it('in production, refuses any channel but Teams, and a person without an Entra object id, before the token is even read', async () => {
      const h = await startHarness({ MicrosoftAppId: '5f3a2c1e-0000-4000-8000-00000000b0d1', MicrosoftAppPassword: 'not-a-real-secret' });
      try {
        const webChat = teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:web', text: 'hjälp', channelId: 'webchat' });
        assert.equal((await h.post(webChat)).status, 403);
        const directLine = teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:dl', text: 'hjälp', channelId: 'directline' });
        assert.equal((await h.post(directLine)).status, 403);
        const noEntraId = teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:x', text: 'hjälp' });
        delete (noEntraId.from as { aadObjectId?: string }).aadObjectId;
        assert.equal((await h.post(noEntraId)).status, 403);
        const teams = teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:t', text: 'hjälp' });
        assert.equal((await h.post(teams)).status, 401, 'from Teams: on to the token check, which this one fails');
        assert.deepEqual(
          h.logs.filter((l) => l.event === 'channel-refused').map((l) => l.reason),
          ['not-teams', 'not-teams', 'no-entra-id'],
        );
      } finally {
        await h.stop();
      }
    });

    it("sends a report link or a unit's answer form pressed for in a group to the admin's personal chat, and says so in the group", async () => {
      const h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
      try {
        await h.bot.service.rounds.createRound(yearlyRound(2024, 'open', { aadObjectId: ADMIN.aad }));
        await say(h, ADMIN, 'hjälp'); // the admin's personal chat, known to the bot
        const group = 'a:group-chat';
        for (const [verb, data] of [
          ['report.export', { year: '2024', format: 'xlsx', lang: 'sv' }],
          ['round.answerFor', { year: '2024', unit: 'SF', lang: 'sv' }],
        ] as const) {
          const before = h.connector.forConversation(ADMIN.conv).length;
          const invoke = teamsInvoke({
            serviceUrl: h.connector.url,
            conversationId: group,
            verb,
            data,
            userId: ADMIN.id,
            aadObjectId: ADMIN.aad,
          });
          (invoke.conversation as Record<string, unknown>).conversationType = 'groupChat';
          const response = await h.post(invoke);
          assert.equal(response.status, 200);
          assert.match(JSON.stringify(await response.json()), /personliga chatt|skickat/i, verb);
          const personal = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!;
          assert.ok(personal.activity.attachments?.length, `${verb}: the card in the personal chat`);
          assert.equal(
            h.connector.forConversation(group).filter((r) => r.activity.attachments?.length).length,
            0,
            `${verb}: no card in the group`,
          );
        }
      } finally {
        await h.stop();
      }
    });

    it('answers a card action without the message id after a refreshed card, and an unknown verb, without a turn error', async () => {
      const h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
      try {
        await h.bot.service.rounds.createRound(yearlyRound(2024, 'open', { aadObjectId: ADMIN.aad }));
        await h.bot.service.people.addContact({ unit: 'SF', person: { aadObjectId: STAFF.aad } });
        const press = (verb: string, replyToId?: string) =>
          h.post(
            teamsInvoke({
              serviceUrl: h.connector.url,
              conversationId: STAFF.conv,
              verb,
              data: { year: '2024', actionId: 'A16-1', unit: 'SF', lang: 'sv' },
              userId: STAFF.id,
              aadObjectId: STAFF.aad,
              ...(replyToId ? { replyToId } : {}),
            }),
          );
        const first = await press('round.show', 'message-1');
        assert.equal(first.status, 200);
        assert.match(await first.text(), /"refresh"/, 'a card that refreshes itself');
        // Teams sends a refresh without the message's id (a card in a message it cannot name): answered all the same.
        const second = await press('round.show');
        assert.equal(second.status, 200);
        const body = (await second.json()) as { statusCode: number; type: string };
        assert.equal(body.statusCode, 200);
        assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
        const unknown = await press('no.such.verb', 'message-1');
        assert.equal(unknown.status, 200);
        assert.match(JSON.stringify(await unknown.json()), /känner inte igen den här knappen/);
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.deepEqual(
          h.logs.filter((l) => Number(l.level) >= 50).map((l) => l.event),
          [],
          'no turn error',
        );
      } finally {
        await h.stop();
      }
    });
  });

  describe('words from the object prototype', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    });
    after(() => h.stop());

    // Every name Object.prototype has, in questions and in the admins' commands that take a word.
    const names = Object.getOwnPropertyNames(Object.prototype);
    for (const name of names)
      it(`answers "${name}" without a turn error, in a question and in every command that takes a word`, async () => {
        const staffSays = [name, `vad betyder ${name}?`, `vem ansvarar för ${name}?`, `what does ${name} mean?`, `visa ${name}`];
        const adminSays = [
          `ordlista ${name}`,
          `ordlista ${name} = ett ord`,
          `kontakter ${name}`,
          `kontakt ${name} anna@example.com`,
          `svara för ${name}`,
          `starta uppföljning ${name}`,
          `synonym ${name} = trygghet`,
        ];
        for (const [who, texts] of [
          [STAFF, staffSays],
          [ADMIN, adminSays],
        ] as const)
          for (const text of texts) assert.doesNotMatch(textOf(await say(h, who, text)), /Något gick fel|Something went wrong/, text);
        assert.equal(h.logs.filter((l) => l.level === 'error' || l.level === 50).length, 0, 'no error logged');
      });
  });
});
