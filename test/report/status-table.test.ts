/**
 * One status table: a fourth status added to the plan's table (and nowhere else) reaches the
 * answer rules, the round card, the refusal text, the counts, the summary card and both reports.
 */
import { answerRefusalText } from '../../src/core/texts/catalog';
import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import type { Answer, Round, Status } from '../../src/core/followup/model';
import type { Plan } from '../../src/core/plan/model';
import { obligationsFor } from '../../src/core/followup/obligations';
import { validateSubmission } from '../../src/core/followup/validate';
import { buildReport } from '../../src/core/report/report-model';
import { reportWorkbook, ROWS_SHEET, SUMMARY_SHEET } from '../../src/export/xlsx';
import { reportMarkdown } from '../../src/export/markdown';
import { summaryCard } from '../../src/bot/followup/summary-card';
import { roundActionCard } from '../../src/bot/followup/round-cards';
import { actionView } from '../../src/core/plan/action-view';
import { assertValidCard } from '../fixtures/cards';
import { GLOSSARY, PLAN } from '../fixtures/plan';

const FOURTH = 'avslutad' as Status;
const anna = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b', name: 'Anna' };
const round: Round = {
  year: 2026,
  deadline: '2027-02-28',
  state: 'open',
  planVersion: '2023',
  startedBy: anna,
  startedAt: '2026-12-01T08:00:00.000Z',
  reminderDaysBefore: [],
};

/** Linköping's plan with a fourth status in its table. */
const WITH_FOURTH: Plan = {
  ...PLAN,
  followUp: {
    ...PLAN.followUp,
    statuses: [
      ...PLAN.followUp.statuses,
      {
        key: FOURTH,
        label: 'Avslutad',
        description: 'Åtgärden är genomförd och avslutad',
        enLabel: 'Finished',
        enDescription: 'done and closed',
        color: 'neutral',
      },
    ],
  },
};
const statuses = WITH_FOURTH.followUp.statuses;

describe('one status table', () => {
  it('reaches every place a status is shown, counted or checked, from the table alone', async () => {
    const obligations = obligationsFor(PLAN, GLOSSARY);
    const verdict = validateSubmission(
      { year: 2026, actionId: 'A16-1', unit: 'SF', status: FOURTH, description: 'Klart.' },
      {
        round,
        obligations,
        contacts: [{ unit: 'SF', person: anna }],
        isAdmin: false,
        user: anna,
        now: new Date('2026-12-10T10:00:00Z'),
        statuses,
      },
    );
    assert.ok(verdict.ok, 'the answer rules accept it');
    const answers: Answer[] = [verdict.answer, { ...verdict.answer, actionId: 'A16-2', status: 'pagaende' }];
    const report = buildReport({
      plan: WITH_FOURTH,
      round,
      obligations,
      answers,
      previousAnswers: undefined,
      contacts: [{ unit: 'SF', person: anna }],
    });
    assert.equal(report.totals[FOURTH], 1);
    assert.equal(report.rows.find((r) => r.actionId === 'A16-1' && r.unit === 'SF')?.statusLabel, 'Avslutad');

    const card = summaryCard({ report }, 'sv');
    assertValidCard(card);
    assert.match(JSON.stringify(card), /"legend":"Avslutad","value":1/);

    const md = reportMarkdown(report);
    assert.match(md, /\| Målområde \/ arbetssätt \| Pågående \| Påbörjad \| Ej påbörjad \| Avslutad \| Ej rapporterad \|/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(report)) as unknown as ArrayBuffer);
    const header = (workbook.getWorksheet(ROWS_SHEET)!.getRow(1).values as unknown[]).filter(Boolean);
    assert.ok(header.includes('Avslutad'), `Excel columns: ${header.join(', ')}`);
    assert.ok((workbook.getWorksheet(SUMMARY_SHEET)!.getRow(1).values as unknown[]).includes('Avslutad'));

    const roundCard = roundActionCard({
      round,
      obligation: { actionId: 'A16-1', unit: 'SF' },
      action: actionView(
        PLAN,
        GLOSSARY,
        PLAN.actions.find((a) => a.id === 'A16-1')!,
      ),
      answer: undefined,
      lastYear: undefined,
      progress: { answered: 0, total: 1 },
      units: ['SF'],
      statuses,
      followUp: { ...PLAN.followUp, statuses },
      language: 'sv',
      refreshUserIds: [],
    });
    assert.match(JSON.stringify(roundCard), /"title":"Avslutad – Åtgärden är genomförd och avslutad","value":"avslutad"/);
    assert.equal(
      answerRefusalText('invalid-status', 'sv', '', statuses),
      'Välj Pågående, Påbörjad, Ej påbörjad eller Avslutad. Inget sparades.',
    );
  });
});
