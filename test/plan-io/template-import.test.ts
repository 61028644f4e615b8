import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPlanFile, problemText } from '../../src/plan-io/import-plan-file';
import { readCsv } from '../../src/plan-io/template-csv';
import { readTemplateWorkbook, templateWorkbook } from '../../src/plan-io/template-workbook';
import { readTemplate } from '../../src/core/plan/template/read-template';
import { planIntegrityErrors, planSchemaErrors } from '../../src/core/plan/schema';
import { activePlanFile, loadGlossary, loadPlan, PlanFileError } from '../../src/plan-files';
import type { Plan } from '../../src/core/plan/model';
import { ROOT } from '../fixtures/plan';

const EXEMPELBY = join(ROOT, 'test/fixtures/exempelby');
const glossary = () => loadGlossary(join(ROOT, 'data/glossary/units.json'));

/** The plan without where it was read from: CSV and Excel give the same plan. */
const content = (plan: Plan) => ({ ...plan, source: { ...plan.source, file: '', sha256: '' } });

/** A filled copy of the template: the CSV fixture's rows typed into the workbook the template command writes. */
async function filledWorkbook(dir: string): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await templateWorkbook()) as unknown as ArrayBuffer);
  const actions = readCsv(join(EXEMPELBY, 'plan.csv'));
  const sheet = workbook.getWorksheet('Åtgärder')!;
  // The template's columns, in its order; the fixture has the same headers.
  // The person names the area column as the plan names its areas.
  sheet.getCell('A1').value = 'Fokusområde *';
  const templateHeaders = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(' *', ''));
  for (const row of actions.slice(1)) {
    sheet.addRow(templateHeaders.map((h) => row[actions[0]!.indexOf(h)] ?? ''));
  }
  const plan = workbook.getWorksheet('Plan')!;
  for (const [key, value] of readCsv(join(EXEMPELBY, 'plan-plan.csv')).slice(1)) {
    plan.eachRow((row) => {
      if (String(row.getCell(1).value).replace(' *', '') === key) row.getCell(2).value = value!;
    });
  }
  const units = workbook.getWorksheet('Enheter')!;
  for (const row of readCsv(join(EXEMPELBY, 'plan-enheter.csv')).slice(1)) units.addRow(row);
  const file = join(dir, 'exempelby.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('plan template: a made-up municipality imported from CSV and from Excel', () => {
  let dir: string;
  let fromCsv: Plan;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-template-'));
    const result = await importPlanFile(join(EXEMPELBY, 'plan.csv'), glossary);
    assert.deepEqual(result.problems.map(problemText), []);
    fromCsv = result.plan!;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every row, area, goal and indicator, the half-year period and the traffic-light statuses', () => {
    assert.deepEqual(planSchemaErrors(fromCsv), []);
    assert.deepEqual(planIntegrityErrors(fromCsv), []);
    assert.equal(fromCsv.actions.length, 43);
    assert.deepEqual(
      fromCsv.areas.map((a) => `${a.id}: ${a.title}`),
      [
        'fokusomrade-1: Unga och skola',
        'fokusomrade-2: Trygga offentliga miljöer',
        'fokusomrade-3: Våld i nära relationer',
        'fokusomrade-4: Organiserad brottslighet och välfärdsbrott',
      ],
    );
    assert.equal(fromCsv.goals.length, 8);
    assert.equal(fromCsv.actions.filter((a) => a.indicator).length, 16);
    assert.deepEqual(fromCsv.actions.find((a) => a.id === 'U1')!.indicator, {
      name: 'Antal skolområden med SSPF',
      baseline: '2',
      target: '6',
    });
    assert.equal(fromCsv.actions.find((a) => a.id === 'U1')!.cause, 'Unga rekryteras till kriminella nätverk i tidig ålder');
    assert.equal(fromCsv.followUp.period, 'half-year');
    assert.deepEqual(
      fromCsv.followUp.statuses.map((s) => s.label),
      ['Grön', 'Gul', 'Röd'],
    );
    assert.deepEqual(fromCsv.source, {
      municipality: 'Exempelby kommun',
      title: 'Åtgärdsplan mot brott och för ökad trygghet i Exempelby 2025–2026',
      diarienummer: 'KS 2025/117',
      adoptedBy: 'Kommunfullmäktige',
      adoptedAt: '2025-02-24',
      validity: '2025–2026',
      file: 'plan.csv',
      sha256: fromCsv.source.sha256,
    });
    assert.equal(fromCsv.planVersion, '2025');
    assert.deepEqual(fromCsv.spellingVariants, { trygghetsvandirngar: ['trygghetsvandringar'] });
  });

  it('gives the same plan from the filled Excel template as from the CSV files', async () => {
    const result = await importPlanFile(await filledWorkbook(dir), glossary);
    assert.deepEqual(result.problems.map(problemText), []);
    assert.deepEqual(content(result.plan!), content(fromCsv));
  });

  it('reads comma-separated CSV without a BOM like semicolon-separated with one', async () => {
    for (const name of ['plan.csv', 'plan-plan.csv', 'plan-enheter.csv']) {
      const rows = readCsv(join(EXEMPELBY, name));
      const quoted = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
      writeFileSync(join(dir, name.replace('plan', 'komma')), quoted);
    }
    const result = await importPlanFile(join(dir, 'komma.csv'), glossary);
    assert.deepEqual(result.problems.map(problemText), []);
    assert.deepEqual(content(result.plan!), content(fromCsv));
  });

  it('refuses a CSV file saved in another encoding than UTF-8, saying how to save it', async () => {
    const latin1 = Buffer.from(readFileSync(join(EXEMPELBY, 'plan.csv'), 'utf8').replace(/^\uFEFF/, ''), 'latin1');
    writeFileSync(join(dir, 'latin1.csv'), latin1);
    const result = await importPlanFile(join(dir, 'latin1.csv'), glossary);
    assert.equal(result.plan, null);
    assert.match(result.problems[0]!.message, /är inte sparad som UTF-8: spara den i Excel som "CSV UTF-8/);
  });

  it('imports the same file twice to the same plan, ids and all', async () => {
    copyFileSync(join(EXEMPELBY, 'plan.csv'), join(dir, 'igen.csv'));
    copyFileSync(join(EXEMPELBY, 'plan-plan.csv'), join(dir, 'igen-plan.csv'));
    copyFileSync(join(EXEMPELBY, 'plan-enheter.csv'), join(dir, 'igen-enheter.csv'));
    const again = await importPlanFile(join(dir, 'igen.csv'), glossary);
    assert.deepEqual(content(again.plan!), content(fromCsv));
    assert.deepEqual(fromCsv.groups.find((g) => g.number === 3)!.actionIds, ['A3-1', 'A3-2', 'A3-3', 'A3-4', 'A3-5', 'A3-6']);
  });

  it('writes a template whose sheets an empty import explains, rather than importing nothing silently', async () => {
    const file = join(dir, 'mall.xlsx');
    writeFileSync(file, await templateWorkbook());
    const sheets = await readTemplateWorkbook(file);
    assert.deepEqual(
      sheets.map((s) => s.name),
      ['Åtgärder', 'Plan', 'Enheter', 'Förkortningar', 'Text'],
    );
    assert.deepEqual(sheets[0]!.rows[0]!.filter(Boolean), [
      'Område *',
      'Mål',
      'Id',
      'Åtgärd *',
      'Ansvarig *',
      'Samverkan',
      'Finansiering',
      'Tidsplan',
      'Indikator',
      'Utgångsvärde',
      'Målvärde',
      'Orsak',
      'Ersätter',
    ]);
    const { plan, problems } = readTemplate(sheets, { file: 'mall.xlsx', sha256: '0'.repeat(64) });
    assert.equal(plan, null);
    assert.deepEqual(problems.map(problemText), [
      'Fel: Plan rad 1, kolumn Kommun: "Kommun" saknas (obligatorisk)',
      'Fel: Plan rad 1, kolumn Titel: "Titel" saknas (obligatorisk)',
      'Fel: Åtgärder rad 2, kolumn Åtgärd: inga åtgärder',
    ]);
  });
});

describe('plan files: bad input says what is wrong and imports or starts nothing', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-files-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a workbook with one cell far out (XFD1048576, 7 KB) or too many rows within seconds, naming the limit (#24: it spun for ever)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const far = new ExcelJS.Workbook();
    far.addWorksheet('Åtgärder').getCell('XFD1048576').value = 'x';
    await far.xlsx.writeFile(join(dir, 'langt-ut.xlsx'));
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('Åtgärder').getCell('ZZ3').value = 'x';
    await wide.xlsx.writeFile(join(dir, 'bred.xlsx'));
    const long = new ExcelJS.Workbook();
    const rows = long.addWorksheet('Åtgärder');
    for (let r = 1; r <= 6_000; r++) rows.getCell(`A${r}`).value = `rad ${r}`;
    await long.xlsx.writeFile(join(dir, 'lang.xlsx'));
    for (const [file, expected] of [
      ['langt-ut.xlsx', /bladet Åtgärder har något på rad 1 048 576; en plan får ha högst 5 000 rader per blad/],
      ['bred.xlsx', /bladet Åtgärder har något i cell ZZ3; en plan får ha högst 60 kolumner \(till och med BH\)/],
      ['lang.xlsx', /rad 5 001; en plan får ha högst 5 000 rader/],
    ] as const) {
      const started = Date.now();
      const { plan, problems } = await importPlanFile(join(dir, file), glossary);
      assert.equal(plan, null);
      assert.match(
        problems
          .map(problemText)
          .join('\n')
          .replace(/\u00a0/g, ' '),
        expected,
      );
      // Seconds, not for ever: 15 s leaves room for a machine busy with the parallel test run.
      assert.ok(Date.now() - started < 15_000, `${file}: ${Date.now() - started} ms`);
    }
    // A CSV too: its size on disk first, then its rows.
    writeFileSync(join(dir, 'stor.csv'), 'x'.repeat(6 * 1024 * 1024));
    assert.match(
      (await importPlanFile(join(dir, 'stor.csv'), glossary)).problems.map(problemText)[0]!,
      /filen är 6 MB; en plan får vara högst 5 MB/,
    );
    writeFileSync(join(dir, 'rader.csv'), 'Område;Åtgärd\n'.repeat(6_000));
    assert.match(
      (await importPlanFile(join(dir, 'rader.csv'), glossary)).problems.map(problemText)[0]!.replace(/\u00a0/g, ' '),
      /6 000 rader; en plan får ha högst 5 000/,
    );
  });

  it('names a missing file, a file that is no workbook, and a document without action tables', async () => {
    const messages = async (file: string) => (await importPlanFile(file, glossary)).problems.map(problemText);
    assert.deepEqual(await messages(join(dir, 'saknas.xlsx')), [`Fel: saknas.xlsx rad 1: filen ${join(dir, 'saknas.xlsx')} finns inte`]);
    writeFileSync(join(dir, 'trasig.xlsx'), 'inte en arbetsbok');
    assert.deepEqual(await messages(join(dir, 'trasig.xlsx')), [
      'Fel: trasig.xlsx rad 1: filen kunde inte läsas som en Excel-arbetsbok: spara den på nytt ur Excel och importera igen',
    ]);
    writeFileSync(join(dir, 'anteckningar.md'), '# Anteckningar\n\nInga tabeller här.\n');
    assert.match(
      (await messages(join(dir, 'anteckningar.md')))[0]!,
      /dokumentet har inga åtgärdstabeller[^;]*; en kommuns egen plan importeras från mallen/,
    );
  });

  it('refuses to start on a chosen plan that is gone or is no plan, naming it, rather than on another plan in silence', () => {
    mkdirSync(join(dir, 'data/plans'), { recursive: true });
    writeFileSync(join(dir, 'data/plans/active.json'), JSON.stringify({ file: 'data/plans/x/borta.json' }));
    assert.throws(
      () => activePlanFile(dir),
      (e: unknown) => e instanceof PlanFileError && /borta\.json\) does not exist: choose one with npm run plan:use/.test(e.message),
    );
    writeFileSync(join(dir, 'inte-en-plan.json'), '{"x": 1}');
    assert.throws(
      () => loadPlan(join(dir, 'inte-en-plan.json')),
      (e: unknown) => e instanceof PlanFileError && /is not a valid plan/.test(e.message),
    );
  });
});
