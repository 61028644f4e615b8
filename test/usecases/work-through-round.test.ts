/**
 * An action owner working through the round, below HTTP: moving between actions, who may answer
 * for which unit, what the card shows after a save, refusals that keep the card, and how many
 * store operations one saved answer costs.
 */
import { strict as assert } from 'node:assert';
import { MemoryStore } from '../../src/store/memory-store';
import type { DocumentStore } from '../../src/store/document-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { startRound } from '../../src/usecases/start-round';
import { addContacts } from '../../src/usecases/manage-contacts';
import { closeRound } from '../../src/usecases/close-round';
import { grantAdmin } from '../../src/usecases/manage-roles';
import { answerAction, moveInRound, myRound, roundForUnit } from '../../src/usecases/work-through-round';
import { answerTypedInChat } from '../../src/usecases/chat-answer';
import { GLOSSARY, PLAN } from '../fixtures/plan';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
const ANNA = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b' };
const ERIK = { aadObjectId: 'cccccccc-0000-4000-8000-00000000000c' };
const NOW = new Date('2026-12-01T10:00:00Z');

/** Counts the store calls made through it. */
function counting(store: DocumentStore): { store: DocumentStore; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

describe('use cases: working through the round', () => {
  let file: MemoryStore;
  let calls: string[];
  let service: FollowUp;

  beforeEach(async () => {
    file = new MemoryStore();
    const counted = counting(file);
    calls = counted.calls;
    service = new FollowUp(recordsOn(counted.store), PLAN, GLOSSARY, [ADMIN]);
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    assert.ok((await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [14, 3] }, NOW)).ok);
  });
  afterEach(async () => {
    await file.close();
  });

  const sfActions = () => service.obligationsOf(['SF']);
  const answer = (actor: typeof ANNA, actionId: string, unit = 'SF', extra: Record<string, unknown> = {}) =>
    answerAction(
      service,
      actor,
      { year: 2026, actionId, unit, status: 'pagaende', description: 'Arbetet löper enligt plan.', ...extra },
      NOW,
    );

  it('opens at the first unanswered action, and moves next and previous, wrapping round', async () => {
    const mine = await myRound(service, ANNA);
    assert.ok(mine.ok);
    const first = sfActions()[0]!;
    assert.deepEqual(mine.view.obligation, first);
    assert.deepEqual(mine.view.progress, { answered: 0, total: sfActions().length });
    const previous = await moveInRound(service, ANNA, { year: 2026, actionId: first.actionId, unit: 'SF' }, -1);
    assert.ok(previous.ok);
    assert.deepEqual(previous.view.obligation, sfActions().at(-1), 'previous from the first is the last');
    const next = await moveInRound(service, ANNA, { year: 2026, ...previous.view.obligation }, 1);
    assert.ok(next.ok);
    assert.deepEqual(next.view.obligation, first);
    assert.deepEqual(await myRound(service, ERIK), { ok: false, reason: 'not-contact' });
  });

  it('refuses moving in a round that does not exist or for a unit the person does not answer for', async () => {
    assert.deepEqual(await moveInRound(service, ANNA, { year: 1999, actionId: 'A16-1', unit: 'SF' }, 1), {
      ok: false,
      reason: 'answer-refused',
      refusal: 'unknown-round',
      detail: '1999',
    });
    assert.deepEqual(await moveInRound(service, ANNA, { year: 2026, actionId: 'A3-1', unit: 'KLF' }, 1), {
      ok: false,
      reason: 'answer-refused',
      refusal: 'not-responsible',
      detail: 'KLF',
    });
    assert.deepEqual(await moveInRound(service, ERIK, { year: 2026, actionId: 'A16-1', unit: 'SF' }, 0), {
      ok: false,
      reason: 'answer-refused',
      refusal: 'not-authorized',
      detail: 'SF',
    });
  });

  it('after a save shows the next unanswered action, and says when all are done', async () => {
    const [first, second, third] = sfActions();
    await answer(ANNA, second!.actionId);
    const saved = await answer(ANNA, first!.actionId);
    assert.ok(saved.ok);
    assert.equal(saved.outcome, 'created');
    assert.deepEqual(saved.view.obligation, third, 'skips the one already answered');
    assert.equal(saved.allDone, false);
    assert.equal(
      (await answer(ANNA, first!.actionId)).ok && ((await answer(ANNA, first!.actionId)) as { outcome: string }).outcome,
      'unchanged',
    );
    assert.equal(saved.roundComplete, false);
    const outcomes = [];
    for (const o of sfActions()) outcomes.push(await answer(ANNA, o.actionId));
    // SF is the only unit with contacts: the save of its last action completes the round, once.
    assert.deepEqual(
      outcomes.map((o) => o.ok && o.roundComplete),
      sfActions().map((_, i) => i === sfActions().length - 1),
    );
    const last = await answer(ANNA, first!.actionId, 'SF', { description: 'Ändrad beskrivning.' });
    assert.ok(last.ok && last.allDone && last.outcome === 'changed');
    assert.equal(last.roundComplete, true, 'a change when all is answered: complete still (the summary is sent once, marked on the round)');
    assert.deepEqual(last.view.progress, { answered: sfActions().length, total: sfActions().length });
  });

  it('lets an admin answer for any unit, on its behalf; not a contact of another unit', async () => {
    const onBehalf = await answer(ADMIN, 'A3-1', 'KLF');
    assert.ok(onBehalf.ok, JSON.stringify(onBehalf).slice(0, 300));
    assert.equal(onBehalf.answer.onBehalf, true);
    assert.deepEqual(onBehalf.view.units, ['KLF']);
    const refused = await answer(ANNA, 'A3-1', 'KLF');
    assert.ok(!refused.ok);
    assert.equal(refused.refusal, 'not-authorized', 'a contact of SF may not answer for KLF');
    assert.equal(refused.view, undefined, 'not her card: no card to show again');
  });

  it('gives the card back with the refusal when the answer is not valid, and writes nothing', async () => {
    const first = sfActions()[0]!;
    const before = calls.filter((c) => c === 'batch').length;
    const refused = await answer(ANNA, first.actionId, 'SF', { status: 'kanske' });
    assert.ok(!refused.ok && refused.refusal === 'invalid-status');
    assert.deepEqual(refused.view?.obligation, first);
    assert.equal(calls.filter((c) => c === 'batch').length, before);
    await closeRound(service, ADMIN, { year: 2026, confirmed: true }, NOW);
    const closed = await answer(ANNA, first.actionId);
    // Closed meanwhile: the card comes back (with what was typed, in the adapter), naming whom to ask.
    assert.ok(!closed.ok && closed.refusal === 'round-closed');
    assert.deepEqual(closed.view?.obligation, first);
  });

  it('does not move away from typed text that is not saved; moves when the fields are blank or as saved', async () => {
    const [first, second] = sfActions();
    const at = { year: 2026, actionId: first!.actionId, unit: 'SF' };
    const refused = await moveInRound(service, ANNA, at, 1, { status: 'paborjad', description: 'Halvskrivet svar' });
    assert.ok(!refused.ok && refused.refusal === 'unsaved-changes');
    assert.deepEqual(refused.view?.obligation, first, 'the card stays at the action the text belongs to');
    assert.ok((await moveInRound(service, ANNA, at, 1, { status: '', description: '  ' })).ok);
    assert.ok((await answer(ANNA, first!.actionId)).ok);
    const asSaved = await moveInRound(service, ANNA, at, 1, { status: 'pagaende', description: 'Arbetet löper enligt plan.' });
    assert.ok(asSaved.ok && asSaved.view.obligation.actionId === second!.actionId);
    const changed = await moveInRound(service, ANNA, at, -1, { status: 'pagaende', description: 'Ändrat men inte sparat.' });
    assert.ok(!changed.ok && changed.refusal === 'unsaved-changes');
    assert.ok((await moveInRound(service, ANNA, at, 0, { description: 'Ändrat' })).ok, 'a refresh is not a move');
  });

  it("shows an admin answering for a unit that unit's card alone, not mixed with their own units (#25)", async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ADMIN] });
    const forPolisen = await roundForUnit(service, ADMIN, { unit: 'polisen' });
    assert.ok(forPolisen.ok);
    assert.deepEqual(forPolisen.view.units, ['Polisen']);
    assert.deepEqual(forPolisen.view.progress, { answered: 0, total: service.obligationsOf(['Polisen']).length });
  });

  it('never lets a status chosen by mistake block the way on: it moves, and says the choice was not saved (#25)', async () => {
    const [first, second] = sfActions();
    const at = { year: 2026, actionId: first!.actionId, unit: 'SF' };
    const moved = await moveInRound(service, ANNA, at, 1, { status: 'pagaende', description: '' });
    assert.ok(moved.ok);
    assert.equal(moved.view.obligation.actionId, second!.actionId);
    assert.deepEqual(moved.statusNotSaved, { actionId: first!.actionId, status: 'pagaende' });
    assert.equal(await service.rounds.getAnswer(2026, first!.actionId, 'SF'), undefined, 'nothing saved');
  });

  it("does not overwrite a colleague's answer saved after the card was shown; a second save replaces it knowingly", async () => {
    const first = sfActions()[0]!;
    const erik = { aadObjectId: 'dddddddd-0000-4000-8000-00000000000d', name: 'Erik' };
    await addContacts(service, ADMIN, { unit: 'SF', people: [erik] });
    // Anna's card shows no answer ('none'); Erik saves meanwhile.
    assert.ok((await answer(erik, first.actionId, 'SF', { seen: 'none', description: 'Eriks svar.' })).ok);
    const refused = await answer(ANNA, first.actionId, 'SF', { seen: 'none', description: 'Annas svar.' });
    assert.ok(!refused.ok && refused.refusal === 'changed-by-other' && refused.detail === 'Erik');
    assert.equal(refused.view?.answer?.description, 'Eriks svar.', "the card shows Erik's answer now");
    assert.equal((await service.rounds.getAnswer(2026, first.actionId, 'SF'))?.description, 'Eriks svar.');
    // Saving again from the card that shows Erik's answer replaces it.
    const again = await answer(ANNA, first.actionId, 'SF', { seen: refused.view!.answer!.answeredAt, description: 'Annas svar.' });
    assert.ok(again.ok);
    assert.equal((await service.rounds.getAnswer(2026, first.actionId, 'SF'))?.description, 'Annas svar.');
    // One's own earlier save (another device) is no conflict.
    assert.ok((await answer(ANNA, first.actionId, 'SF', { seen: 'none', description: 'Annas andra svar.' })).ok);
  });

  it('jumps to the next unanswered action, past answered ones', async () => {
    const [a, b, c] = sfActions();
    assert.ok((await answer(ANNA, b!.actionId)).ok);
    const jumped = await moveInRound(service, ANNA, { year: 2026, actionId: a!.actionId, unit: 'SF' }, 'unanswered');
    assert.ok(jumped.ok && jumped.view.obligation.actionId === c!.actionId);
  });

  it('points an answer typed in the chat to the card only where the plan has no answer of its own', async () => {
    const typed = 'Pågående, vi har samordnat arbetet med polisen hela året';
    assert.deepEqual(await answerTypedInChat(service, ANNA, typed, 'not-found'), { year: 2026, deadline: '2027-02-28', units: ['SF'] });
    assert.ok(await answerTypedInChat(service, ANNA, typed, 'suggestions'), 'nearest rows are no answer of the plan');
    assert.equal(await answerTypedInChat(service, ANNA, typed, 'actions'), undefined, 'a question the plan answers is a question');
    assert.equal(
      await answerTypedInChat(service, ANNA, 'Vem ansvarar för kamerorna', 'not-found'),
      undefined,
      'it does not read like an answer',
    );
    assert.equal(await answerTypedInChat(service, ADMIN, typed, 'not-found'), undefined, 'nothing to answer for');
  });

  it('costs one read and one write per saved answer: round and answers in one query; one batch', async () => {
    const [first, second, third] = sfActions();
    calls.length = 0;
    assert.ok((await answer(ANNA, first!.actionId)).ok);
    // The round with this year's answers (their ETags serve the save and the next card); the answer
    // and its history in one conditional batch. The contacts were read a moment ago (kept for a few
    // seconds); last year's round is read once and, being closed or absent, kept.
    assert.deepEqual(calls, ['listPartition', 'batch', 'listPartition'], 'the first card of a round reads last year once');
    calls.length = 0;
    assert.ok((await answer(ANNA, second!.actionId)).ok);
    assert.deepEqual(calls, ['listPartition', 'batch'], 'one read, one write');
    const stored = { aadObjectId: 'cccccccc-0000-4000-8000-00000000000c' };
    assert.ok((await grantAdmin(service, ADMIN, { person: stored })).ok);
    calls.length = 0;
    assert.ok((await answer(stored, third!.actionId)).ok);
    assert.deepEqual(calls, ['listPartition', 'read', 'batch'], 'an admin answering on behalf: the roles too');
  });

  it('sees a change of contacts made here at once, though the contacts are kept for a few seconds', async () => {
    const [first, second] = sfActions();
    assert.ok((await answer(ANNA, first!.actionId)).ok);
    const erik = { aadObjectId: 'dddddddd-0000-4000-8000-00000000000d' };
    assert.equal((await answer(erik, second!.actionId)).ok, false, 'not a contact yet');
    await addContacts(service, ADMIN, { unit: 'SF', people: [erik] });
    assert.ok((await answer(erik, second!.actionId)).ok, 'a contact now');
  });
});
