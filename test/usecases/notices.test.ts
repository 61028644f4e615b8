/** Who is reminded and who gets summaries, below Teams: a recording Notifier stands in for the messenger. */
import { strict as assert } from 'node:assert';
import { MemoryStore } from '../../src/store/memory-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import type { Notifier } from '../../src/usecases/notifier';
import type { RoundView } from '../../src/usecases/round-view';
import { startRound } from '../../src/usecases/start-round';
import { addContacts } from '../../src/usecases/manage-contacts';
import { grantAdmin, setSafetyChief } from '../../src/usecases/manage-roles';
import { answerAction } from '../../src/usecases/work-through-round';
import { previewReminders, remindUnfinished } from '../../src/usecases/remind-unfinished';
import { sendSummaries } from '../../src/usecases/send-summaries';
import { deliverRound } from '../../src/usecases/deliver-round';
import { sendDueSummaries } from '../../src/usecases/send-due-summaries';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import type { Person } from '../../src/core/followup/model';
import type { Recipient } from '../../src/usecases/fan-out';
import { RoundWork } from '../../src/usecases/round-work';
import { NO_DIRECTORY } from '../../src/usecases/people-directory';
import { createLogger } from '../../src/log';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
const ANNA = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b' };
const ERIK = { aadObjectId: 'cccccccc-0000-4000-8000-00000000000c' };
const SARA = { aadObjectId: 'dddddddd-0000-4000-8000-00000000000d' };
const NOW = new Date('2026-12-01T10:00:00Z');

class RecordingNotifier implements Notifier {
  readonly reminders: Array<{ to: string; view: RoundView; language: string }> = [];
  readonly summaries: Array<{ to: string; reason: string }> = [];
  failFor = new Set<string>();
  async sendReminder(to: Person, view: RoundView, language: string): Promise<void> {
    if (this.failFor.has(to.aadObjectId ?? '')) throw new Error('403 blocked');
    this.reminders.push({ to: to.aadObjectId ?? '', view, language });
  }
  readonly roundMessages: Array<{ to: string; actionId: string; language?: string }> = [];
  readonly deliverySummaries: Array<{ year: number; delivered: number; unreachable: number }> = [];
  async sendRoundMessage(to: Recipient, view: RoundView, language: string): Promise<{ conversationId: string }> {
    this.roundMessages.push({ to: to.person.aadObjectId ?? '', actionId: view.obligation.actionId, language });
    return { conversationId: `a:${to.person.aadObjectId}` };
  }
  async sendDeliverySummary(round: { year: number }, summary: { delivered: number; unreachable: number }): Promise<void> {
    this.deliverySummaries.push({ year: round.year, delivered: summary.delivered, unreachable: summary.unreachable });
  }
  async sendSummary(to: Person, _report: unknown, reason: string): Promise<void> {
    this.summaries.push({ to: to.aadObjectId ?? '', reason });
  }
  readonly closedNotices: Array<{ to: string; year: number; askWho: string }> = [];
  async sendClosedNotice(to: Person, round: { year: number }, askWho: string): Promise<void> {
    this.closedNotices.push({ to: to.aadObjectId ?? '', year: round.year, askWho });
  }
}

describe('use cases: reminders and summaries', () => {
  let store: MemoryStore;
  let service: FollowUp;
  let notifier: RecordingNotifier;
  const chat = (person: { aadObjectId: string }, conversationId = `a:${person.aadObjectId}`) =>
    service.people.putUser({
      person,
      conversationId,
      serviceUrl: 'https://smba.example',
      teamsUserId: `29:${person.aadObjectId}`,
      updatedAt: NOW.toISOString(),
    });

  /** The round's work on this service, with the recording notifier. */
  const roundWork = () =>
    new RoundWork({ followUp: service, notifier, directory: NO_DIRECTORY, logger: createLogger('silent'), instanceId: 'test' });

  beforeEach(async () => {
    store = new MemoryStore();
    service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
    notifier = new RecordingNotifier();
  });
  afterEach(async () => {
    await store.close();
  });

  it('reminds only those not finished who have a chat, at their first unanswered action, and reports the rest', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    const vof = service.obligationsOf(['VOF']);
    await addContacts(service, ADMIN, { unit: 'VOF', people: [ERIK] });
    await addContacts(service, ADMIN, { unit: 'MOS', people: [SARA] });
    const started = await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [14] }, NOW);
    assert.ok(started.ok);
    for (const o of vof)
      assert.ok(
        (
          await answerAction(
            service,
            ERIK,
            { year: 2026, actionId: o.actionId, unit: 'VOF', status: 'pagaende', description: 'Klart.' },
            NOW,
          )
        ).ok,
      );
    const first = service.obligationsOf(['SF'])[0]!;
    await answerAction(service, ANNA, { year: 2026, actionId: first.actionId, unit: 'SF', status: 'pagaende', description: 'Klart.' }, NOW);
    await chat(ANNA);
    await chat(ERIK);
    // Before: who cannot be reminded, by name, for the admin to reach another way (#25).
    assert.deepEqual((await previewReminders(service, started.round)).withoutChatPeople, [SARA.aadObjectId]);
    const outcome = await remindUnfinished(service, notifier, started.round);
    assert.deepEqual(
      notifier.reminders.map((r) => r.to),
      [ANNA.aadObjectId],
      'Erik has finished; Sara has no chat',
    );
    assert.deepEqual(notifier.reminders[0]!.view.obligation, service.obligationsOf(['SF'])[1]);
    assert.deepEqual(notifier.reminders[0]!.view.progress, { answered: 1, total: service.obligationsOf(['SF']).length });
    assert.equal(notifier.reminders[0]!.language, 'sv');
    assert.deepEqual(
      { sent: outcome.sent, withoutChat: outcome.withoutChat, failures: outcome.failures.length },
      { sent: 1, withoutChat: 1, failures: 0 },
    );
    notifier.failFor.add(ANNA.aadObjectId);
    const failed = await remindUnfinished(service, notifier, started.round);
    assert.deepEqual(failed.failures, [{ person: `aad:${ANNA.aadObjectId}`, error: '403 blocked' }]);
  });

  it('tells those who had not finished, once, when an admin closes the round, with whom to ask (#25)', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    await addContacts(service, ADMIN, { unit: 'VOF', people: [ERIK] });
    await addContacts(service, ADMIN, { unit: 'MOS', people: [SARA] });
    const admin = { ...ADMIN, name: 'Säkerhetssamordnaren' };
    assert.ok((await startRound(service, admin, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW)).ok);
    for (const o of service.obligationsOf(['VOF']))
      await answerAction(service, ERIK, { year: 2026, actionId: o.actionId, unit: 'VOF', status: 'pagaende', description: 'Klart.' }, NOW);
    await chat(ANNA);
    await chat(ERIK);
    const work = roundWork();
    const asked = await work.close(ADMIN, { year: 2026 });
    assert.ok(asked.ok && 'toConfirm' in asked);
    assert.equal(notifier.closedNotices.length, 0, 'asking tells nobody');
    assert.ok((await work.close(ADMIN, { year: 2026, confirmed: true })).ok);
    await work.idle();
    assert.deepEqual(
      notifier.closedNotices,
      [{ to: ANNA.aadObjectId, year: 2026, askWho: 'Säkerhetssamordnaren' }],
      'Erik finished; Sara has no chat',
    );
    assert.ok((await work.close(ADMIN, { year: 2026, confirmed: true })).ok);
    await work.idle();
    assert.equal(notifier.closedNotices.length, 1, 'closing again tells nobody again');
  });

  it('reopens a closed round with a new deadline: the unfinished get their card again, once; cards work again; refusals (#25)', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    assert.ok((await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [14] }, NOW)).ok);
    await chat(ANNA);
    const work = roundWork();
    assert.deepEqual(await work.reopen(ADMIN, { year: 2026, deadline: '2027-03-31' }, NOW), {
      ok: false,
      reason: 'round-open',
      year: 2026,
    });
    assert.ok((await work.close(ADMIN, { year: 2026, confirmed: true }, NOW)).ok);
    await work.idle();
    const first = service.obligationsOf(['SF'])[0]!;
    const late = { year: 2026, actionId: first.actionId, unit: 'SF', status: 'pagaende', description: 'Sent svar.' };
    assert.ok(!(await answerAction(service, ANNA, late, NOW)).ok, 'closed: refused');
    assert.deepEqual(await work.reopen(ANNA, { year: 2026, deadline: '2027-03-31' }, NOW), { ok: false, reason: 'not-admin' });
    assert.deepEqual(await work.reopen(ADMIN, { year: 2026, deadline: '2026-11-30' }, NOW), {
      ok: false,
      reason: 'past-deadline',
      deadline: '2026-11-30',
    });
    assert.deepEqual(await work.reopen(ADMIN, { year: 2026, deadline: '2027-02-30' }, NOW), { ok: false, reason: 'bad-date' });
    const reopened = await work.reopen(ADMIN, { year: null, deadline: '2027-03-31' }, NOW);
    assert.ok(reopened.ok);
    assert.deepEqual([reopened.round.state, reopened.round.deadline, reopened.round.closedAt], ['open', '2027-03-31', undefined]);
    assert.equal(reopened.told, 1);
    assert.deepEqual(
      notifier.reminders.map((r) => [r.to, r.view.round.deadline]),
      [[ANNA.aadObjectId, '2027-03-31']],
    );
    assert.ok((await answerAction(service, ANNA, late, NOW)).ok, 'the card works again');
    assert.deepEqual(await work.reopen(ADMIN, { year: 2026, deadline: '2027-03-31' }, NOW), {
      ok: false,
      reason: 'round-open',
      year: 2026,
    });
  });

  it('sends no reminder before the admin has seen how many it reaches; confirmed, reminds; refuses others', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    assert.ok((await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW)).ok);
    await chat(ANNA);
    const work = roundWork();
    const asked = await work.remindOnRequest(ADMIN, { year: null, confirmed: false });
    assert.ok(asked.ok && 'toConfirm' in asked);
    assert.deepEqual(asked.toConfirm, { people: 1, withoutChat: 0, withoutChatPeople: [] });
    assert.equal(notifier.reminders.length, 0, 'nothing sent before the confirmation');
    const confirmed = await work.remindOnRequest(ADMIN, { year: 2026, confirmed: true });
    assert.ok(confirmed.ok && 'reminded' in confirmed && confirmed.reminded === 1);
    assert.equal(notifier.reminders.length, 1);
    const refused = await work.remindOnRequest(ANNA, { year: 2026, confirmed: true });
    assert.deepEqual(refused, { ok: false, reason: 'not-admin' });
    assert.equal(notifier.reminders.length, 1);
  });

  it('sends each recipient the round message once, and tells the admin after a start but not after a quiet pass', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    await addContacts(service, ADMIN, { unit: 'VOF', people: [ERIK] });
    await service.people.putUser({ person: ERIK, locale: 'en-US', updatedAt: NOW.toISOString() }); // Erik's Teams is in English
    const started = await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW);
    assert.ok(started.ok);
    const options = { instanceId: 'test' };
    const first = await deliverRound(service, notifier, started.round, started.recipients, { ...options, announce: true });
    assert.equal(first.delivered, 2);
    // Each in their own Teams language, Swedish when it is not known; not the admin's.
    const languageOf = (who: { aadObjectId?: string }) => notifier.roundMessages.find((m) => m.to === who.aadObjectId)?.language;
    assert.equal(languageOf(ERIK), 'en');
    assert.equal(languageOf(ANNA), 'sv');
    assert.deepEqual(notifier.roundMessages.map((m) => m.to).sort(), [ANNA.aadObjectId, ERIK.aadObjectId].sort());
    assert.deepEqual(notifier.roundMessages.find((m) => m.to === ANNA.aadObjectId)?.actionId, service.obligationsOf(['SF'])[0]!.actionId);
    assert.deepEqual(notifier.deliverySummaries, [{ year: 2026, delivered: 2, unreachable: 0 }]);
    // The scheduler's next pass: everyone has it, nobody is sent anything, the admin is not told again.
    const again = await deliverRound(service, notifier, started.round, started.recipients, { ...options, announce: false });
    assert.equal(again.alreadyDone, 2);
    assert.equal(notifier.roundMessages.length, 2);
    assert.equal(notifier.deliverySummaries.length, 1);
  });

  it('sends summaries to the safety chief and the admins with a chat, once per chat', async () => {
    const started = await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW);
    assert.ok(started.ok);
    await grantAdmin(service, ADMIN, { person: ERIK });
    await setSafetyChief(service, ADMIN, { person: ERIK });
    await grantAdmin(service, ADMIN, { person: SARA });
    await chat(ERIK);
    await chat(ADMIN);
    const outcome = await sendSummaries(service, notifier, started.round, 'weekly');
    assert.deepEqual(
      notifier.summaries.map((s) => s.to).sort(),
      [ADMIN.aadObjectId, ERIK.aadObjectId].sort(),
      'Erik once, though chief and admin',
    );
    assert.equal(outcome.withoutChat, 1, 'Sara has no chat with the bot');
  });

  it('sends the "everyone has answered" summary once, when the last answer comes, whoever asks first', async () => {
    await addContacts(service, ADMIN, { unit: 'VSS', people: [ANNA] });
    const started = await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW);
    assert.ok(started.ok);
    const sent: string[] = [];
    const send = async (_round: unknown, reason: string) => {
      sent.push(reason);
      return 1;
    };
    assert.deepEqual(await sendDueSummaries(service, send, 2026, NOW), [], 'nothing due before everyone has answered');
    for (const o of service.obligationsOf(['VSS'])) {
      const saved = await answerAction(
        service,
        ANNA,
        { year: 2026, actionId: o.actionId, unit: 'VSS', status: 'pagaende', description: 'Klart.' },
        NOW,
      );
      assert.ok(saved.ok);
    }
    // The last save's turn and the scheduler both look: one summary.
    await Promise.all([sendDueSummaries(service, send, 2026, NOW), sendDueSummaries(service, send, 2026, NOW)]);
    assert.deepEqual(sent, ['complete']);
  });
});
