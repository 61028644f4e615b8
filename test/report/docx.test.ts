/**
 * The Word report opened with a zip reader and checked against the stored answers: every row and
 * status, the counts on the summary page, the open round's "preliminär" on every page, several
 * units on one action, an answer given on a unit's behalf, real headings, marked table headers,
 * the chart with its alternative text, and page numbers.
 */
import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { buildReport, countOf, publicReport } from '../../src/core/report/report-model';
import { A4_TEXT_WIDTH, wordWidth, wordsOf } from '../../src/export/column-widths';
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
  personNames = true,
): Promise<{ body: string; headers: string; footers: string; report: ReturnType<typeof buildReport> }> {
  const full = buildReport({
    plan: PLAN,
    round: round(2026, state),
    obligations,
    answers,
    previousAnswers: previous,
    contacts: [{ unit: 'KLF', person: { name: 'Karl Klf', upn: 'karl@example.com' } }],
    glossary: GLOSSARY,
  });
  const report = publicReport(full, { personNames });
  const zip = await JSZip.loadAsync(
    await reportDocument(report, { now: new Date('2026-12-15T10:00:00Z'), compiledBy: 'Sara Säkerhetschef' }),
  );
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
    const onBehalf = text.indexOf('Säkerhetschefen');
    assert.deepEqual(
      text.slice(onBehalf, onBehalf + 3),
      ['Säkerhetschefen', '2026-12-10 10:30', '(för enhetens räkning)'],
      'on a unit’s behalf says so',
    );
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
    // Final, for a closed round, and how much of the plan it covers, beside it (#25: "final" at 4 % said nothing of it).
    const status = text.indexOf('Status: Slutlig – uppföljningen är stängd');
    assert.ok(status > 0, 'final on the title page');
    assert.equal(text[status + 1], 'Svarsfrekvens: 5 av 259 rapporter lämnade (2 %)');
    const total = text.indexOf('Totalt');
    assert.deepEqual(text.slice(total + 1, total + 5), [
      String(countOf(report.totals, 'pagaende')),
      String(countOf(report.totals, 'paborjad')),
      String(countOf(report.totals, 'ej-paborjad')),
      String(countOf(report.totals, 'none')),
    ]);
    assert.deepEqual(text.slice(total + 1, total + 4), ['2', '2', '1']);
    assert.ok(text.includes('Enheter som inte har rapporterat allt'));
    const klf = text.indexOf('KLF', text.indexOf('Enheter som inte har rapporterat allt'));
    assert.deepEqual(text.slice(klf, klf + 4), ['KLF', '0 av 59', '59', 'Karl Klf']);
    assert.match(
      body,
      /<wp:docPr [^>]*descr="Stapeldiagram: rapporter per status och område\. AS 1 Kunskapsbaserad metodik: Pågående 1, Påbörjad 1, Ej påbörjad 1, Ej rapporterad 7\./,
    );
    // Under the chart a caption, not its numbers as a block: they are in the table above.
    assert.ok(text.includes('Figur 1. Rapporter per status och målområde / arbetssätt. Antalen står i tabellen ovan.'));
    assert.ok(!text.some((p) => /Stapeldiagram|Pågående 1, Påbörjad 1/.test(p)), 'the alternative text is not printed');
    assert.match(body, /<w:drawing>/);
    // The chart is drawn from the same counts and the status table's colours.
    const spec = JSON.stringify(chartSpec(report));
    assert.match(spec, /"range":\["#2e7d32","#f9a825","#c62828","#9e9e9e"\]/);
  });

  it('says "preliminär" on every page while the round is open, and not once it is closed', async () => {
    const open = await documentXml('open');
    assert.ok(paragraphs(open.headers).some((p) => p.includes(PRELIMINARY)));
    assert.ok(paragraphs(open.body).includes('Status: Preliminär – uppföljningen pågår och svaren kan ändras'), 'and on the title page');
    const closed = await documentXml('closed');
    assert.ok(!closed.headers.includes('PRELIMINÄR') && !/PRELIMINÄR|Preliminär/.test(closed.body));
  });

  it('has a title page the council files as it is: municipality, plan, registration number, period, date, who compiled it', async () => {
    const text = paragraphs((await documentXml('closed')).body);
    const first = text.slice(0, text.indexOf('Sammanfattning'));
    for (const line of [
      'Linköpings kommun',
      'Uppföljning 2026 av åtgärdsplanen',
      PLAN.source.title,
      'Diarienummer: KS 2023-638',
      'Uppföljningsperiod: 2026, sista svarsdag 2027-02-28',
      'Rapportens datum: 2026-12-15',
      'Sammanställd av: Sara Säkerhetschef, med Trygghetsboten',
    ])
      assert.ok(first.includes(line), line);
  });

  it('names units, never e-mail addresses, and people only when the municipality chose to', async () => {
    const unnamed = await documentXml('closed', false);
    const all = (d: { body: string; headers: string; footers: string }) => d.body + d.headers + d.footers;
    assert.doesNotMatch(all(unnamed), /@/);
    assert.doesNotMatch(all(unnamed), /Anna Andersson|Säkerhetschefen|Karl Klf/);
    const text = paragraphs(unnamed.body);
    assert.ok(text.includes('Besvarad'), 'the column says when, not who');
    assert.ok(text.includes('2026-12-10 10:30'));
    assert.ok(text.includes('(för enhetens räkning)'), 'on a unit’s behalf is still said');
    const named = await documentXml('closed', true);
    assert.doesNotMatch(all(named), /@/);
    assert.match(named.body, /Anna Andersson/);
  });

  it('groups the actions the plan gives no owner under one heading, never as a unit', async () => {
    const { body } = await documentXml('closed');
    const text = paragraphs(body);
    assert.ok(!body.includes('ingen ansvarig angiven'));
    const heading = text.indexOf('Åtgärder utan ansvarig enhet i planen');
    assert.ok(heading > 0);
    assert.ok(text.slice(heading, heading + 12).includes('A20-2'));
    const perUnit = text.slice(text.indexOf('Svarsfrekvens per enhet'), text.indexOf('Enheter som inte har rapporterat allt'));
    assert.ok(!perUnit.some((p) => /ingen ansvarig/.test(p)));
  });

  it('explains the codes in a Förkortningar section: the plan’s own, the glossary’s, and those nobody has named', async () => {
    const text = paragraphs((await documentXml('closed')).body);
    const start = text.indexOf('Förkortningar');
    assert.ok(start > 0);
    const section = text.slice(start, text.indexOf('Åtgärder', start));
    const meaning = (code: string) => section[section.indexOf(code) + 1];
    assert.equal(meaning('PDV'), 'Pågående dödligt våld');
    assert.equal(meaning('VOF'), 'Vård- och omsorgsförvaltningen');
    assert.equal(meaning('SÄKSAM'), 'Namnet anges inte i planen eller kommunens ordlista');
  });

  it('sets every table in columns wide enough for its longest word, within the page', async () => {
    const { body } = await documentXml('closed');
    const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    assert.ok(tables.length > 20);
    for (const xml of tables) {
      const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      assert.ok(grid.reduce((a, b) => a + b, 0) <= A4_TEXT_WIDTH + grid.length, 'within the page');
      const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      rows.forEach((row, r) => {
        [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].forEach((cell, c) => {
          const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(cell[0])?.[1] ?? 22);
          for (const word of wordsOf(paragraphs(cell[0]).join(' ')))
            assert.ok(wordWidth(word, size, r === 0) <= grid[c]!, `"${word}" fits its column (${grid[c]} twips)`);
        });
      });
    }
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
