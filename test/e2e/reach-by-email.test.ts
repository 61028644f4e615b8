/**
 * A municipality's first day: every contact given by e-mail, none of them has the app. The bot
 * finds them in the directory (the fake Graph on 127.0.0.1), installs the app for them, opens a
 * chat, sends each exactly one round message, keeps the chat (reminders reach them there), sends
 * no welcome on its own install, and names who cannot be reached and why.
 */
import { strict as assert } from 'node:assert';
import { teamsInstall, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { FakeGraph } from '../../src/devtools/fake-graph';
import { pressButton, startHarness } from './harness';

const APP = '3c6f0a52-8d1e-4b7e-9f2a-6a1d4b0c7e15'; // appPackage/manifest.json
const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const PEOPLE = [
  { upn: 'anna.andersson@example.com', aad: 'bbbbbbbb-0000-4000-8000-00000000000b', unit: 'SF' },
  { upn: 'erik.berg@example.com', aad: 'cccccccc-0000-4000-8000-00000000000c', unit: 'BFT' },
  { upn: 'sara.lind@example.com', aad: 'dddddddd-0000-4000-8000-00000000000d', unit: 'VOF' },
];
/** The admin presses Starta on the confirmation card; resolves when the round's messages are sent. */
async function startRoundAsAdmin(h: Awaited<ReturnType<typeof startHarness>>): Promise<void> {
  await pressButton(h, ADMIN, 'round.start', { year: '2026', deadline: '2099-02-28' });
  await h.bot.bot.followUp!.idle();
}
/** The admin writes in their chat with the bot. */
const adminSays = (h: Awaited<ReturnType<typeof startHarness>>, text: string) =>
  h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId: ADMIN.conv, text, userId: ADMIN.id, aadObjectId: ADMIN.aad }));
const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);

describe('reaching contacts given by e-mail, none with the app (fake Graph)', function () {
  this.timeout(60_000);
  let h: Awaited<ReturnType<typeof startHarness>>;
  let graph: FakeGraph;
  let installs: Array<Promise<unknown>> = [];

  // Each test on a fresh bot and directory, with the steps before it taken again (any order, alone).
  beforeEach(async () => {
    installs = [];
    graph = new FakeGraph();
    const graphUrl = await graph.start();
    for (const p of PEOPLE) graph.addUser(p.upn, p.aad);
    graph.addUser('left@example.com', 'eeeeeeee-0000-4000-8000-00000000000e', false);
    graph.blocked.add(PEOPLE[2]!.aad); // Sara: the app policy blocks the app for her
    graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: APP, displayName: 'Trygghetsbot' });
    // Throttled now and then, as Graph is.
    graph.inject = ({ n }) => (n % 4 === 0 ? { status: 429, retryAfterSeconds: 0 } : undefined);
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad, GRAPH_ENDPOINT: graphUrl });
    for (const p of PEOPLE) h.connector.members.set(p.aad, { id: `29:${p.upn}`, aadObjectId: p.aad, userPrincipalName: p.upn });
    // Teams tells the bot when its app is installed for someone: a conversationUpdate in their new chat.
    graph.onInstall = (aad) => {
      const p = PEOPLE.find((x) => x.aad === aad)!;
      installs.push(
        h.post(
          teamsInstall({ serviceUrl: h.connector.url, conversationId: `a:installed-${aad}`, userId: `29:${p.upn}`, aadObjectId: aad }),
        ),
      );
    };
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: ADMIN.conv, userId: ADMIN.id, aadObjectId: ADMIN.aad }));
  });
  afterEach(async () => {
    await h.stop();
    await graph.stop();
  });

  const say = async (text: string): Promise<string> => {
    const before = h.connector.forConversation(ADMIN.conv).length;
    await adminSays(h, text);
    return textOf((await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!);
  };
  const chatOf = (aad: string) => h.connector.createdConversations.find((c) => c.members.some((m) => m.id === aad))?.id;
  const roundMessages = (conv: string) =>
    h.connector.forConversation(conv).filter((r) => r.method === 'POST' && textOf(r).includes('Uppföljning 2026 av åtgärdsplanen'));

  /** The admin gives the contacts by e-mail, two of them not reachable. */
  const contactsGiven = async (): Promise<void> => {
    for (const p of PEOPLE) assert.match(await say(`kontakt ${p.unit} ${p.upn}`), new RegExp(`Kontakter för ${p.unit}`));
    await say('kontakt KOF left@example.com');
    await say('kontakt MOS typo@example.com');
  };
  /** Contacts given, the round confirmed and started, and every install Teams reported handled. */
  const roundDelivered = async (): Promise<void> => {
    await contactsGiven();
    await say('starta uppföljning 2026 senast 2099-02-28');
    await startRoundAsAdmin(h);
    await Promise.all(installs);
  };

  it('finds them at import, counts them on the confirmation, and names who cannot be reached and why', async () => {
    await contactsGiven();
    const contacts = await h.bot.service.people.listContacts();
    const anna = contacts.find((c) => c.person.upn === PEOPLE[0]!.upn)!;
    assert.deepEqual(anna.resolution && 'aadObjectId' in anna.resolution && anna.resolution.aadObjectId, PEOPLE[0]!.aad);
    const confirm = await say('starta uppföljning 2026 senast 2099-02-28');
    assert.match(confirm, /får appen installerad och ett meddelande","value":"3"/);
    assert.match(confirm, /kan inte nås","value":"2"/);
    assert.match(confirm, /left@example.com – kontot är inaktiverat/);
    assert.match(confirm, /typo@example.com – finns inte i katalogen/);
  });

  it('installs the app, opens a chat and sends each exactly one message; no welcome on its own install; the summary names who was not reached', async () => {
    await roundDelivered();
    for (const p of PEOPLE.slice(0, 2)) {
      const chat = chatOf(p.aad);
      assert.ok(chat, `a chat opened for ${p.upn}`);
      assert.equal(roundMessages(chat).length, 1, `one round message for ${p.upn}`);
      // The card refreshes for its recipient: Teams' id for them, asked in the new chat.
      const card = roundMessages(chat)[0]!.activity.attachments![0]!.content as { refresh?: { userIds: string[] } };
      assert.deepEqual(card.refresh?.userIds, [`29:${p.upn}`]);
      assert.ok(graph.installed.has(p.aad), JSON.stringify(graph.requests));
      // The installation's own conversationUpdate brought no welcome.
      assert.equal(h.connector.forConversation(`a:installed-${p.aad}`).length, 0);
    }
    assert.equal(chatOf(PEOPLE[2]!.aad), undefined, 'no chat tried where the policy blocks the app');
    const summary = h.connector.forConversation(ADMIN.conv).find((r) => textOf(r).includes('Utskick uppföljning 2026'))!;
    assert.match(textOf(summary), /2 levererade, 3 nåddes inte/);
    assert.match(textOf(summary), /Nåddes inte: sara.lind@example.com – appen blockeras av organisationens app-policy/);
    assert.match(textOf(summary), /Nåddes inte: left@example.com – kontot är inaktiverat/);
    assert.match(textOf(summary), /Nåddes inte: typo@example.com – finns inte i katalogen/);
    // The scheduler's next pass sends nobody a second message.
    await h.bot.scheduler.tick(new Date('2026-12-01T09:00:00Z'));
    await h.bot.bot.followUp!.idle();
    for (const p of PEOPLE.slice(0, 2)) assert.equal(roundMessages(chatOf(p.aad)!).length, 1);
  });

  it('reminds exactly those not finished, in the chats the bot opened', async () => {
    await roundDelivered();
    const erik = PEOPLE[1]!;
    const erikChat = chatOf(erik.aad)!;
    for (const actionId of ['A2-1', 'A9-1']) {
      const response = await pressButton(h, { conv: erikChat, id: `29:${erik.upn}`, aad: erik.aad }, 'round.save', {
        year: '2026',
        actionId,
        unit: 'BFT',
        status: 'pagaende',
        description: 'Enligt plan.',
      });
      assert.match(await response.text(), /Sparat/);
    }
    const annaChat = chatOf(PEOPLE[0]!.aad)!;
    const annaBefore = h.connector.forConversation(annaChat).length;
    const erikBefore = h.connector.forConversation(erikChat).length;
    assert.match(await say('påminn 2026'), /1 person som inte har svarat klart får en påminnelse/);
    assert.equal(h.connector.forConversation(annaChat).length, annaBefore, 'nothing sent before it is confirmed');
    const confirmed = await pressButton(h, ADMIN, 'round.remind', { year: '2026', lang: 'sv', confirmed: true, replaceCard: true });
    assert.match(await confirmed.text(), /Påminnelser skickade till 1 person som/);
    assert.equal(h.connector.forConversation(annaChat).length, annaBefore + 1);
    assert.equal(h.connector.forConversation(erikChat).length, erikBefore);
  });
});

describe('reaching contacts given by e-mail through the roster of a team the bot is in (no Graph)', function () {
  this.timeout(60_000);
  let h: Awaited<ReturnType<typeof startHarness>>;
  const TEAM = '19:safety-team@thread.tacv2';
  const ANNA = PEOPLE[0]!;

  before(async () => {
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    // The team's roster, two members a page: Anna is on the third page.
    h.connector.rosterPageSize = 2;
    h.connector.teamRosters.set(TEAM, [
      ...Array.from({ length: 4 }, (_, i) => ({
        id: `29:other-${i}`,
        aadObjectId: `ffffffff-0000-4000-8000-00000000000${i}`,
        userPrincipalName: `other${i}@example.com`,
      })),
      { id: `29:${ANNA.upn}`, aadObjectId: ANNA.aad, userPrincipalName: 'Anna.Andersson@Example.com' },
    ]);
    h.connector.members.set(ANNA.aad, { id: `29:${ANNA.upn}`, aadObjectId: ANNA.aad, userPrincipalName: ANNA.upn });
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: ADMIN.conv, userId: ADMIN.id, aadObjectId: ADMIN.aad }));
    // The bot is added to a team: Teams says so in the team's General channel.
    const added = teamsInstall({ serviceUrl: h.connector.url, conversationId: TEAM, userId: ADMIN.id, aadObjectId: ADMIN.aad });
    await h.post({
      ...added,
      conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: '72f988bf-0000-0000-0000-000000000001' },
      channelData: { team: { id: TEAM }, tenant: { id: '72f988bf-0000-0000-0000-000000000001' } },
    });
  });
  after(() => h.stop());

  it('finds the contact in the roster, says Graph is missing on the confirmation, and reaches them where the app is installed', async () => {
    await adminSays(h, `kontakt SF ${ANNA.upn}`);
    const contact = (await h.bot.service.people.listContacts()).find((c) => c.person.upn === ANNA.upn)!;
    assert.deepEqual(
      contact.resolution && 'aadObjectId' in contact.resolution && [contact.resolution.aadObjectId, contact.resolution.via],
      [ANNA.aad, 'team'],
    );
    const before = h.connector.forConversation(ADMIN.conv).length;
    await adminSays(h, 'starta uppföljning 2026 senast 2099-02-28');
    const confirm = textOf((await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!);
    assert.match(confirm, /nås om appen är förinstallerad för dem \(ingen Graph-behörighet\)","value":"1"/);
    assert.match(confirm, /Microsoft Graph är inte tillgängligt/);
    await startRoundAsAdmin(h);
    const chat = h.connector.createdConversations.find((c) => c.members.some((m) => m.id === ANNA.aad));
    assert.ok(chat, 'a chat opened with the id found in the roster');
    assert.equal(h.connector.forConversation(chat.id).filter((r) => textOf(r).includes('Uppföljning 2026 av åtgärdsplanen')).length, 1);
  });
});

describe('a brief failure while opening a chat for a contact given by e-mail', function () {
  this.timeout(60_000);
  let h: Awaited<ReturnType<typeof startHarness>>;
  let graph: FakeGraph;
  const ANNA = PEOPLE[0]!;

  before(async () => {
    graph = new FakeGraph();
    const graphUrl = await graph.start();
    graph.addUser(ANNA.upn, ANNA.aad);
    graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: APP, displayName: 'Trygghetsbot' });
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad, GRAPH_ENDPOINT: graphUrl });
    h.connector.members.set(ANNA.aad, { id: `29:${ANNA.upn}`, aadObjectId: ANNA.aad, userPrincipalName: ANNA.upn });
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: ADMIN.conv, userId: ADMIN.id, aadObjectId: ADMIN.aad }));
    await adminSays(h, `kontakt SF ${ANNA.upn}`);
  });
  after(async () => {
    await h.stop();
    await graph.stop();
  });

  it('goes on from the step that failed: the chat is opened once, the member asked again, the message sent once with its refresh', async () => {
    // Teams answers 503 once to asking for Anna's id in the new chat, and once to the message itself.
    const failedOnce = new Set<string>();
    h.connector.inject = ({ method, path }) => {
      const step = /\/members\//.test(path)
        ? 'member'
        : method === 'POST' && /\/activities$/.test(path) && path.includes('created-')
          ? 'send'
          : '';
      if (!step || failedOnce.has(step)) return undefined;
      failedOnce.add(step);
      return { status: 503 };
    };
    try {
      await startRoundAsAdmin(h);
    } finally {
      h.connector.inject = undefined;
    }
    assert.deepEqual([...failedOnce].sort(), ['member', 'send']);
    const chats = h.connector.createdConversations.filter((c) => c.members.some((m) => m.id === ANNA.aad));
    assert.equal(chats.length, 1, 'the chat opened once, not again on each retry');
    const sent = roundMessages(chats[0]!.id);
    assert.equal(sent.length, 1);
    const card = sent[0]!.activity.attachments![0]!.content as { refresh?: { userIds: string[] } };
    assert.deepEqual(card.refresh?.userIds, [`29:${ANNA.upn}`], 'the card refreshes for her: her id was asked again');
  });

  const roundMessages = (conv: string) =>
    h.connector.forConversation(conv).filter((r) => r.method === 'POST' && textOf(r).includes('Uppföljning 2026 av åtgärdsplanen'));
});
