import { strict as assert } from 'node:assert';
import {
  comparableRound,
  defaultDeadline,
  fitsPeriod,
  isRoundNumber,
  parseRoundRef,
  roundLabel,
  roundNumber,
} from '../../src/core/followup/periods';
import { parseFollowUpCommand } from '../../src/bot/followup/commands';

describe('follow-up periods: a year, a half-year, a tertial', () => {
  it('reads a round as typed and says it as people write it', () => {
    assert.equal(parseRoundRef('2025'), 2025);
    assert.equal(roundLabel(parseRoundRef('2025 H1')!), '2025 H1');
    assert.equal(roundLabel(parseRoundRef('2025-h2')!), '2025 H2');
    assert.equal(roundLabel(parseRoundRef('2025T3')!), '2025 T3');
    for (const bad of ['2025 H3', '2025 T4', '25', '2025 Q1', '1999']) assert.equal(parseRoundRef(bad), null, bad);
  });

  it('sorts rounds in time order and compares each with the same period last year', () => {
    const rounds = ['2025 T3', '2025 T1', '2024 T3', '2025 T2'].map((r) => parseRoundRef(r)!);
    assert.deepEqual([...rounds].sort((a, b) => a - b).map(roundLabel), ['2024 T3', '2025 T1', '2025 T2', '2025 T3']);
    assert.equal(roundLabel(comparableRound(roundNumber(2025, 'H1'))), '2024 H1');
    assert.equal(comparableRound(2025), 2024);
    assert.ok(isRoundNumber(roundNumber(2100, 'T3')) && !isRoundNumber(20253) && !isRoundNumber(20258));
  });

  it("accepts only rounds of the plan's period, and gives each a deadline after it ends", () => {
    assert.ok(fitsPeriod(2025, 'year') && !fitsPeriod(roundNumber(2025, 'H1'), 'year'));
    assert.ok(fitsPeriod(roundNumber(2025, 'H2'), 'half-year') && !fitsPeriod(roundNumber(2025, 'T2'), 'half-year'));
    assert.ok(fitsPeriod(roundNumber(2025, 'T2'), 'tertial') && !fitsPeriod(2025, 'tertial'));
    assert.deepEqual(
      ['2024', '2025 H1', '2025 H2', '2025 T1', '2025 T2', '2025 T3'].map((r) => defaultDeadline(parseRoundRef(r)!)),
      ['2025-02-28', '2025-08-31', '2026-02-28', '2025-05-31', '2025-09-30', '2026-01-31'],
    );
  });

  it('reads a period in every command that names a round, and refuses a part that does not exist', () => {
    assert.deepEqual(parseFollowUpCommand('starta uppföljning 2025 T1 senast 2025-05-31'), {
      kind: 'start-round',
      year: roundNumber(2025, 'T1'),
      deadline: '2025-05-31',
    });
    assert.deepEqual(parseFollowUpCommand('starta uppföljning 2025 H3'), { kind: 'invalid', message: 'year' });
    assert.deepEqual(parseFollowUpCommand('stäng uppföljning 2025-H2'), { kind: 'close-round', year: roundNumber(2025, 'H2') });
    assert.deepEqual(parseFollowUpCommand('sammanställning 2025 H1'), { kind: 'summary', year: roundNumber(2025, 'H1') });
    assert.deepEqual(parseFollowUpCommand('hur går det för SOC 2025 T2?'), {
      kind: 'unit-status',
      unit: 'SOC',
      year: roundNumber(2025, 'T2'),
    });
  });
});
