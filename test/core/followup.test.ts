import { strict as assert } from 'node:assert';
import { obligationsFor, municipalUnits, summarizeRound } from '../../src/core/followup/obligations';
import { validateSubmission, progress, type SubmissionContext } from '../../src/core/followup/validate';
import { MAX_DESCRIPTION_LENGTH, NO_UNIT, personKey, type Round } from '../../src/core/followup/model';
import { dueSummaries, dueWork, isoWeek, remindersDone } from '../../src/core/followup/schedule';
import { statusAccess } from '../../src/core/followup/status-access';
import { GLOSSARY, PLAN } from '../fixtures/plan';

const obligations = obligationsFor(PLAN, GLOSSARY);
const anna = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Anna' };
const admin = { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Säkerhetschefen' };
const round: Round = {
  year: 2024,
  deadline: '2025-02-28',
  state: 'open',
  planVersion: '2023',
  startedBy: admin,
  startedAt: '2025-01-10T08:00:00Z',
  reminderDaysBefore: [14, 3],
};
const context = (overrides: Partial<SubmissionContext> = {}): SubmissionContext => ({
  round,
  obligations,
  contacts: [{ unit: 'SF', person: anna }],
  isAdmin: false,
  user: anna,
  now: new Date('2025-01-20T10:00:00Z'),
  statuses: PLAN.followUp.statuses,
  ...overrides,
});
const valid = {
  year: 2024,
  actionId: 'A16-1',
  unit: 'SF',
  status: 'pagaende',
  description: 'Samordningsfunktionen är bemannad och arbetar enligt plan.',
};

describe('follow-up: who reports what', () => {
  it('asks every responsible unit, and every municipal department for "Samtliga förvaltningar"', () => {
    const units = (id: string) => obligations.filter((o) => o.actionId === id).map((o) => o.unit);
    assert.deepEqual(units('A3-1'), ['Polisen', 'KLF']);
    assert.deepEqual(units('A16-1'), ['SF']);
    assert.deepEqual(units('A6-4'), municipalUnits(GLOSSARY));
    assert.deepEqual(units('A20-2'), [NO_UNIT]);
    assert.equal(new Set(obligations.map((o) => o.actionId)).size, 124);
  });

  it('summarizes a round: units with and without contacts, one message per person', () => {
    const contacts = [
      { unit: 'SF', person: anna },
      { unit: 'VOF', person: anna },
      { unit: 'KLF', person: admin },
    ];
    const summary = summarizeRound(obligations, contacts, (c) => personKey(c.person));
    assert.equal(summary.actions, 124);
    assert.deepEqual(summary.reachableUnits.sort(), ['KLF', 'SF', 'VOF']);
    assert.ok(summary.unreachableUnits.includes('Polisen'));
    assert.equal(summary.recipients, 2);
  });
});

describe('follow-up: validating an answer', () => {
  it('accepts a contact of a responsible unit while the round is open', () => {
    const verdict = validateSubmission(valid, context());
    assert.equal(verdict.ok, true);
    assert.ok(verdict.ok && verdict.answer.onBehalf === false && verdict.answer.status === 'pagaende');
  });

  it('accepts an admin on behalf of a unit without contacts, and records it as such', () => {
    const verdict = validateSubmission({ ...valid, actionId: 'A3-1', unit: 'Polisen' }, context({ user: admin, isAdmin: true }));
    assert.ok(verdict.ok && verdict.answer.onBehalf === true);
  });

  const refusals: Array<[string, Record<string, unknown>, Partial<SubmissionContext>, string]> = [
    ['a closed round', valid, { round: { ...round, state: 'closed' } }, 'round-closed'],
    ['another year', { ...valid, year: 2023 }, {}, 'unknown-round'],
    ['an unknown action', { ...valid, actionId: 'A99-1' }, {}, 'unknown-action'],
    ['a unit not responsible for the action', { ...valid, actionId: 'A3-1' }, {}, 'not-responsible'],
    ['a user who is no contact of the unit', valid, { contacts: [] }, 'not-authorized'],
    ['a status outside the three', { ...valid, status: 'klar' }, {}, 'invalid-status'],
    ['no description', { ...valid, description: '   \n ' }, {}, 'description-missing'],
    ['a description that is not text', { ...valid, description: { text: 'x' } }, {}, 'description-missing'],
    ['a description over the limit', { ...valid, description: 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1) }, {}, 'description-too-long'],
    ['ids that are not strings', { ...valid, actionId: ['A16-1'] }, {}, 'malformed'],
  ];
  for (const [what, input, ctx, reason] of refusals) {
    it(`refuses ${what}`, () => {
      const verdict = validateSubmission(input as never, context(ctx));
      assert.equal(verdict.ok ? 'accepted' : verdict.reason, reason);
    });
  }

  it('cleans the description: trims, normalizes line endings, drops control characters', () => {
    const verdict = validateSubmission({ ...valid, description: '  Rad 1\r\nRad 2\u0007  ' }, context());
    assert.ok(verdict.ok && verdict.answer.description === 'Rad 1\nRad 2');
  });

  it('counts progress per unit', () => {
    const p = progress(obligations, [{ actionId: 'A16-1', unit: 'SF' }], ['SF']);
    assert.equal(p.answered, 1);
    assert.equal(p.total, obligations.filter((o) => o.unit === 'SF').length);
  });
});

describe('follow-up: what is due when', () => {
  const open = { ...round, deadline: '2025-02-28', reminderDaysBefore: [14, 3] };
  const at = (iso: string) => new Date(iso);
  it('reminds 14 and 3 days before the deadline, in Swedish time, once each', () => {
    assert.deepEqual(dueWork(open, at('2025-02-13T12:00:00Z')), []);
    assert.deepEqual(dueWork(open, at('2025-02-14T12:00:00Z')), [{ kind: 'remind', daysBefore: 14 }]);
    assert.deepEqual(dueWork({ ...open, remindersSent: [14] }, at('2025-02-20T12:00:00Z')), []);
    assert.deepEqual(dueWork({ ...open, remindersSent: [14] }, at('2025-02-25T12:00:00Z')), [{ kind: 'remind', daysBefore: 3 }]);
    // 23:30 UTC on the 24th is already the 25th in Stockholm.
    assert.deepEqual(dueWork({ ...open, remindersSent: [14] }, at('2025-02-24T23:30:00Z')), [{ kind: 'remind', daysBefore: 3 }]);
  });
  it('sends one late reminder for several missed ones, and closes after the deadline', () => {
    assert.deepEqual(dueWork(open, at('2025-02-27T08:00:00Z')), [{ kind: 'remind', daysBefore: 3 }]);
    assert.deepEqual(remindersDone(open, 3), [14, 3]);
    assert.deepEqual(dueWork(open, at('2025-02-28T22:59:00Z')), [{ kind: 'remind', daysBefore: 3 }]);
    assert.deepEqual(dueWork(open, at('2025-02-28T23:01:00Z')), [{ kind: 'close' }]);
    assert.deepEqual(dueWork({ ...open, state: 'closed' }, at('2025-03-05T08:00:00Z')), []);
  });
});

describe('follow-up: summaries to the safety chief', () => {
  it('numbers weeks the ISO way', () => {
    assert.equal(isoWeek('2025-01-01'), '2025-W01');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
    assert.equal(isoWeek('2021-01-03'), '2020-W53');
    assert.equal(isoWeek('2026-11-25'), '2026-W48');
  });
  it('is due each Monday while open, once when everyone has answered, and once when closed', () => {
    const open = { ...round, startedAt: '2025-01-08T08:00:00Z' };
    assert.deepEqual(dueSummaries(open, new Date('2025-01-13T08:00:00Z'), false), [{ reason: 'weekly', key: 'weekly:2025-W03' }]);
    assert.deepEqual(dueSummaries({ ...open, summariesSent: ['weekly:2025-W03'] }, new Date('2025-01-13T15:00:00Z'), false), []);
    assert.deepEqual(dueSummaries(open, new Date('2025-01-15T08:00:00Z'), false), []);
    assert.deepEqual(dueSummaries(open, new Date('2025-01-15T08:00:00Z'), true), [{ reason: 'complete', key: 'complete' }]);
    assert.deepEqual(dueSummaries({ ...open, summariesSent: ['complete'] }, new Date('2025-01-16T08:00:00Z'), true), []);
    assert.deepEqual(dueSummaries({ ...open, state: 'closed' }, new Date('2025-03-01T08:00:00Z'), true), [
      { reason: 'closed', key: 'closed' },
    ]);
    assert.deepEqual(dueSummaries({ ...open, state: 'closed', summariesSent: ['closed'] }, new Date('2025-03-03T08:00:00Z'), true), []);
  });
});

describe('follow-up: who may see stored answers', () => {
  const contact = { isAdmin: false, units: ['SF'] };
  it('lets admins see everything', () => {
    assert.deepEqual(statusAccess({ isAdmin: true, units: [] }, { kind: 'unit', unit: 'KLF' }, obligations), { kind: 'all' });
    assert.deepEqual(statusAccess({ isAdmin: true, units: [] }, { kind: 'action', actionId: 'A3-1' }, obligations), { kind: 'all' });
  });
  it("lets a contact see the actions their units report, with their units' answers only", () => {
    assert.deepEqual(statusAccess(contact, { kind: 'action', actionId: 'A16-1' }, obligations), { kind: 'own', units: ['SF'] });
    assert.deepEqual(statusAccess(contact, { kind: 'unit', unit: 'sf' }, obligations), { kind: 'own', units: ['SF'] });
    // "Samtliga förvaltningar": every municipal department reports it, SF among them.
    assert.deepEqual(statusAccess(contact, { kind: 'action', actionId: 'a6-4' }, obligations), { kind: 'own', units: ['SF'] });
  });
  it("does not show a contact other units' answers", () => {
    assert.deepEqual(statusAccess(contact, { kind: 'action', actionId: 'A3-1' }, obligations), { kind: 'other-units', ownUnits: ['SF'] });
    assert.deepEqual(statusAccess(contact, { kind: 'unit', unit: 'KLF' }, obligations), { kind: 'other-units', ownUnits: ['SF'] });
  });
  it('lets the view say that an id is unknown, and treats everyone else as asking about the plan', () => {
    assert.deepEqual(statusAccess(contact, { kind: 'action', actionId: 'A99-9' }, obligations), { kind: 'own', units: ['SF'] });
    assert.deepEqual(statusAccess({ isAdmin: false, units: [] }, { kind: 'action', actionId: 'A16-1' }, obligations), {
      kind: 'not-in-follow-up',
    });
  });
});
