import { strict as assert } from 'node:assert';
import ExcelJS from 'exceljs';
import { fileBackend } from '../store/backends';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { loadReport } from '../../src/usecases/report';
import { reportWorkbook, ROWS_SHEET, SUMMARY_SHEET } from '../../src/export/xlsx';
import { reportMarkdown } from '../../src/export/markdown';
import type { Answer, Round } from '../../src/core/followup/model';
import type { DocumentStore } from '../../src/store/document-store';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { buildReport } from '../../src/core/report/report-model';
import { summaryCard } from '../../src/bot/followup/summary-card';
import { assertValidCard } from '../fixtures/cards';
import { obligationsFor } from '../../src/core/followup/obligations';

import { yearlyRound } from '../fixtures/rounds';
import { storeAnswer } from '../../src/usecases/store-answer';
const admin = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a', name: 'Säkerhetschefen' };
const anna = { aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b', name: 'Anna Andersson' };
const karl = { aadObjectId: 'cccccccc-0000-4000-8000-00000000000c', name: 'Karl Klf' };
const round = (year: number, state: Round['state'] = 'open'): Round => yearlyRound(year, state, admin);
const answer = (
  year: number,
  actionId: string,
  unit: string,
  status: Answer['status'],
  by = anna,
  onBehalf = false,
  description = `Svar ${actionId} ${unit}`,
): Answer => ({
  year,
  actionId,
  unit,
  status,
  description,
  answeredBy: by,
  answeredAt: `${year + 1}-01-15T10:30:00.000Z`,
  onBehalf,
});

async function cells(buffer: Buffer, sheetName: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet(sheetName)!;
}

describe('consolidated report', () => {
  const backend = fileBackend();
  let store: DocumentStore;
  let service: FollowUp;
  before(async () => {
    store = await backend.open();
    service = new FollowUp(recordsOn(store), PLAN, GLOSSARY);
    const data = service;
    await data.people.addContact({ unit: 'SF', person: anna });
    await data.people.addContact({ unit: 'KLF', person: karl });
    await data.rounds.createRound(round(2023, 'closed'));
    await storeAnswer(data.rounds, answer(2023, 'A3-1', 'KLF', 'paborjad', karl));
    await storeAnswer(data.rounds, answer(2023, 'A16-2', 'SF', 'pagaende'));
    await data.rounds.createRound(round(2024));
    await storeAnswer(data.rounds, answer(2024, 'A3-1', 'KLF', 'pagaende', karl, false, 'Två nya kameror | i Berga\nuppsatta.'));
    await storeAnswer(data.rounds, answer(2024, 'A3-1', 'Polisen', 'paborjad', admin, true, 'Enligt Polisens besked.'));
    await storeAnswer(data.rounds, answer(2024, 'A16-1', 'SF', 'ej-paborjad'));
  });
  after(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('has one row per action and responsible unit, with answers, on-behalf answers, no answer, and the change since last year', async () => {
    const report = (await loadReport(service, 2024))!;
    assert.equal(report.rows.length, service.obligations.length);
    const row = (id: string, unit: string) => report.rows.find((r) => r.actionId === id && r.unit === unit)!;
    assert.equal(row('A3-1', 'KLF').status, 'pagaende');
    assert.equal(row('A3-1', 'KLF').change, 'Påbörjad → Pågående');
    assert.equal(row('A3-1', 'Polisen').onBehalf, true);
    assert.equal(row('A3-1', 'Polisen').change, 'ny i år');
    assert.equal(row('A16-1', 'SF').statusLabel, 'Ej påbörjad');
    assert.equal(row('A16-2', 'SF').status, null);
    assert.equal(row('A16-2', 'SF').change, 'ej rapporterad i år');
    assert.deepEqual(report.totals, { pagaende: 1, paborjad: 1, 'ej-paborjad': 1, none: service.obligations.length - 3 });
    const sf = report.units.find((u) => u.unit === 'SF')!;
    assert.equal(sf.answered, 1);
    assert.deepEqual(sf.contacts, ['Anna Andersson']);
    assert.ok(report.lateUnits.some((u) => u.unit === 'SF'));
  });

  it('writes the workbook cell by cell from the stored answers', async () => {
    const report = (await loadReport(service, 2024))!;
    const sheet = await cells(await reportWorkbook(report), ROWS_SHEET);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    assert.deepEqual(header, [
      'Id',
      'Åtgärd',
      'Målområde / arbetssätt',
      'Åtgärd (text i planen)',
      'Ansvarig (som i planen)',
      'Rapporterande enhet',
      'Pågående',
      'Påbörjad',
      'Ej påbörjad',
      'Beskrivning av utveckling',
      'Besvarad av',
      'Besvarad',
      'För enhetens räkning',
      'Status 2023',
      'Förändring',
    ]);
    assert.equal(sheet.rowCount, report.rows.length + 1);
    const find = (id: string, unit: string) => {
      for (let r = 2; r <= sheet.rowCount; r++)
        if (sheet.getCell(r, 1).value === id && sheet.getCell(r, 6).value === unit) return sheet.getRow(r);
      throw new Error(`no row ${id} ${unit}`);
    };
    const klf = find('A3-1', 'KLF');
    assert.equal(klf.getCell(2).value, '3. Trygghetsteknik');
    assert.equal(klf.getCell(3).value, 'Innovativa lösningar och teknik');
    assert.equal(klf.getCell(4).value, 'Fortsätta utbyggnaden av kamerabevakning');
    assert.equal(klf.getCell(5).value, 'Polisen, KLF (SÄK)');
    assert.deepEqual([klf.getCell(7).value, klf.getCell(8).value, klf.getCell(9).value], ['X', '', '']);
    assert.equal(klf.getCell(10).value, 'Två nya kameror | i Berga\nuppsatta.');
    assert.equal(klf.getCell(11).value, 'Karl Klf');
    // 10:30 UTC in January is 11:30 in Sweden: the cell shows the Swedish wall clock, as the Word report does (#25).
    assert.equal((klf.getCell(12).value as Date).toISOString(), '2025-01-15T11:30:00.000Z');
    assert.equal(klf.getCell(13).value, '');
    assert.equal(klf.getCell(14).value, 'Påbörjad');
    assert.equal(klf.getCell(15).value, 'Påbörjad → Pågående');
    const polisen = find('A3-1', 'Polisen');
    assert.deepEqual(
      [polisen.getCell(7).value, polisen.getCell(8).value, polisen.getCell(13).value, polisen.getCell(11).value],
      ['', 'X', 'Ja', 'Säkerhetschefen'],
    );
    const missing = find('A16-2', 'SF');
    assert.deepEqual(
      [missing.getCell(7).value, missing.getCell(8).value, missing.getCell(9).value, missing.getCell(10).value],
      ['', '', '', ''],
    );
    assert.equal(missing.getCell(15).value, 'ej rapporterad i år');
    const summary = await cells(await reportWorkbook(report), SUMMARY_SHEET);
    const totalRow = summary.getRow(report.areas.length + 2);
    assert.deepEqual((totalRow.values as unknown[]).slice(1, 6), ['Totalt', 1, 1, 1, service.obligations.length - 3]);
  });

  it('leaves out the change columns for a year with no previous round', async () => {
    const report = (await loadReport(service, 2023))!;
    assert.equal(report.hasPreviousYear, false);
    const sheet = await cells(await reportWorkbook(report), ROWS_SHEET);
    assert.equal(sheet.getRow(1).cellCount, 13);
  });

  it('writes a Markdown version with table cells escaped', async () => {
    const md = reportMarkdown((await loadReport(service, 2024))!);
    assert.match(md, /^# Uppföljning 2024: Åtgärdsplan/);
    assert.match(
      md,
      /\| A3-1 \| KLF \| Fortsätta utbyggnaden av kamerabevakning \| Pågående \| Två nya kameror \\\| i Berga<br>uppsatta\. \| Karl Klf, 2025-01-15 \| Påbörjad → Pågående \|/,
    );
    assert.match(md, /Säkerhetschefen, \(för enhetens räkning\), 2025-01-15/);
  });

  it('has no report for a year without a round', async () => {
    assert.equal(await loadReport(service, 1999), undefined);
  });
});

describe('summary card with a full plan of answers', () => {
  it('stays under the size limit, parses, and counts every report', () => {
    const obligations = obligationsFor(PLAN, GLOSSARY);
    const statuses = ['pagaende', 'paborjad', 'ej-paborjad'] as const;
    const answers = obligations.map((o, i) =>
      answer(2024, o.actionId, o.unit, statuses[i % 3]!, anna, false, 'Lång beskrivning. '.repeat(100)),
    );
    const contacts = [...new Set(obligations.map((o) => o.unit))].flatMap((unit) =>
      [1, 2, 3].map((n) => ({
        unit,
        person: {
          upn: `kontakt${n}.${unit.toLowerCase().replace(/[^a-zåäö]/g, '')}@linkoping.se`,
          name: `Kontaktperson Nummer${n} ${unit}`,
        },
      })),
    );
    const full = buildReport({ plan: PLAN, round: round(2024), obligations, answers, previousAnswers: answers, contacts });
    for (const lang of ['sv', 'en'] as const)
      assertValidCard(summaryCard({ report: full, reminders: { people: 0, withoutChat: 0 } }, lang));
    const none = buildReport({ plan: PLAN, round: round(2024), obligations, answers: [], previousAnswers: undefined, contacts });
    const card = summaryCard({ report: none }, 'sv');
    assertValidCard(card);
    assert.match(JSON.stringify(card), /… \+\d+/, 'late units beyond the first 15 are summarized');
    assert.equal(full.totals.none, 0);
    assert.equal(full.totals.pagaende! + full.totals.paborjad! + full.totals['ej-paborjad']!, obligations.length);
  });

  /** A round of the whole plan where nobody has answered yet. */
  const unansweredReport = () =>
    buildReport({
      plan: PLAN,
      round: round(2024),
      obligations: obligationsFor(PLAN, GLOSSARY),
      answers: [],
      previousAnswers: undefined,
      contacts: [],
    });

  it('summary card: the bar chart shows short area labels the chart can fit, the list below their full titles', () => {
    const report = unansweredReport();
    const card = summaryCard({ report }, 'sv');
    const bars = (card.body as Array<Record<string, unknown>>).find((e) => e.type === 'Chart.VerticalBar.Grouped')!;
    const labels = ((bars.data as Array<{ values: Array<{ x: string }> }>)[0]!.values ?? []).map((v) => v.x);
    assert.deepEqual(labels, ['AS 1', 'AS 2', 'AS 3', 'AS 4', 'MO 1', 'MO 2', 'MO 3']);
    // Without chart support the list below already has the numbers: the chart is dropped, not repeated.
    assert.equal(bars.fallback, 'drop');
    const text = JSON.stringify(card);
    assert.match(text, /MO 1 Organiserad brottslighet och våldsbejakande extremism: Pågående 0/);
    assert.match(text, /AS 1 Kunskapsbaserad metodik: /);
    assert.match(JSON.stringify(summaryCard({ report }, 'en')), /"x":"GA 1"/);
  });

  it('summary card: remind opens a confirmation with how many get a reminder; a closed round offers none', () => {
    const report = unansweredReport();
    const open = summaryCard({ report, reminders: { people: 3, withoutChat: 2 } }, 'sv');
    assertValidCard(open);
    const remind = (open.actions as Array<Record<string, unknown>>).find((a) => a.type === 'Action.ShowCard')!;
    assert.equal(remind.title, 'Påminn de som inte är klara');
    const inner = remind.card as { body: Array<{ text: string }>; actions: Array<Record<string, unknown>> };
    assert.deepEqual(
      inner.body.map((b) => b.text),
      [
        '3 personer som inte har svarat klart får en påminnelse i Teams, med sitt kort och hur långt de har kommit.',
        '2 personer till har inte svarat klart men har ingen chatt med boten och kan inte påminnas här.',
      ],
    );
    assert.deepEqual(inner.actions[0]!.data, { year: '2024', lang: 'sv', confirmed: true });
    assert.equal(inner.actions[0]!.verb, 'round.remind');

    const nobody = summaryCard({ report, reminders: { people: 0, withoutChat: 0 } }, 'sv');
    const nobodyInner = (nobody.actions as Array<Record<string, unknown>>).find((a) => a.type === 'Action.ShowCard')!.card as {
      body: Array<{ text: string }>;
      actions?: unknown[];
    };
    assert.deepEqual(
      nobodyInner.body.map((b) => b.text),
      ['Ingen att påminna: alla kontakter har svarat.'],
    );
    assert.equal((nobodyInner.actions ?? []).length, 0, 'no send button when nobody would get one');

    const closed = summaryCard({ report }, 'sv');
    assert.equal((closed.actions as Array<Record<string, unknown>>).filter((a) => a.type === 'Action.ShowCard').length, 0);
    // Units without contacts can be answered for while the round is open; a closed one offers no such button (#25).
    assert.match(JSON.stringify(open), /"verb":"round.answerFor"/);
    const closedRound = summaryCard({ report: { ...report, state: 'closed' } }, 'sv');
    assert.doesNotMatch(JSON.stringify(closedRound), /round.answerFor|Svara för enheten/);
  });
});
