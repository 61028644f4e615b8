/**
 * The annual follow-up over HTTP, as Teams drives it: install, contacts, start and confirm a round,
 * one message per contact, answers through Universal Actions (invoke adaptiveCard/action), refusals,
 * a connector that answers 429 and 503, a restart mid-round, and reminders.
 */
import { strict as assert } from 'node:assert';
import { teamsInstall, teamsInvoke, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness } from './harness';
import { assertValidCard } from '../fixtures/cards';
import { RoundScheduler } from '../../src/scheduler/round-scheduler';
import { StoreUnavailableError } from '../../src/store/document-store';
import ExcelJS from 'exceljs';
import { RoundWork } from '../../src/usecases/round-work';
import { NO_DIRECTORY } from '../../src/usecases/people-directory';
import { MAX_TYPED_DESCRIPTION_LENGTH } from '../../src/core/followup/model';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };
const ERIK = { aad: 'cccccccc-0000-4000-8000-00000000000c', id: '29:erik', conv: 'a:erik-chat' };
const DAVID = { aad: 'dddddddd-0000-4000-8000-00000000000d' }; // never wrote to the bot

type Harness = Awaited<ReturnType<typeof startHarness>>;
type Who = { aad: string; id: string; conv: string };

/** The round story's bot; each describe below that tells the story starts its own. */
let h: Harness;

const say = async (who: Who, text: string): Promise<ReceivedActivity> => {
  const before = h.connector.forConversation(who.conv).length;
  const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad });
  assert.equal((await h.post(activity)).status, 200);
  const replies = await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1);
  return replies[before]!;
};
const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);
const cardMessageIn = (conv: string): string | undefined =>
  h.connector
    .forConversation(conv)
    .filter((r) => r.method === 'POST' && r.activity.attachments)
    .at(-1)?.id;
const invoke = async (who: Who, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const replyToId = cardMessageIn(who.conv);
  const response = await h.post(
    teamsInvoke({ serviceUrl: h.connector.url, conversationId: who.conv, verb, data, userId: who.id, aadObjectId: who.aad, replyToId }),
  );
  assert.equal(response.status, 200);
  const body = (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
  assert.equal(body.statusCode, 200);
  assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
  assertValidCard(body.value);
  return body.value;
};
/** Saves an answer through the round card's Save, as the person clicks it. */
const save = (who: Who, actionId: string, unit: string, status: string, description: string, year = '2024') =>
  invoke(who, 'round.save', { year, actionId, unit, status, description });
/** A card action whose answer is a message (the card it was pressed on stays): the message. */
const invokeForMessage = async (who: Who, verb: string, data: Record<string, unknown>): Promise<string> => {
  const response = await h.post(
    teamsInvoke({
      serviceUrl: h.connector.url,
      conversationId: who.conv,
      verb,
      data,
      userId: who.id,
      aadObjectId: who.aad,
      replyToId: cardMessageIn(who.conv),
    }),
  );
  assert.equal(response.status, 200);
  const body = (await response.json()) as { type: string; value: string };
  assert.equal(body.type, 'application/vnd.microsoft.activity.message', 'the card stays; a message says what happened');
  return body.value;
};
/** Export from the summary: the link comes as a new message (the summary stays); its card. */
const exportLink = async (who: Who, data: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const before = h.connector.forConversation(who.conv).length;
  assert.match(await invokeForMessage(who, 'report.export', data), /Länken till rapporten kommer nedan/);
  const link = (await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!;
  const card = link.activity.attachments![0]!.content as Record<string, unknown>;
  assertValidCard(card);
  return card;
};
/** The round's own messages: posts (in-place card updates are PUTs), reminders excluded. */
const roundMessagesTo = (conv: string) =>
  h.connector
    .forConversation(conv)
    .filter((r) => r.method === 'POST' && textOf(r).includes('Uppföljning 2024 av åtgärdsplanen') && !textOf(r).includes('Påminnelse'));

/**
 * The round's story in stages. A test that needs a stage reaches it first (doing only what is
 * missing), so each test also passes alone (mocha --grep); run in order, the tests that tell a
 * stage mark it reached and nothing is done twice.
 */
const STAGES = ['contacts', 'started', 'answered'] as const;
type Stage = (typeof STAGES)[number];
const reached = new Set<Stage>();
const SETUP: Record<Stage, () => Promise<void>> = {
  contacts: async () => {
    await say(ADMIN, `kontakt SF ${ANNA.aad}`);
    await say(ADMIN, `kontakt BFT ${ERIK.aad}`);
    await say(ADMIN, `kontakt MOS ${DAVID.aad}`);
  },
  started: async () => {
    await invoke(ADMIN, 'round.start', { year: '2024', deadline: '2099-02-28' });
    await h.connector.waitFor((r) => r.conversationId === ADMIN.conv && textOf(r).includes('Utskick uppföljning 2024'), 1, 30_000);
  },
  answered: async () => {
    const answer = { year: '2024', actionId: 'A16-1', unit: 'SF' };
    await invoke(ANNA, 'round.save', { ...answer, status: 'pagaende', description: 'Samordningsfunktionen är bemannad.' });
    await invoke(ANNA, 'round.save', { ...answer, status: 'paborjad', description: 'Behöver utvecklas.' });
  },
};
const reach = async (stage: Stage): Promise<void> => {
  for (const s of STAGES.slice(0, STAGES.indexOf(stage) + 1)) {
    if (!reached.has(s)) await SETUP[s]();
    reached.add(s);
  }
};

/**
 * For a test that tells `stage`: the story just before it. Run after a test that reached the stage
 * already (another order, or --grep), it starts over on a fresh bot, as the stage cannot be undone.
 */
const readyToTell = async (stage: Stage): Promise<void> => {
  if (reached.has(stage)) {
    await h.stop();
    await startStory();
  }
  const previous = STAGES[STAGES.indexOf(stage) - 1];
  if (previous) await reach(previous);
};

/** A bot with the admin, Anna and Erik installed, at the start of the story (no stage reached). */
async function startStory(): Promise<void> {
  h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
  reached.clear();
  for (const who of [ADMIN, ANNA, ERIK]) {
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: who.conv, userId: who.id, aadObjectId: who.aad }));
  }
  await h.connector.waitFor((r) => [ADMIN.conv, ANNA.conv, ERIK.conv].includes(r.conversationId), 3);
}

describe('follow-up round over HTTP', function () {
  this.timeout(60_000);
  before(async () => {
    await startStory();
  });
  after(async () => {
    await h.stop();
  });

  it('refuses admin commands from others, and lets an admin set contacts', async () => {
    assert.match(textOf(await say(ANNA, 'starta uppföljning 2024 senast 2099-02-28')), /bara administratörer/);
    assert.match(textOf(await say(ADMIN, `kontakt SF ${ANNA.aad}`)), /Kontakter för SF/);
    await say(ADMIN, `kontakt BFT ${ERIK.aad}`);
    await say(ADMIN, `kontakt MOS ${DAVID.aad}`);
    assert.match(textOf(await say(ADMIN, 'kontakt XYZ anna@example.com')), /finns inte bland planens ansvariga/);
    assert.match(textOf(await say(ADMIN, 'starta uppföljning 2023 senast 2024-02-28')), /har redan passerat/);
    assert.match(textOf(await say(ADMIN, 'starta uppföljning 2024 senast 2025-02-30')), /ÅÅÅÅ-MM-DD/);
    assert.match(textOf(await say(ADMIN, 'kontakt SF inte-en-person')), /e-postadress eller Entra/);
    const list = await say(ADMIN, 'kontakter');
    assert.match(textOf(list), new RegExp(ANNA.aad));
    assertValidCard(list.activity.attachments![0]!.content);
    // The card form: replace a unit's contacts.
    const saved = JSON.stringify(await invoke(ADMIN, 'contacts.save', { unit: 'KOF', people: 'sara@example.com, karin@example.com' }));
    assert.match(saved, /Kontakter för KOF: sara@example.com, karin@example.com/);
    assert.match(
      JSON.stringify(await invoke(ADMIN, 'contacts.save', { unit: 'KOF', people: 'inte-en-person' })),
      /e-postadress eller Entra/,
    );
    assert.match(JSON.stringify(await invoke(ANNA, 'contacts.save', { unit: 'KOF', people: '' })), /bara administratörer/);
    // An empty field removes nobody: it says how to remove a contact instead.
    assert.match(
      JSON.stringify(await invoke(ADMIN, 'contacts.save', { unit: 'KOF', people: '' })),
      /Fältet är tomt, så inget ändrades för KOF/,
    );
    assert.equal((await h.bot.service.people.listContacts()).filter((c) => c.unit === 'KOF').length, 2);
    await say(ADMIN, 'ta bort kontakt KOF sara@example.com');
    await say(ADMIN, 'ta bort kontakt KOF karin@example.com');
    assert.equal((await h.bot.service.people.listContacts()).filter((c) => c.unit === 'KOF').length, 0);
    reached.add('contacts');
  });

  it('shows a confirmation card before starting, then sends each contact exactly one message', async () => {
    await readyToTell('started');
    const confirm = await say(ADMIN, 'starta uppföljning 2024 senast 2099-02-28');
    const card = confirm.activity.attachments![0]!.content as { actions: Array<{ verb: string; data: Record<string, unknown> }> };
    assertValidCard(card);
    assert.match(textOf(confirm), /Starta uppföljning 2024\?/);
    assert.match(textOf(confirm), /"title":"Personer som tillfrågas","value":"3"/);
    assert.match(textOf(confirm), /Polisen/); // listed among the units without contacts
    // A 503 and a 429 along the way: retried, nobody gets two messages.
    h.connector.inject = ({ n }) => (n % 5 === 0 ? { status: 503 } : n % 7 === 0 ? { status: 429, retryAfterSeconds: 0 } : undefined);
    const started = await invoke(ADMIN, 'round.start', card.actions[0]!.data);
    assert.match(JSON.stringify(started), /Uppföljning 2024 är startad/);
    const summary = await h.connector.waitFor(
      (r) => r.conversationId === ADMIN.conv && textOf(r).includes('Utskick uppföljning 2024'),
      1,
      30_000,
    );
    h.connector.inject = undefined;
    assert.match(textOf(summary[0]!), /3 levererade, 0 nåddes inte, 0 misslyckades/);
    assert.equal(roundMessagesTo(ANNA.conv).length, 1);
    assert.equal(roundMessagesTo(ERIK.conv).length, 1);
    const created = h.connector.createdConversations.find((c) => c.members.some((m) => m.id === DAVID.aad));
    assert.ok(created, 'a 1:1 chat is created for a contact who never wrote to the bot');
    assert.equal(roundMessagesTo(created.id).length, 1);
    assert.ok((h.connector.faults.get(503) ?? 0) + (h.connector.faults.get(429) ?? 0) > 0, 'faults were injected');
    // The message is a Universal Actions card with the plan's three statuses and a refresh for the user.
    const annaCard = roundMessagesTo(ANNA.conv)[0]!.activity.attachments![0]!.content as Record<string, unknown>;
    assertValidCard(annaCard);
    const json = JSON.stringify(annaCard);
    assert.match(json, /Åtgärden fortlöper enligt plan/);
    assert.match(json, /Åtgärden är inledd men behöver utvecklas/);
    assert.match(json, /Åtgärden kan ej inledas då förutsättningar saknas/);
    assert.match(json, /"verb":"round.save"/);
    assert.deepEqual((annaCard.refresh as { userIds: string[] }).userIds, [ANNA.id]);
    // The notification says what it is (text, not "sent a card"); the card says who asks, why, how and by when.
    const message = roundMessagesTo(ANNA.conv)[0]!.activity;
    assert.equal(message.text, 'Uppföljning 2024 av åtgärdsplanen: svara för SF senast 2099-02-28.');
    assert.match(json, /Säkerhetschefen följer upp planen varje år och rapporterar till kommunfullmäktige\./);
    assert.match(json, /Varje svar sparas för sig när du trycker Spara, och du kan ändra det fram till 2099-02-28/);
    assert.match(json, /Åtgärd 1 av \d+/);
    assert.doesNotMatch(json, /tryckt som/);
    reached.add('started');
  });

  it('a second confirmation (double click) sends nobody a second message', async () => {
    await reach('started');
    const again = await invoke(ADMIN, 'round.start', { year: '2024', deadline: '2099-02-28' });
    assert.match(JSON.stringify(again), /startad/);
    await h.connector.waitFor((r) => r.conversationId === ADMIN.conv && textOf(r).includes('Utskick uppföljning 2024'), 2, 30_000);
    assert.equal(roundMessagesTo(ANNA.conv).length, 1);
    assert.equal(roundMessagesTo(ERIK.conv).length, 1);
  });

  it('stores an answer, shows progress, and lets the contact change it', async () => {
    await readyToTell('answered');
    // Counted from the store: another test of this story (an answer to A16-2) may have run first.
    const sfAnswers = async () => (await h.bot.service.rounds.listAnswers(2024)).filter((a) => a.unit === 'SF').length;
    const before = await sfAnswers();
    const first = await save(ANNA, 'A16-1', 'SF', 'pagaende', 'Samordningsfunktionen är bemannad.');
    const json = JSON.stringify(first);
    assert.match(json, /Sparat: A16\u20111 för SF/);
    assert.equal(await sfAnswers(), before + 1);
    assert.match(json, new RegExp(`${before + 1} av \\d+ rapporterade för SF`));
    const changed = await save(ANNA, 'A16-1', 'SF', 'paborjad', 'Behöver utvecklas.');
    assert.match(JSON.stringify(changed), /Sparat/);
    const stored = await h.bot.service.rounds.getAnswer(2024, 'A16-1', 'SF');
    assert.equal(stored?.status, 'paborjad');
    assert.equal((await h.bot.service.rounds.listHistory(2024)).filter((c) => c.actionId === 'A16-1').length, 2);
    // The same answer again (a double click) changes nothing.
    assert.match(JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'paborjad', 'Behöver utvecklas.')), /Inget ändrat/);
    assert.equal((await h.bot.service.rounds.listHistory(2024)).filter((c) => c.actionId === 'A16-1').length, 2);
    // Refresh shows the stored state.
    const refreshed = JSON.stringify(await invoke(ANNA, 'round.show', { year: '2024', actionId: 'A16-1', unit: 'SF' }));
    assert.match(refreshed, /Sparat av [^"]+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'who saved it and when');
    assert.match(refreshed, /"value":"paborjad"/);
    assert.match(refreshed, /"value":"Behöver utvecklas."/);
    reached.add('answered');
  });

  it('answers Spara without waiting for Teams to replace the message, which follows; a refused replacement loses nothing', async () => {
    await reach('started');
    // Two of SF's actions that the other tests of this story leave alone.
    const [first, second] = h.bot.service.obligations
      .filter((o) => o.unit === 'SF' && !['A15-1', 'A16-1', 'A16-2'].includes(o.actionId))
      .map((o) => o.actionId);
    const press = (data: Record<string, unknown>) =>
      fetch(`${h.bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          teamsInvoke({
            serviceUrl: h.connector.url,
            conversationId: ANNA.conv,
            verb: 'round.save',
            data: { year: '2024', unit: 'SF', status: 'pagaende', ...data },
            userId: ANNA.id,
            aadObjectId: ANNA.aad,
            replyToId: cardMessageIn(ANNA.conv),
          }),
        ),
      });
    const replaced = () => h.connector.forConversation(ANNA.conv).filter((r) => r.method === 'PUT');
    // Teams' connector slow to take the message's update: the press is answered all the same.
    h.connector.responseDelayMs = 1500;
    try {
      const before = replaced().length;
      const started = performance.now();
      const response = await press({ actionId: first, description: 'Utbildning genomförd.' });
      assert.ok(performance.now() - started < 1000, 'the press waited for the update of the message');
      assert.match(await response.text(), /Sparat: .* för SF/);
      await h.bot.bot.followUp!.cardsReplaced();
      assert.equal(replaced().length, before + 1);
      assert.match(JSON.stringify(replaced().at(-1)!.activity), /Sparat: .* för SF/, 'then the message shows the saved card for everyone');
    } finally {
      h.connector.responseDelayMs = 0;
    }
    // The message is gone (deleted in Teams): the answer is saved and said so, not "Något gick fel".
    h.connector.inject = ({ method }) => (method === 'PUT' ? { status: 404 } : undefined);
    try {
      const response = await press({ actionId: second, description: 'Pågår enligt plan.' });
      assert.equal(response.status, 200);
      assert.match(await response.text(), /Sparat: .* för SF/);
      await h.bot.bot.followUp!.cardsReplaced();
    } finally {
      h.connector.inject = undefined;
    }
    assert.equal((await h.bot.service.rounds.getAnswer(2024, second!, 'SF'))?.description, 'Pågår enligt plan.');
    assert.ok(h.logs.some((l) => l.event === 'card-refresh-failed' && l.status === 404));
  });

  it('points an answer typed into the chat to the card, and still answers other questions from the plan', async () => {
    await reach('started');
    const pointer = textOf(await say(ANNA, 'Pågående, samordningsfunktionen är bemannad och träffas varje månad'));
    assert.match(pointer, /Det ser ut som ett svar till uppföljningen 2024/);
    assert.match(pointer, /min uppföljning/);
    assert.doesNotMatch(pointer, /Jag hittar inget/);
    // Seen in the Playground: an answer whose words are each somewhere in the plan (so the plan offers
    // nearest rows rather than nothing) is still pointed to the card.
    assert.match(
      textOf(await say(ANNA, 'Pågående, vi har samordnat arbetet med polisen hela året')),
      /Det ser ut som ett svar till uppföljningen 2024/,
    );
    // A question about the statuses, though it names two, is answered with the plan's definitions.
    const statuses = textOf(await say(ANNA, 'Vad är skillnaden mellan pågående och påbörjad?'));
    assert.match(statuses, /Åtgärden är inledd men behöver utvecklas/);
    assert.doesNotMatch(statuses, /Det ser ut som ett svar/);
    // Someone with nothing to answer gets the plan's answer, as before.
    assert.match(textOf(await say(ADMIN, 'Pågående, samordningsfunktionen är bemannad och träffas varje månad')), /Jag hittar inget/);
  });

  it('lets a status chosen by mistake go, offers to discard typed text, and refuses a long paste whole instead of cutting it (#25)', async () => {
    await reach('started');
    const at = { year: '2024', actionId: 'A15-1', unit: 'SF' };
    // An action no other test of the story answers. Pågående chosen, then Nästa: on to the next action, told the choice was not saved.
    const moved = JSON.stringify(await invoke(ANNA, 'round.next', { ...at, status: 'pagaende', description: '' }));
    assert.doesNotMatch(moved, /"actionId":"A15-1"/);
    assert.match(moved, /Ditt val Pågående för A15\u20111 sparades inte/);
    // Text typed: the card stays, with the text, and offers to discard it; that button sends no fields.
    const kept = await invoke(ANNA, 'round.next', { ...at, status: 'pagaende', description: 'Halvskrivet' });
    assert.match(JSON.stringify(kept), /Tryck Spara, eller Släng och gå vidare/);
    assert.match(JSON.stringify(kept), /"value":"Halvskrivet"/);
    const discard = (kept.actions as Array<{ title: string; verb: string; associatedInputs: string }>).find(
      (a) => a.title === 'Släng och gå vidare',
    )!;
    assert.deepEqual([discard.verb, discard.associatedInputs], ['round.next', 'none']);
    assert.doesNotMatch(JSON.stringify(await invoke(ANNA, 'round.next', at)), /"actionId":"A15-1"/, 'discarded: on to the next');
    // A 5 000-character paste: the card takes it, the bot refuses it with the count and the limit, and gives it back whole.
    const paste = `${'Mycket text om arbetet. '.repeat(209)}slut`.slice(0, 5_000);
    const card = await invoke(ANNA, 'round.save', { ...at, status: 'pagaende', description: paste });
    const json = JSON.stringify(card);
    assert.match(json, /Beskrivningen är 5000 tecken; högst 2 000 tecken. Inget sparades/);
    const field = (card.body as Array<{ id?: string; value?: string; maxLength?: number }>).find((e) => e.id === 'description')!;
    assert.equal(field.value, paste, 'given back whole');
    assert.ok(field.maxLength! > 2_000, 'the field never cuts below what the bot accepts');
    assert.equal(field.maxLength, MAX_TYPED_DESCRIPTION_LENGTH);
    assert.equal(await h.bot.service.rounds.getAnswer(2024, 'A15-1', 'SF'), undefined);
  });

  it('refuses, with a clear card and no write, what is not allowed or not valid', async () => {
    await reach('started');
    const before = (await h.bot.service.rounds.listHistory(2024)).length;
    assert.match(JSON.stringify(await save(ERIK, 'A16-1', 'SF', 'pagaende', 'x')), /inte kontaktperson för SF/);
    assert.match(JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'klar', 'x')), /Välj Pågående, Påbörjad eller Ej påbörjad/);
    assert.match(JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'pagaende', '   ')), /Beskrivningen av utvecklingen saknas/);
    const long = JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'pagaende', 'å'.repeat(2500)));
    assert.match(long, /2500 tecken; högst 2 000/);
    assert.match(JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'pagaende', 'x', '2031')), /ingen uppföljning för 2031/);
    assert.match(
      JSON.stringify(await invoke(ANNA, 'round.save', { year: { $gt: 1 }, actionId: ['A16-1'], unit: null })),
      /ingen uppföljning/,
    );
    assert.equal((await h.bot.service.rounds.listHistory(2024)).length, before, 'nothing was written');
  });

  it('gives the admin a summary card whose counts match the store, and a report link that only admins get', async () => {
    await reach('answered');
    const card = (await say(ADMIN, 'sammanställning 2024')).activity.attachments![0]!.content as Record<string, unknown>;
    assertValidCard(card);
    const json = JSON.stringify(card);
    const answers = await h.bot.service.rounds.listAnswers(2024);
    const donut = (card.body as Array<{ type: string; data?: Array<{ legend: string; value: number }> }>).find(
      (e) => e.type === 'Chart.Donut',
    )!;
    const value = (legend: string) => donut.data!.find((d) => d.legend === legend)!.value;
    assert.equal(value('Pågående'), answers.filter((a) => a.status === 'pagaende').length);
    assert.equal(value('Påbörjad'), answers.filter((a) => a.status === 'paborjad').length);
    assert.equal(value('Ej rapporterad'), h.bot.service.obligations.length - answers.length);
    assert.match(json, /"type":"Chart.VerticalBar.Grouped"/);
    assert.match(json, new RegExp(`SF: \\d+/\\d+ – ${ANNA.aad}`));
    // Every responsible unit's response rate, a row each; those without contacts named once, below (not on every row).
    assert.match(json, /\{"title":"Polisen","value":"\d+\/\d+ \(\d+ %\)"\}/);
    assert.doesNotMatch(json, /inga kontakter/);
    // The rows the plan gives no owner are counted under their own name, never as a unit (#25).
    assert.doesNotMatch(json, /ingen ansvarig angiven/);
    assert.match(json, /\{"title":"Utan ansvarig i planen","value":"\d+\/1 \(A20-2\)"\}/);
    assert.match(json, /"text":"[^"]*Polisen[^"]*"/);
    const facts = (donut as unknown as { fallback: { facts: Array<{ value: unknown }> } }).fallback.facts;
    assert.ok(facts.length > 0 && facts.every((f) => typeof f.value === 'string'), JSON.stringify(facts));
    // Units nobody answers for are named, and an admin can take one's card from here; the summary stays.
    assert.match(json, /Enheter utan kontakter: \d+ \(en administratör kan svara för dem\)/);
    assert.match(json, /"value":"Polisen"/);
    const before = h.connector.forConversation(ADMIN.conv).length;
    const response = await h.post(
      teamsInvoke({
        serviceUrl: h.connector.url,
        conversationId: ADMIN.conv,
        verb: 'round.answerFor',
        data: { year: '2024', unit: 'Polisen' },
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
      }),
    );
    const body = (await response.json()) as { type: string; value: string };
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(body.value, /Kortet för Polisen kommer nedan/);
    const polisCard = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!;
    assert.match(textOf(polisCard), /Rapporterande enhet: Polisen/);
    // Export: admins only, a link to the bot's own server that expires and cannot be guessed.
    assert.match(await invokeForMessage(ANNA, 'report.export', { year: '2024', format: 'xlsx' }), /bara administratörer/);
    // Remind from the summary: it first says how many would get one; the sending is said in a message, the summary stays.
    const remindOffer = (card.actions as Array<{ type: string; card?: unknown }>).find((a) => a.type === 'Action.ShowCard')!;
    assert.match(JSON.stringify(remindOffer.card), /\d+ (person|personer) som inte har svarat klart får en påminnelse/);
    assert.match(await invokeForMessage(ADMIN, 'round.remind', { year: '2024', confirmed: true }), /Påminnelser skickade till/);
    // A summary sent before reminders asked first: the confirmation comes as a new message, nothing is sent.
    const beforeOld = h.connector.forConversation(ADMIN.conv).length;
    const sentBefore = h.connector.forConversation(ANNA.conv).length;
    assert.match(await invokeForMessage(ADMIN, 'round.remind', { year: '2024' }), /Bekräfta påminnelsen i meddelandet nedan/);
    const confirm = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, beforeOld + 1))[beforeOld]!;
    assert.match(textOf(confirm), /Påminna om uppföljning 2024\?/);
    assert.equal(h.connector.forConversation(ANNA.conv).length, sentBefore, 'nothing sent before it is confirmed');
    const linkCard = await exportLink(ADMIN, { year: '2024', format: 'xlsx' });
    const url = (linkCard.actions as Array<{ url: string }>)[0]!.url;
    const path = new URL(url).pathname;
    assert.match(path, /^\/reports\/[A-Za-z0-9_-]{43}$/);
    // The link's page uses nothing up (a link scanner may fetch it first); its button (a POST) gives the file, once.
    const linkPage = await fetch(`${h.bot.url}${path}`);
    assert.equal(linkPage.status, 200);
    assert.match(await linkPage.text(), /<form method="post">/);
    const file = await fetch(`${h.bot.url}${path}`, { method: 'POST' });
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-type') ?? '', /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Åtgärder')!;
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'A16-1' && row.getCell(6).value === 'SF')
        found = row.getCell(8).value === 'X' && row.getCell(10).value === 'Behöver utvecklas.';
    });
    assert.ok(found, 'the stored answer is in the workbook');
    assert.equal((await fetch(`${h.bot.url}${path}`, { method: 'POST' })).status, 404, 'used once');
    assert.equal((await fetch(`${h.bot.url}/reports/${'x'.repeat(43)}`)).status, 404);
    assert.equal((await fetch(`${h.bot.url}/reports/short`)).status, 404);
  });

  it('answers "status för åtgärd" and "hur går det för" from the stored answers, for admins and contacts', async () => {
    await reach('answered');
    assert.match(textOf(await say(ANNA, 'status för åtgärd A16-1')), /SF: Påbörjad – Behöver utvecklas\./);
    assert.match(textOf(await say(ADMIN, 'hur går det för SF?')), /SF i uppföljning 2024: \d+ av \d+ rapporterade/);
    const stranger = { aad: '99999999-0000-4000-8000-000000000009', id: '29:stranger', conv: 'a:stranger' };
    // For everyone else it is a question about the plan: the plan's answer, no follow-up status.
    const plain = textOf(await say(stranger, 'status för åtgärd A16-1'));
    assert.match(plain, /Upprätthålla en samordningsfunktion/);
    assert.doesNotMatch(plain, /Behöver utvecklas/);
    // A contact sees their own units' actions, not other units' answers.
    assert.match(textOf(await say(ANNA, 'hur går det för KLF?')), /Du kan se status för de åtgärder som dina enheter rapporterar \(SF\)/);
    assert.match(textOf(await say(ANNA, 'status för åtgärd A3-1')), /Du kan se status för de åtgärder som dina enheter rapporterar/);
    assert.match(textOf(await say(ANNA, 'hur går det för SF?')), /SF i uppföljning 2024/);
    assert.match(textOf(await say(ADMIN, 'status för åtgärd A3-1')), /KLF: /);
  });

  it('manages admins in chat: an added admin may start rounds, a removed one may not', async () => {
    await reach('started');
    assert.match(textOf(await say(ADMIN, `admin ${ERIK.aad}`)), /är nu administratör/);
    assert.match(textOf(await say(ERIK, 'kontakter')), /Kontaktpersoner per enhet/);
    const link = new URL(((await exportLink(ERIK, { year: '2024', format: 'md' })).actions as Array<{ url: string }>)[0]!.url).pathname;
    assert.equal((await fetch(`${h.bot.url}${link}`)).status, 200);
    assert.match(textOf(await say(ADMIN, `ta bort admin ${ERIK.aad}`)), /inte längre administratör/);
    assert.match(textOf(await say(ERIK, 'kontakter')), /bara administratörer/);
    assert.equal((await fetch(`${h.bot.url}${link}`)).status, 404, "the link was Erik's as an admin: it stops with his role");
    assert.equal((await fetch(`${h.bot.url}${link}`, { method: 'POST' })).status, 404);
  });

  it('tells the user when the database fails, and writes nothing', async () => {
    await reach('started');
    const store = h.bot.store;
    const original = store.batch.bind(store);
    store.batch = async () => {
      throw new StoreUnavailableError('injected: database down');
    };
    try {
      const response = await h.post(
        teamsInvoke({
          serviceUrl: h.connector.url,
          conversationId: ANNA.conv,
          verb: 'round.save',
          data: { year: '2024', actionId: 'A16-2', unit: 'SF', status: 'pagaende', description: 'Arbetsgruppen träffas.' },
          userId: ANNA.id,
          aadObjectId: ANNA.aad,
          replyToId: cardMessageIn(ANNA.conv),
        }),
      );
      // Said in a message: the card, and the text typed in it, stay for the next try.
      const body = (await response.json()) as { type: string; value: string };
      assert.equal(body.type, 'application/vnd.microsoft.activity.message');
      assert.match(body.value, /Databasen svarar inte just nu. Inget har sparats/);
    } finally {
      store.batch = original;
    }
    assert.equal(await h.bot.service.rounds.getAnswer(2024, 'A16-2', 'SF'), undefined);
    assert.match(JSON.stringify(await save(ANNA, 'A16-2', 'SF', 'pagaende', 'Arbetsgruppen träffas.')), /Sparat: A16\u20112/);
  });

  it('lets an admin answer for a unit without contacts, recorded as on its behalf', async () => {
    await reach('started');
    // "svara för Polisen" gives the admin the unit's card; Anna, not an admin, is refused.
    const offered = await say(ADMIN, 'svara för polisen');
    assertValidCard(offered.activity.attachments![0]!.content);
    assert.match(textOf(offered), /"unit":"Polisen"/);
    assert.match(textOf(offered), /Rapporterande enhet: Polisen/);
    assert.match(textOf(await say(ANNA, 'svara för Polisen')), /bara administratörer/);
    assert.match(textOf(await say(ADMIN, 'svara för Ingen sådan enhet')), /finns inte bland planens ansvariga/);
    const card = JSON.stringify(await save(ADMIN, 'A3-1', 'Polisen', 'pagaende', 'Enligt Polisens besked.'));
    assert.match(card, /Sparat: A3\u20111 för Polisen/);
    assert.equal((await h.bot.service.rounds.getAnswer(2024, 'A3-1', 'Polisen'))?.onBehalf, true);
  });

  it('reminds only those who have not finished', async () => {
    await reach('started');
    // Erik answers both of BFT's actions.
    for (const actionId of ['A2-1', 'A9-1'])
      await invoke(ERIK, 'round.save', {
        year: '2024',
        actionId,
        unit: 'BFT',
        status: 'pagaende',
        description: 'Synkning sker månadsvis.',
      });
    const erikBefore = h.connector.forConversation(ERIK.conv).length;
    const annaBefore = h.connector.forConversation(ANNA.conv).length;
    // David never wrote to the bot: the chat the bot opened for his round message is kept, so he is reminded there too.
    const davidChat = h.connector.createdConversations.find((c) => c.members.some((m) => m.id === DAVID.aad))!.id;
    const davidBefore = h.connector.forConversation(davidChat).length;
    // "påminn" says how many get a reminder and sends nothing until confirmed.
    const confirm = textOf(await say(ADMIN, 'påminn 2024'));
    assert.match(confirm, /2 personer som inte har svarat klart får en påminnelse/);
    assert.equal(h.connector.forConversation(ANNA.conv).length, annaBefore, 'nothing sent before it is confirmed');
    const sent = await invoke(ADMIN, 'round.remind', { year: '2024', lang: 'sv', confirmed: true, replaceCard: true });
    assert.match(JSON.stringify(sent), /Påminnelser skickade till 2 personer som/);
    assert.equal(h.connector.forConversation(ANNA.conv).length, annaBefore + 1);
    assert.match(textOf(h.connector.forConversation(ANNA.conv).at(-1)!), /Påminnelse: uppföljning 2024/);
    assert.match(String(h.connector.forConversation(ANNA.conv).at(-1)!.activity.text), /^Påminnelse: uppföljning 2024/);
    // The reminder line stands at the top of the card, not in the refusal's red spot by the fields (#25).
    assert.match(
      textOf(h.connector.forConversation(ANNA.conv).at(-1)!),
      /"style":"accent","spacing":"Small","items":\[\{"type":"TextBlock","text":"Påminnelse: uppföljning 2024/,
    );
    assert.doesNotMatch(textOf(h.connector.forConversation(ANNA.conv).at(-1)!), /"text":"Påminnelse[^"]*","wrap":true,"color":"Attention"/);
    assert.equal(h.connector.forConversation(davidChat).length, davidBefore + 1);
    assert.match(textOf(h.connector.forConversation(davidChat).at(-1)!), /Påminnelse: uppföljning 2024/);
    assert.equal(h.connector.forConversation(ERIK.conv).length, erikBefore);
  });
});

// Its own bot: it closes the round that the story above keeps open, whatever order the tests run in.
describe('follow-up round across a restart', function () {
  this.timeout(60_000);
  before(async () => {
    await startStory();
  });
  after(async () => {
    await h.stop();
  });

  it('keeps everything across a restart, and refuses answers once the round is closed', async () => {
    await reach('answered');
    await h.stopBotOnly();
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad }, { connector: h.connector, storeDir: h.storeDir });
    assert.equal((await h.bot.service.rounds.getAnswer(2024, 'A16-1', 'SF'))?.status, 'paborjad');
    const again = await invoke(ADMIN, 'round.start', { year: '2024', deadline: '2099-02-28' });
    assert.match(JSON.stringify(again), /startad/);
    await h.bot.bot.followUp!.idle();
    assert.equal(roundMessagesTo(ANNA.conv).length, 1, 'no second round message after a restart');
    // Closing is a decision: what is still missing and the days left, then Stäng (#25); Avbryt leaves it open.
    const asked = await say(ADMIN, 'stäng uppföljning 2024');
    assertValidCard(asked.activity.attachments![0]!.content);
    assert.match(textOf(asked), /Stänga uppföljning 2024\?/);
    assert.match(textOf(asked), /"title":"Rapporterade åtgärder","value":"\d+ \/ \d+"/);
    assert.match(textOf(asked), /"title":"Sista svarsdag","value":"2099-02-28, om \d+ dagar"/);
    assert.equal((await h.bot.service.rounds.getRound(2024))?.state, 'open', 'asking closes nothing');
    assert.match(JSON.stringify(await invoke(ADMIN, 'round.cancel', { year: '2024', cancels: 'close' })), /fortfarande öppen/);
    assert.equal((await h.bot.service.rounds.getRound(2024))?.state, 'open');
    assert.match(JSON.stringify(await invoke(ANNA, 'round.close', { year: '2024' })), /bara administratörer/);
    // A Stäng whose year does not read closes nothing (it must not mean "the open round", unseen).
    assert.match(JSON.stringify(await invoke(ADMIN, 'round.close', { year: { $ne: 1 } })), /Det finns ingen öppen uppföljning/);
    assert.equal((await h.bot.service.rounds.getRound(2024))?.state, 'open');
    assert.match(JSON.stringify(await invoke(ADMIN, 'round.close', { year: '2024' })), /Uppföljning 2024 är stängd/);
    assert.equal((await h.bot.service.rounds.getRound(2024))?.state, 'closed');
    // Anna had not finished: she is told, once, with whom to ask.
    const told = await h.connector.waitFor((r) => r.conversationId === ANNA.conv && /Uppföljning 2024 stängdes/.test(textOf(r)), 1, 10_000);
    assert.match(textOf(told[0]!), /innan du hade svarat för alla dina åtgärder/);
    // The closing summary comes at once, not on a scheduler pass (this harness runs none).
    await h.bot.bot.followUp!.idle();
    assert.equal(
      h.connector
        .forConversation(ADMIN.conv)
        .filter((r) => /Uppföljning 2024 är stängd. Här är sammanställningen/.test(String(r.activity.text ?? ''))).length,
      1,
    );
    const refused = JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'pagaende', 'För sent.'));
    assert.match(refused, /Uppföljningen är stängd, så inget sparades. Det du skrev står kvar här/);
    assert.match(refused, /"value":"För sent."/, 'what was typed is still in the card (#25)');
    assert.equal((await h.bot.service.rounds.getAnswer(2024, 'A16-1', 'SF'))?.status, 'paborjad');
    // Reopened with a new deadline (#25): Anna gets her card again, and it saves.
    assert.match(textOf(await say(ADMIN, 'återöppna uppföljning 2024')), /Ge den nya sista svarsdagen/);
    assert.match(textOf(await say(ANNA, 'återöppna uppföljning 2024 senast 2099-03-31')), /bara administratörer/);
    const annaBefore = h.connector.forConversation(ANNA.conv).length;
    assert.match(
      textOf(await say(ADMIN, 'återöppna uppföljning 2024 senast 2099-03-31')),
      /Uppföljning 2024 är öppen igen, med sista svarsdag 2099-03-31. \d+ som inte hade svarat klart har fått sitt kort igen/,
    );
    const card = (await h.connector.waitFor((r) => r.conversationId === ANNA.conv, annaBefore + 1))[annaBefore]!;
    assert.match(textOf(card), /svara senast 2099-03-31/);
    assert.match(JSON.stringify(await save(ANNA, 'A16-1', 'SF', 'pagaende', 'Sent men med.')), /Sparat: A16\u20111/);
    assert.match(textOf(await say(ADMIN, 'återöppna uppföljning 2024 senast 2099-03-31')), /Uppföljning 2024 är inte stängd/);
  });
});

describe('follow-up scheduler', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad, REMINDER_DAYS: '14,3' });
    for (const who of [ADMIN, ANNA])
      await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: who.conv, userId: who.id, aadObjectId: who.aad }));
    await h.connector.waitFor((r) => r.conversationId === ANNA.conv);
  });
  after(async () => {
    await h.stop();
  });
  const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);
  const reminders = () => h.connector.forConversation(ANNA.conv).filter((r) => textOf(r).includes('Påminnelse'));

  it('sends a contact added after the start their message, reminds once on the day even with two instances, and closes after the deadline', async () => {
    await h.post(
      teamsInvoke({
        serviceUrl: h.connector.url,
        conversationId: ADMIN.conv,
        verb: 'round.start',
        data: { year: '2025', deadline: '2099-02-28' },
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
      }),
    );
    await h.bot.bot.followUp!.idle();
    // Anna becomes a contact after the round started: the scheduler's next pass sends her the round message.
    await h.post(
      teamsMessage({
        serviceUrl: h.connector.url,
        conversationId: ADMIN.conv,
        text: `kontakt VOF ${ANNA.aad}`,
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
      }),
    );
    await h.bot.scheduler.tick(new Date('2099-01-10T09:00:00Z'));
    await h.bot.bot.followUp!.idle();
    assert.equal(h.connector.forConversation(ANNA.conv).filter((r) => textOf(r).includes('Uppföljning 2025 av åtgärdsplanen')).length, 1);
    // Two instances tick on the reminder day: one reminder (the lease of the first instance has expired by then).
    const followUp = h.bot.bot.followUp!;
    const secondInstance = new RoundWork({
      followUp: h.bot.service,
      notifier: followUp.messenger,
      directory: NO_DIRECTORY,
      logger: h.bot.logger,
      instanceId: 'second-instance',
    });
    const other = new RoundScheduler(secondInstance, h.bot.logger, 60_000);
    const day = new Date('2099-02-14T09:00:00Z');
    // The lease of the first instance has expired by then; whichever takes it reminds.
    await Promise.all([h.bot.scheduler.tick(day), other.tick(day)]);
    assert.equal(reminders().length, 1);
    await Promise.all([h.bot.scheduler.tick(new Date('2099-02-14T10:00:00Z')), other.tick(new Date('2099-02-14T10:00:00Z'))]);
    assert.equal(reminders().length, 1, 'not twice on the same day');
    // A Monday while open: the weekly summary to the admin (the safety chief's role), once.
    const summaries = (kind: RegExp) => h.connector.forConversation(ADMIN.conv).filter((r) => kind.test(String(r.activity.text ?? '')));
    await Promise.all([h.bot.scheduler.tick(new Date('2099-01-12T07:00:00Z')), other.tick(new Date('2099-01-12T07:00:00Z'))]);
    await h.bot.scheduler.tick(new Date('2099-01-12T09:00:00Z'));
    assert.equal(summaries(/Veckans sammanställning av uppföljning 2025/).length, 1);
    assertValidCard(summaries(/Veckans sammanställning/)[0]!.activity.attachments![0]!.content);
    await h.bot.scheduler.tick(new Date('2099-03-02T09:00:00Z'));
    await other.tick(new Date('2099-03-02T09:00:00Z'));
    assert.equal((await h.bot.service.rounds.getRound(2025))?.state, 'closed');
    assert.equal(summaries(/Uppföljning 2025 är stängd. Här är sammanställningen/).length, 1, 'the closing summary, once');
  });
});

describe('follow-up with a contact given by e-mail', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    // Teams knows Anna's UPN; the bot learns it with TeamsInfo.getMember.
    h.connector.members.set(ANNA.id, { id: ANNA.id, name: 'Anna', aadObjectId: ANNA.aad, userPrincipalName: 'Anna.Andersson@Example.com' });
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: ADMIN.conv, userId: ADMIN.id, aadObjectId: ADMIN.aad }));
  });
  after(async () => {
    await h.stop();
  });
  const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);

  it('reaches the contact once they write to the bot, and lets them answer as that unit', async () => {
    await h.post(
      teamsMessage({
        serviceUrl: h.connector.url,
        conversationId: ADMIN.conv,
        text: 'kontakt SF anna.andersson@example.com',
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
      }),
    );
    await h.post(
      teamsInvoke({
        serviceUrl: h.connector.url,
        conversationId: ADMIN.conv,
        verb: 'round.start',
        data: { year: '2026', deadline: '2027-02-28' },
        userId: ADMIN.id,
        aadObjectId: ADMIN.aad,
      }),
    );
    await h.bot.bot.followUp!.idle();
    const summary = h.connector.forConversation(ADMIN.conv).find((r) => textOf(r).includes('Utskick uppföljning 2026'));
    assert.match(textOf(summary!), /0 levererade, 1 nåddes inte/);
    // Anna installs the bot: the next scheduler pass sends her the round message, once.
    await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: ANNA.conv, userId: ANNA.id, aadObjectId: ANNA.aad }));
    await h.bot.scheduler.tick(new Date('2026-12-01T09:00:00Z'));
    await h.bot.scheduler.tick(new Date('2026-12-01T09:05:00Z'));
    await h.bot.bot.followUp!.idle();
    const messages = h.connector.forConversation(ANNA.conv).filter((r) => textOf(r).includes('Uppföljning 2026 av åtgärdsplanen'));
    assert.equal(messages.length, 1);
    const response = await h.post(
      teamsInvoke({
        serviceUrl: h.connector.url,
        conversationId: ANNA.conv,
        verb: 'round.save',
        data: { year: '2026', actionId: 'A16-1', unit: 'SF', status: 'pagaende', description: 'Enligt plan.' },
        userId: ANNA.id,
        aadObjectId: ANNA.aad,
        replyToId: messages[0]!.id,
      }),
    );
    assert.match(await response.text(), /Sparat: A16\u20111 för SF/);
  });

  it('asks Teams once who a new person is, and stores them once, when their first turns arrive together', async () => {
    const LINA = { aad: 'eeeeeeee-0000-4000-8000-00000000000e', id: '29:lina', conv: 'a:lina-chat' };
    h.connector.members.set(LINA.id, { id: LINA.id, name: 'Lina', aadObjectId: LINA.aad, userPrincipalName: 'lina@example.com' });
    const store = h.bot.store;
    const upsert = store.upsert.bind(store);
    const userWrites: string[] = [];
    store.upsert = async (container, doc) => {
      if (doc.type === 'user') userWrites.push(doc.id);
      return upsert(container, doc);
    };
    try {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          h.post(
            teamsMessage({
              serviceUrl: h.connector.url,
              conversationId: LINA.conv,
              text: `hej ${n}`,
              userId: LINA.id,
              aadObjectId: LINA.aad,
            }),
          ),
        ),
      );
      assert.deepEqual(
        responses.map((r) => r.status),
        Array(8).fill(200),
      );
    } finally {
      store.upsert = upsert;
    }
    assert.deepEqual(
      h.connector.memberLookups.filter((id) => id === LINA.id),
      [LINA.id],
    );
    // One record under the Entra id and one under the UPN learnt from Teams, written once.
    assert.deepEqual(userWrites.sort(), ['user|aad:eeeeeeee-0000-4000-8000-00000000000e', 'user|upn:lina@example.com']);
  });
});

describe('questions while the database is down', function () {
  this.timeout(30_000);
  it('still answers questions about the plan', async () => {
    const h = await startHarness();
    const store = h.bot.store;
    store.read = async () => {
      throw new StoreUnavailableError('injected: database down');
    };
    store.upsert = store.read as never;
    try {
      const conversationId = 'a:db-down';
      await h.post(
        teamsMessage({
          serviceUrl: h.connector.url,
          conversationId,
          text: 'Vem ansvarar för kamerorna?',
          userId: '29:new-user',
          aadObjectId: 'ffffffff-0000-4000-8000-00000000000f',
        }),
      );
      const [reply] = await h.connector.waitFor((r) => r.conversationId === conversationId);
      assert.match(JSON.stringify(reply!.activity), /Polisen, KLF \(SÄK\)/);
    } finally {
      await h.stop().catch(() => undefined);
    }
  });
});
