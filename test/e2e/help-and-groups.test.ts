/**
 * Help as each person needs it, and group chats: `hjälp` shows an admin the follow-up's commands
 * and a contact their round; in a group chat the bot says to @mention it, and what a command
 * shows (answer forms, summaries with e-mails) goes to the person's personal chat, never the group.
 */
import { strict as assert } from 'node:assert';
import { teamsInstall, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { pressButton, startHarness, type Harness } from './harness';
import { assertValidCard, shownText } from '../fixtures/cards';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };
const ERIK = { aad: 'cccccccc-0000-4000-8000-00000000000c', id: '29:erik', conv: 'a:erik-chat' };
const DAVID = { aad: 'dddddddd-0000-4000-8000-00000000000d', id: '29:david' }; // only ever in the group
const GROUP = '19:trygghetsgruppen@thread.v2';
type Who = { aad: string; id: string };

describe('help by role, and group chats', function () {
  this.timeout(60_000);
  let h: Harness;

  const cardOf = (r: ReceivedActivity) => r.activity.attachments![0]!.content as Record<string, unknown>;
  const say = async (who: Who, text: string, conv: string, conversationType?: 'groupChat'): Promise<ReceivedActivity> => {
    const before = h.connector.forConversation(conv).length;
    const activity = teamsMessage({
      serviceUrl: h.connector.url,
      conversationId: conv,
      text,
      userId: who.id,
      aadObjectId: who.aad,
      conversationType,
    });
    assert.equal((await h.post(activity)).status, 200);
    return (await h.connector.waitFor((r) => r.conversationId === conv, before + 1))[before]!;
  };
  const sectionsOf = (card: Record<string, unknown>) =>
    (card.body as Array<{ type: string; items?: Array<{ text: string }> }>)
      .filter((e) => e.type === 'Container')
      .map((c) => c.items!.map((i) => shownText(i.text)));
  const buttonsOf = (card: Record<string, unknown>) => (card.actions as Array<{ title: string }>).map((a) => a.title);

  /** The 2026 round, started once as the admin does (confirmation, then Start), whichever test needs it first. */
  let started = false;
  const roundStarted = async (): Promise<void> => {
    if (started) return;
    started = true;
    await say(ADMIN, 'starta uppföljning 2026 senast 2099-02-28', ADMIN.conv);
    assert.equal((await pressButton(h, ADMIN, 'round.start', { year: '2026', deadline: '2099-02-28' })).status, 200);
    await h.connector.waitFor(
      (r) => r.conversationId === ADMIN.conv && JSON.stringify(r.activity).includes('Utskick uppföljning 2026'),
      1,
      30_000,
    );
  };

  // Each test on a fresh bot (any order, alone): the three have the app, Anna is SF's contact.
  beforeEach(async () => {
    started = false;
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    for (const who of [
      { ...ADMIN, conv: ADMIN.conv },
      { ...ANNA, conv: ANNA.conv },
      { ...ERIK, conv: ERIK.conv },
    ])
      await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: who.conv, userId: who.id, aadObjectId: who.aad }));
    await h.connector.waitFor((r) => [ADMIN.conv, ANNA.conv, ERIK.conv].includes(r.conversationId), 3);
    await say(ADMIN, `kontakt SF ${ANNA.aad}`, ADMIN.conv);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('shows an admin the follow-up commands, a contact their own part, and others the plan alone', async () => {
    const admin = cardOf(await say(ADMIN, 'hjälp', ADMIN.conv));
    assertValidCard(admin);
    // What anyone can ask first, then the admin's commands.
    const [examples, ...adminSections] = sectionsOf(admin);
    assert.equal(examples![0], 'Fråga till exempel');
    assert.ok(examples!.includes('Vem ansvarar för kamerabevakningen?'));
    assert.equal(adminSections[0]![0], 'Uppföljningen (för administratörer)');
    assert.match(adminSections[0]!.join('\n'), /starta uppföljning <år> senast <ÅÅÅÅ-MM-DD>/);
    assert.match(adminSections[0]!.join('\n'), /svara för <enhet>/);
    assert.deepEqual(buttonsOf(admin).slice(0, 2), ['sammanställning', 'kontakter']);
    assert.ok(buttonsOf(admin).length <= 6, 'no more buttons than Teams shows without an overflow menu');
    // Nothing in angle brackets: Teams' Markdown would take "<enhet>" for a tag and drop it.
    assert.doesNotMatch(JSON.stringify(admin.body), /<[a-zåäö-]+>/i);

    const anna = cardOf(await say(ANNA, 'hjälp', ANNA.conv));
    assert.deepEqual(sectionsOf(anna).slice(1), [
      ['Din uppföljning', 'Du är kontaktperson för SF. När årets uppföljning startar får du ett kort här att svara i.'],
    ]);
    assert.ok(!buttonsOf(anna).includes('sammanställning'), 'a contact is not shown the admin commands');

    const erik = cardOf(await say(ERIK, 'hjälp', ERIK.conv));
    assert.deepEqual(
      sectionsOf(erik).map((section) => section[0]),
      ['Fråga till exempel'],
    );
    assert.ok(buttonsOf(erik).includes('Vem ansvarar för kamerabevakningen?'));

    // With a round open, the contact is told how to get their card, and a button does it.
    await roundStarted();
    const open = cardOf(await say(ANNA, 'hjälp', ANNA.conv));
    assert.match(sectionsOf(open)[1]![1]!, /^Du svarar för SF i uppföljningen 2026, senast 2099-02-28\. Skriv "min uppföljning"/);
    assert.equal(buttonsOf(open)[0], 'min uppföljning');
    // English help for an English question.
    const english = cardOf(await say(ADMIN, 'help', ADMIN.conv));
    assert.equal(sectionsOf(english)[1]![0], 'The follow-up (for admins)');

    // "hej" is not "hjälp": a short hello with a few questions and the way to the rest; a contact's round stays in it.
    const hello = cardOf(await say(ADMIN, 'hej', ADMIN.conv));
    assert.match(JSON.stringify(hello), /"text":"Hej!"/);
    assert.doesNotMatch(JSON.stringify(hello), /för administratörer|starta uppföljning/);
    assert.equal(sectionsOf(hello)[0]!.length, 1 + 3);
    assert.equal(buttonsOf(hello).at(-1), 'hjälp');
    const annaHello = cardOf(await say(ANNA, 'hej!', ANNA.conv));
    assert.equal(buttonsOf(annaHello)[0], 'min uppföljning');
  });

  it("in a group: the welcome says to @mention the bot, and help does not list anyone's units", async () => {
    await h.post(
      teamsInstall({
        serviceUrl: h.connector.url,
        conversationId: GROUP,
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
        conversationType: 'groupChat',
      }),
    );
    const welcome = cardOf((await h.connector.waitFor((r) => r.conversationId === GROUP, 1))[0]!);
    assert.match(JSON.stringify(welcome), /Skriv @Trygghetsbot före frågan/);
    const help = cardOf(await say(ANNA, 'hjälp', GROUP, 'groupChat'));
    assert.doesNotMatch(JSON.stringify(help), /Du svarar för|SF i uppföljningen/);
    // A question about the plan is answered in the group, for everyone.
    assert.match(JSON.stringify(cardOf(await say(ERIK, 'Vem ansvarar för kamerabevakningen?', GROUP, 'groupChat'))), /Polisen/);
  });

  it('sends a summary or an answer form asked for in a group to the personal chat, and says so in the group', async () => {
    await roundStarted();
    const adminBefore = h.connector.forConversation(ADMIN.conv).length;
    const inGroup = await say(ADMIN, 'sammanställning 2026', GROUP, 'groupChat');
    assert.match(JSON.stringify(cardOf(inGroup)), /Jag har skickat det till dig i vår personliga chatt/);
    const privately = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, adminBefore + 1))[adminBefore]!;
    assert.match(JSON.stringify(cardOf(privately)), /Sammanställning uppföljning 2026/);
    assert.ok(
      h.connector.forConversation(GROUP).every((r) => !JSON.stringify(r.activity).includes('Sammanställning uppföljning')),
      'no summary in the group',
    );
    // Writing in the group did not make the bot forget the admin's personal chat (reminders and summaries go there).
    assert.equal((await h.bot.service.people.getUser({ aadObjectId: ADMIN.aad }))?.conversationId, ADMIN.conv);

    // David has never chatted with the bot alone: a personal chat is opened for him, and kept.
    await say(ADMIN, `kontakt MOS ${DAVID.aad}`, ADMIN.conv);
    const reply = await say(DAVID, 'min uppföljning', GROUP, 'groupChat');
    assert.match(JSON.stringify(cardOf(reply)), /personliga chatt/);
    const opened = h.connector.createdConversations.find((c) => c.members.some((m) => m.id === DAVID.id))!;
    const form = (await h.connector.waitFor((r) => r.conversationId === opened.id, 1))[0]!;
    assert.match(JSON.stringify(cardOf(form)), /Rapporterande enhet: MOS/);
    assert.equal((await h.bot.service.people.getUser({ aadObjectId: DAVID.aad }))?.conversationId, opened.id);
    assert.ok(h.connector.forConversation(GROUP).every((r) => !JSON.stringify(r.activity).includes('Rapporterande enhet')));
  });

  it("points an answer typed into the group to the personal chat, naming none of the person's units", async () => {
    await roundStarted();
    const pointer = JSON.stringify(cardOf(await say(ANNA, 'Pågående, samordningsfunktionen träffas varje månad', GROUP, 'groupChat')));
    assert.match(pointer, /Svar lämnas i kortet i din personliga chatt med mig/);
    assert.doesNotMatch(pointer, /SF|2099-02-28/);
  });

  it('says how to open a personal chat when none can be opened, and shows nothing in the group', async () => {
    const ERIC = { aad: 'eeeeeeee-0000-4000-8000-00000000000e', id: '29:eric' };
    await say(ADMIN, `kontakt VOF ${ERIC.aad}`, ADMIN.conv);
    h.connector.inject = ({ method, path }) => (method === 'POST' && /^\/v3\/conversations\/?$/.test(path) ? { status: 403 } : undefined);
    try {
      const reply = await say(ERIC, 'min uppföljning', GROUP, 'groupChat');
      assert.match(JSON.stringify(cardOf(reply)), /Öppna en chatt med Trygghetsbot \(under Appar\) och skriv kommandot där/);
      assert.ok(h.connector.forConversation(GROUP).every((r) => !JSON.stringify(r.activity).includes('Rapporterande enhet')));
    } finally {
      h.connector.inject = undefined;
    }
  });
});
