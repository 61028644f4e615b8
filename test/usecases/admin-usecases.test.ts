/**
 * The follow-up's admin rules below HTTP: each use case with a store (the embedded one, in a
 * temporary folder) and no Teams. Every refusal, and the rules the adapter used to hold.
 */
import { strict as assert } from 'node:assert';
import { MemoryStore } from '../../src/store/memory-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { prepareRound } from '../../src/usecases/prepare-round';
import { defaultDeadline } from '../../src/core/followup/periods';
import { NO_DIRECTORY } from '../../src/usecases/people-directory';
import { startRound } from '../../src/usecases/start-round';
import { closeRound } from '../../src/usecases/close-round';
import { chooseReminderRound } from '../../src/usecases/choose-reminder-round';
import { addContacts, listContacts, removeContact, replaceUnitContacts } from '../../src/usecases/manage-contacts';
import { grantAdmin, revokeAdmin, setSafetyChief } from '../../src/usecases/manage-roles';
import { viewStatus } from '../../src/usecases/view-status';
import { summarizeRound } from '../../src/usecases/summarize-round';
import { exportReport } from '../../src/usecases/export-report';
import { glossaryEntries, setGlossaryExpansion, MAX_EXPANSION_LENGTH } from '../../src/usecases/glossary';
import { LiveAnswerer } from '../../src/usecases/live-answerer';
import { createLogger } from '../../src/log';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { answerAction } from '../../src/usecases/work-through-round';
import { closeRoundNow } from '../../src/usecases/close-round';
import { KeptChangingError } from '../../src/usecases/change-if-unchanged';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
const ANNA = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b', upn: 'anna@example.com' };
const ERIK = { aadObjectId: 'cccccccc-0000-4000-8000-00000000000c' };
const NOW = new Date('2026-12-01T10:00:00Z');

describe('use cases: the round and its administration', () => {
  let store: MemoryStore;
  let service: FollowUp;

  beforeEach(() => {
    store = new MemoryStore();
    service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
  });
  afterEach(async () => {
    await store.close();
  });

  const start = (year = 2026, deadline: unknown = '2027-02-28') =>
    startRound(service, ADMIN, { year, deadline, reminderDaysBefore: [14, 3] }, NOW);

  it('refuses every admin use case to someone who is not an admin', async () => {
    const results = [
      await prepareRound(service, ANNA, { year: 2026, deadline: null }, NO_DIRECTORY, NOW),
      await startRound(service, ANNA, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW),
      await closeRound(service, ANNA, { year: 2026 }),
      await chooseReminderRound(service, ANNA, { year: null }),
      await listContacts(service, ANNA),
      await addContacts(service, ANNA, { unit: 'SF', people: [ANNA] }),
      await removeContact(service, ANNA, { unit: 'SF', person: ANNA }),
      await replaceUnitContacts(service, ANNA, { unit: 'SF', people: 'anna@example.com' }),
      await grantAdmin(service, ANNA, { person: ANNA }),
      await revokeAdmin(service, ANNA, { person: ADMIN }),
      await setSafetyChief(service, ANNA, { person: ANNA }),
      await summarizeRound(service, ANNA, { year: null }),
      await exportReport(service, ANNA, { year: 2026, format: 'xlsx', ttlMs: 1000 }),
    ];
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.reason)),
      Array(results.length).fill('not-admin'),
    );
    assert.deepEqual(await service.rounds.listRounds(), [], 'nothing was written');
    assert.deepEqual(await service.people.listContacts(), []);
  });

  it('prepares a round: the deadline defaults to the end of February after the year; a past one is refused', async () => {
    const prepared = await prepareRound(service, ADMIN, { year: 2026, deadline: null }, NO_DIRECTORY, NOW);
    assert.ok(prepared.ok);
    assert.equal(prepared.deadline, '2027-02-28');
    assert.equal(defaultDeadline(2024), '2025-02-28');
    assert.equal(prepared.summary.actions, 124);
    const past = await prepareRound(service, ADMIN, { year: 2025, deadline: null }, NO_DIRECTORY, NOW);
    assert.deepEqual(past, { ok: false, reason: 'past-deadline', deadline: '2026-02-28' });
  });

  it('starts a round once: a second confirmation resumes it, a closed one is refused, bad input is refused', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    const first = await start();
    assert.ok(first.ok && !first.resumed);
    assert.deepEqual(
      first.recipients.map((r) => [r.person.upn, r.units]),
      [['anna@example.com', ['SF']]],
    );
    const again = await start();
    assert.ok(again.ok && again.resumed, 'a double click resumes the same round');
    // Closing is a decision: first what is still missing, nothing closed; then, confirmed, closed.
    const asked = await closeRound(service, ADMIN, { year: null }, NOW);
    assert.ok(asked.ok && 'toConfirm' in asked);
    assert.deepEqual(asked.toConfirm, {
      answered: 0,
      total: service.obligations.length,
      unitsMissing: new Set(service.obligations.map((o) => o.unit)).size,
      peopleUnfinished: 1,
      daysLeft: 89,
      deadline: '2027-02-28',
    });
    assert.equal((await service.rounds.getRound(2026))?.state, 'open', 'nothing closed before it is confirmed');
    assert.deepEqual(await closeRound(service, ADMIN, { year: null, confirmed: true }, NOW), {
      ok: true,
      year: 2026,
      closed: true,
      closedNow: true,
    });
    assert.deepEqual(await start(), { ok: false, reason: 'already-exists', year: 2026 });
    assert.deepEqual(await start(2027, '2027-13-99x'), { ok: false, reason: 'bad-date' });
    assert.deepEqual(await start(2027, '2028-02-30'), { ok: false, reason: 'bad-date' }, 'a day the calendar does not have');
    assert.deepEqual(await start(1999), { ok: false, reason: 'bad-date' });
    assert.deepEqual(await start(2027, '2026-01-01'), { ok: false, reason: 'past-deadline', deadline: '2026-01-01' });
  });

  it('closes and reminds only an open round', async () => {
    assert.deepEqual(await closeRound(service, ADMIN, { year: null }), { ok: false, reason: 'no-round' });
    assert.deepEqual(await chooseReminderRound(service, ADMIN, { year: null }), { ok: false, reason: 'no-round' });
    await start();
    const chosen = await chooseReminderRound(service, ADMIN, { year: null });
    assert.ok(chosen.ok && chosen.round.year === 2026);
    await closeRound(service, ADMIN, { year: 2026, confirmed: true }, NOW);
    assert.deepEqual(await chooseReminderRound(service, ADMIN, { year: 2026 }), { ok: false, reason: 'no-round' });
  });

  it("keeps contacts to units the plan has, people as e-mail or object id, and replaces a unit's contacts whole", async () => {
    assert.deepEqual(await addContacts(service, ADMIN, { unit: 'XYZ', people: [ANNA] }), {
      ok: false,
      reason: 'unknown-unit',
      unit: 'XYZ',
    });
    assert.deepEqual(await replaceUnitContacts(service, ADMIN, { unit: 'SF', people: 'anna@example.com, not-a-person' }), {
      ok: false,
      reason: 'bad-person',
    });
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA, ERIK] });
    const replaced = await replaceUnitContacts(service, ADMIN, {
      unit: 'SF',
      people: 'erik@example.com; cccccccc-0000-4000-8000-00000000000c',
    });
    assert.ok(replaced.ok);
    const sf = (await service.people.listContacts()).filter((c) => c.unit === 'SF').map((c) => c.person.upn ?? c.person.aadObjectId);
    assert.deepEqual(sf.sort(), ['cccccccc-0000-4000-8000-00000000000c', 'erik@example.com']);
    assert.ok((await removeContact(service, ADMIN, { unit: 'SF', person: { upn: 'erik@example.com' } })).ok);
    assert.equal((await service.people.listContacts()).length, 1);
  });

  it('grants the admin role once, and keeps both of two admins added at the same moment', async () => {
    await grantAdmin(service, ADMIN, { person: ANNA });
    await grantAdmin(service, ADMIN, { person: ANNA });
    assert.equal((await service.people.getRoles()).admins.length, 1, 'the same admin twice is one entry');
    // Another admin adds Sara between this grant's read of the roles and its write.
    const read = service.people.getRoles.bind(service.people);
    let interfered = false;
    service.people.getRoles = async () => {
      const roles = await read();
      if (!interfered) {
        interfered = true;
        assert.ok((await grantAdmin(service, ANNA, { person: { upn: 'sara@example.com' } })).ok);
      }
      return roles;
    };
    await grantAdmin(service, ADMIN, { person: ERIK });
    service.people.getRoles = read;
    assert.deepEqual(
      (await service.people.getRoles()).admins.map((a) => a.upn ?? a.aadObjectId).sort(),
      ['anna@example.com', ERIK.aadObjectId, 'sara@example.com'].sort(),
    );
    await revokeAdmin(service, ADMIN, { person: { upn: 'anna@example.com' } });
    assert.equal(await service.isAdmin(ANNA), false);
    await setSafetyChief(service, ADMIN, { person: ERIK });
    assert.equal((await service.people.getRoles()).safetyChief?.aadObjectId, ERIK.aadObjectId);
    assert.equal(await service.isAdmin(ERIK), true);
  });

  it('shows stored answers to those in the follow-up, by the status-access rule', async () => {
    await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA] });
    assert.deepEqual(await viewStatus(service, ANNA, { kind: 'unit', unit: 'SF', year: null }), { ok: false, reason: 'no-round' });
    await start();
    await answerAction(
      service,
      ANNA,
      { year: 2026, actionId: 'A16-1', unit: 'SF', status: 'paborjad', description: 'Behöver utvecklas.' },
      NOW,
    );
    const own = await viewStatus(service, ANNA, { kind: 'unit', unit: 'sf', year: null });
    assert.ok(own.ok && own.view.kind === 'unit');
    assert.deepEqual(own.view.counts, [
      { label: 'Pågående', n: 0 },
      { label: 'Påbörjad', n: 1 },
      { label: 'Ej påbörjad', n: 0 },
    ]);
    assert.ok(!own.view.missing.includes('A16-1'));
    assert.deepEqual(await viewStatus(service, ANNA, { kind: 'unit', unit: 'KLF', year: null }), {
      ok: false,
      reason: 'other-units',
      ownUnits: ['SF'],
    });
    assert.deepEqual(await viewStatus(service, ERIK, { kind: 'action', actionId: 'A16-1', year: null }), {
      ok: false,
      reason: 'not-in-follow-up',
    });
    assert.deepEqual(await viewStatus(service, ADMIN, { kind: 'action', actionId: 'A99-1', year: null }), {
      ok: false,
      reason: 'unknown-action',
      actionId: 'A99-1',
    });
    assert.deepEqual(await viewStatus(service, ADMIN, { kind: 'unit', unit: 'Nobody', year: null }), {
      ok: false,
      reason: 'unknown-unit',
      unit: 'Nobody',
    });
    const action = await viewStatus(service, ADMIN, { kind: 'action', actionId: 'A3-1', year: 2026 });
    assert.ok(action.ok && action.view.kind === 'action');
    assert.deepEqual(
      action.view.rows.map((r) => r.unit),
      ['Polisen', 'KLF'],
    );
  });

  it('closes a round once, and gives up with an error (no endless loop) when it keeps changing under it', async () => {
    assert.ok((await startRound(service, ADMIN, { year: 2026, deadline: '2027-02-28', reminderDaysBefore: [] }, NOW)).ok);
    assert.equal(await closeRoundNow(service.rounds, 2026, NOW), 'closed');
    assert.equal(await closeRoundNow(service.rounds, 2026, NOW), 'already-closed');
    assert.equal(await closeRoundNow(service.rounds, 1999, NOW), 'unknown');
    assert.ok((await startRound(service, ADMIN, { year: 2027, deadline: '2028-02-28', reminderDaysBefore: [] }, NOW)).ok);
    let writes = 0;
    const busy = {
      getRound: (year: number) => service.rounds.getRound(year),
      updateRound: async () => ((writes += 1), 'conflict' as const),
    };
    await assert.rejects(closeRoundNow(busy, 2027, NOW), KeptChangingError);
    assert.equal(writes, 5);
  });

  it('summarizes and exports only a round that exists', async () => {
    assert.deepEqual(await summarizeRound(service, ADMIN, { year: null }), { ok: false, reason: 'no-round' });
    assert.deepEqual(await exportReport(service, ADMIN, { year: 2026, format: 'md', ttlMs: 1000 }), { ok: false, reason: 'no-round' });
    await start();
    const summary = await summarizeRound(service, ADMIN, { year: null });
    assert.ok(summary.ok && summary.report.year === 2026);
    const exported = await exportReport(service, ADMIN, { year: '2026', format: 'md', ttlMs: 60_000 });
    assert.ok(exported.ok && exported.format === 'md' && /^[A-Za-z0-9_-]{43}$/.test(exported.token));
  });

  it('keeps what an admin says a code stands for, with who and when; refuses others, codes the plan defines, and empty or overlong names', async () => {
    assert.equal((await setGlossaryExpansion(service, ANNA, { code: 'SÄKSAM', expansion: 'x' }, NOW)).ok, false);
    const planDefined = await setGlossaryExpansion(service, ADMIN, { code: 'pdv', expansion: 'Något annat' }, NOW);
    assert.deepEqual(planDefined, { ok: false, reason: 'defined-by-plan', code: 'PDV', expansion: 'Pågående dödligt våld' });
    assert.deepEqual(await setGlossaryExpansion(service, ADMIN, { code: 'XYZ', expansion: 'Påhitt' }, NOW), {
      ok: false,
      reason: 'unknown-unit',
      unit: 'XYZ',
    });
    for (const expansion of ['   ', 'x'.repeat(MAX_EXPANSION_LENGTH + 1)])
      assert.equal((await setGlossaryExpansion(service, ADMIN, { code: 'SÄKSAM', expansion }, NOW)).ok, false);
    const saved = await setGlossaryExpansion(service, ADMIN, { code: 'säksam', expansion: ' Kommunens  säkerhetssamordnare ' }, NOW);
    assert.ok(saved.ok);
    assert.deepEqual(await glossaryEntries(service), [
      { code: 'SÄKSAM', expansion: 'Kommunens säkerhetssamordnare', setBy: ADMIN.aadObjectId, setAt: NOW.toISOString() },
    ]);
    // The answers use it once refreshed, marked as given in chat.
    const answerer = new LiveAnswerer(
      PLAN,
      GLOSSARY,
      () => glossaryEntries(service),
      () => Promise.resolve([]),
      createLogger('silent'),
    );
    const before = answerer.answer('Vad är SÄKSAM?');
    assert.equal(before.kind === 'abbreviation' && before.expansion, null);
    await answerer.refresh();
    const after = answerer.answer('Vad är SÄKSAM?');
    assert.equal(after.kind === 'abbreviation' && after.expansion, 'Kommunens säkerhetssamordnare');
    assert.equal(after.kind === 'abbreviation' && after.setBy, ADMIN.aadObjectId);
  });
});
