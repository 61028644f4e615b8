/**
 * The Word report opened with a zip reader and checked against the stored answers: every row and
 * status, the counts on the summary page, the open round's "preliminär" on every page, several
 * units on one action, an answer given on a unit's behalf, real headings, marked table headers,
 * the chart with its alternative text, and page numbers.
 */
import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { buildReport, countOf } from '../../src/core/report/report-model';
import { obligationsFor } from '../../src/core/followup/obligations';
import { reportDocument, PRELIMINARY } from '../../src/export/docx';
import { chartSpec } from '../../src/export/charts';
import type { Answer, Round } from '../../src/core/followup/model';
import { GLOSSARY, PLAN } from '../fixtures/plan';

import { yearlyRound } from '../fixtures/rounds';
const anna = { name: 'Anna Andersson', upn: 'anna@example.com' };
const admin = { name: 'Säkerhetschefen', upn: 'chef@example.com' };
const obligations = obligationsFor(PLAN, GLOSSARY);
const round = (year: number, state: Round['state']): Round => yearlyRound(year, state, admin);
const answer = (year: number, actionId: string, unit: string, status: string, description: string, onBehalf = false): Answer => ({
  year,
  actionId,
  unit,
  status,
  description,
  answeredBy: onBehalf ? admin : anna,
  answeredAt: `${year}-12-10T09:30:00Z`,
  onBehalf,
});
// A1-5 has three responsible units (Chefer, Säkerhets-samordnare, Säkerhetsombud); Polisen answers A9-4 through an admin.
const answers = [
  answer(2026, 'A1-5', 'Chefer', 'pagaende', 'Cheferna har gått utbildningen.'),
  answer(2026, 'A1-5', 'Säkerhets-samordnare', 'paborjad', 'Hälften av samordnarna är klara.'),
  answer(2026, 'A1-5', 'Säkerhetsombud', 'ej-paborjad', 'Utbildningen är inte upphandlad & saknar <budget>.'),
  answer(2026, 'A9-4', 'Polisen', 'pagaende', 'Besöken görs enligt plan.', true),
  answer(2026, 'A16-1', 'SF', 'paborjad', 'Samordningsfunktionen behöver utvecklas.'),
];
const previous = [answer(2025, 'A16-1', 'SF', 'ej-paborjad', 'Ingen samordnare anställd.')];

async function documentXml(
  state: Round['state'],
): Promise<{ body: string; headers: string; footers: string; report: ReturnType<typeof buildReport> }> {
  const report = buildReport({ plan: PLAN, round: round(2026, state), obligations, answers, previousAnswers: previous, contacts: [] });
  const zip = await JSZip.loadAsync(await reportDocument(report, new Date('2026-12-15T10:00:00Z')));
  const read = async (pattern: RegExp) =>
    (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => pattern.test(f))
          .map((f) => zip.file(f)!.async('string')),
      )
    ).join('\n');
  return {
    body: await read(/^word\/document\.xml$/),
    headers: await read(/^word\/header\d*\.xml$/),
    footers: await read(/^word\/footer\d*\.xml$/),
    report,
  };
}

/** The document's text, paragraph by paragraph, as a reader sees it. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
      .join(''),
  );

describe('the Word report', () => {
  it('has every row of the report with its status, description, who answered and when, under its area and group', async () => {
    const { body, report } = await documentXml('closed');
    const text = paragraphs(body);
    for (const row of report.rows) {
      assert.ok(
        text.some((p) => p.startsWith(`${row.actionId} `)),
        `action ${row.actionId}`,
      );
    }
    const cellsOf = (description: string) => {
      const i = text.indexOf(description);
      assert.ok(i > 0, description);
      return text.slice(i - 2, i + 3);
    };
    assert.deepEqual(cellsOf('Cheferna har gått utbildningen.').slice(0, 2), ['Chefer', 'Pågående']);
    assert.deepEqual(cellsOf('Hälften av samordnarna är klara.').slice(0, 2), ['Säkerhets-samordnare', 'Påbörjad']);
    assert.deepEqual(cellsOf('Utbildningen är inte upphandlad & saknar <budget>.').slice(0, 2), ['Säkerhetsombud', 'Ej påbörjad']);
    assert.ok(text.includes('Säkerhetschefen (för enhetens räkning)'), 'an answer on a unit’s behalf says so');
    assert.ok(text.includes('2026-12-10 10:30'), 'when, in Swedish time');
    assert.ok(text.includes('Ej påbörjad → Påbörjad'), "last year's status and the change");
    assert.ok(text.includes('Ansvarig: Chefer Säkerhets-samordnare Säkerhetsombud'), 'Ansvarig as printed');
    assert.ok(text.includes('Målområde 2: Våld i nära relation och Hedersrelaterat våld och förtryck'));
    assert.ok(text.includes('Åtgärd 16. Organisation'));
    // Not reported rows are there too, said plainly.
    assert.ok(text.filter((p) => p === 'Ej rapporterad').length >= report.rows.length - answers.length);
  });

  it('has the counts of the summary page, the units that did not report, and a chart with its numbers as text', async () => {
    const { body, report } = await documentXml('closed');
    const text = paragraphs(body);
    // Final, for a closed round, and how much of the plan it covers, in one sentence (#25: "final" at 4 % said nothing of it).
    assert.ok(text.includes('Uppföljningen är stängd; rapporten är slutlig, med 5 av 259 rapporter lämnade (2 %).'));
    const total = text.indexOf('Totalt');
    assert.deepEqual(text.slice(total + 1, total + 5), [
      String(countOf(report.totals, 'pagaende')),
      String(countOf(report.totals, 'paborjad')),
      String(countOf(report.totals, 'ej-paborjad')),
      String(countOf(report.totals, 'none')),
    ]);
    assert.deepEqual(text.slice(total + 1, total + 4), ['2', '2', '1']);
    assert.ok(text.includes('Enheter som inte har rapporterat'));
    assert.ok(text.some((p) => p.startsWith('KLF: 0 av 59 rapporterade')));
    assert.match(
      body,
      /<wp:docPr [^>]*descr="Stapeldiagram: rapporter per status och område\. AS 1 Kunskapsbaserad metodik: Pågående 1, Påbörjad 1, Ej påbörjad 1, Ej rapporterad 7\./,
    );
    assert.match(body, /<w:drawing>/);
    // The chart is drawn from the same counts and the status table's colours.
    const spec = JSON.stringify(chartSpec(report));
    assert.match(spec, /"range":\["#2e7d32","#f9a825","#c62828","#9e9e9e"\]/);
  });

  it('says "preliminär" on every page while the round is open, and not once it is closed', async () => {
    const open = await documentXml('open');
    assert.ok(paragraphs(open.headers).some((p) => p.includes(PRELIMINARY)));
    assert.ok(
      paragraphs(open.body).some((p) => p.startsWith(PRELIMINARY) && /rapporter lämnade hittills/.test(p)),
      'and on the title page, with how many reported so far',
    );
    const closed = await documentXml('closed');
    assert.ok(!closed.headers.includes('PRELIMINÄR') && !closed.body.includes('PRELIMINÄR'));
  });

  it('is navigable and accessible: real headings, table header rows marked, page numbers', async () => {
    const { body, footers } = await documentXml('closed');
    assert.match(body, /<w:pStyle w:val="Title"\/>/);
    assert.match(body, /<w:pStyle w:val="Heading1"\/>[\s\S]*Sammanfattning/);
    assert.ok((body.match(/<w:pStyle w:val="Heading3"\/>/g) ?? []).length >= 25, 'a heading per group');
    assert.ok((body.match(/<w:tblHeader\/>/g) ?? []).length >= PLAN.actions.length, 'every table has a marked header row');
    assert.match(footers, /PAGE/);
    assert.match(footers, /NUMPAGES/);
  });
});
