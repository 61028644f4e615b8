/**
 * A revised plan: a round on version 1, the revised plan imported as version 2, a round on it,
 * and the report's year-over-year comparison: new, changed and removed actions, and never last
 * year's answer for a different action that happens to get the same id.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/store/file-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { loadReport } from '../../src/usecases/report';
import { startRound } from '../../src/usecases/start-round';
import { answerAction } from '../../src/usecases/work-through-round';
import { addContacts } from '../../src/usecases/manage-contacts';
import { readTemplate, type SheetRows } from '../../src/core/plan/template/read-template';
import { glossaryOfUnits } from '../../src/core/plan/glossary';
import { compareVersions } from '../../src/core/plan/compare-versions';
import { roundNumber } from '../../src/core/followup/periods';
import { readTemplateCsv } from '../../src/plan-io/template-csv';
import { reportMarkdown } from '../../src/export/markdown';
import type { Plan } from '../../src/core/plan/model';
import { ROOT } from '../fixtures/plan';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-0000000000f1' };
const ANNA = { aadObjectId: 'bbbbbbbb-0000-4000-8000-0000000000f2' };
const NOW = new Date('2025-03-01T10:00:00Z');
const SOURCE = { file: 'plan.csv', sha256: '0'.repeat(64) };

/** Exempelby's plan, and a revision of it made as a municipality would edit the file. */
function versions(): { v1: Plan; v2: Plan } {
  const sheets = readTemplateCsv(join(ROOT, 'test/fixtures/exempelby/plan.csv'));
  const v1 = readTemplate(sheets, SOURCE).plan!;
  const revise = (sheet: SheetRows): SheetRows => {
    if (sheet.name === 'Plan') return { ...sheet, rows: sheet.rows.map((r) => (r[0] === 'Version' ? ['Version', '2025-2'] : r)) };
    if (sheet.name !== 'Åtgärder') return sheet;
    const [header, ...rows] = sheet.rows;
    const col = (name: string) => header!.indexOf(name);
    const revised: string[][] = [[...header!, 'Ersätter']];
    for (const row of rows) {
      const r = [...row, ''];
      const text = r[col('Åtgärd')]!;
      if (r[col('Id')] === 'U3') continue; // removed
      if (r[col('Id')] === 'U1') r[col('Åtgärd')] = 'Införa SSPF-samverkan i alla skolområden och på fritidsgårdarna'; // the Id stays: changed
      if (text.startsWith('Genomföra trygghetsvandringar')) {
        // A new row inserted above: the generated ids of this goal's rows move down one.
        const inserted = [...r];
        inserted[col('Åtgärd')] = 'Inrätta ett trygghetsråd för centrum';
        revised.push(inserted);
      }
      if (text.startsWith('Förbättra belysningen')) {
        r[col('Åtgärd')] = 'Förbättra och underhålla belysningen i gångtunnlar, parker och på skolgårdar';
        r[header!.length] = 'A3-2'; // "Ersätter": the file says which action of version 1 this one continues
      }
      revised.push(r);
    }
    const u12 = [...rows[0]!, ''];
    u12[col('Id')] = 'U12';
    u12[col('Åtgärd')] = 'Erbjuda läxhjälp på biblioteken';
    revised.push(u12);
    return { ...sheet, rows: revised };
  };
  const result = readTemplate(sheets.map(revise), SOURCE);
  assert.deepEqual(result.problems, []);
  return { v1, v2: result.plan! };
}

describe('plan versions: year over year across a revised plan', () => {
  const { v1, v2 } = versions();

  it('matches actions by the ids the file gives, by what it says each replaces, or by the same text; never by a place-made id alone', () => {
    const comparison = compareVersions(v1, v2);
    assert.equal(v2.actions.find((a) => a.id === 'A3-1')!.text, 'Inrätta ett trygghetsråd för centrum');
    assert.equal(v1.actions.find((a) => a.id === 'A3-1')!.text.startsWith('Genomföra trygghetsvandringar'), true);
    assert.equal(comparison.previousOf.get('A3-1'), undefined, 'A3-1 is another action now: not compared');
    assert.equal(comparison.previousOf.get('A3-2'), 'A3-1', 'the walks, one row down, are the same action');
    assert.equal(comparison.previousOf.get('A3-3'), 'A3-2', 'the lighting, reworded, continues what the file says it replaces');
    assert.equal(comparison.previousOf.get('U1'), 'U1');
    assert.deepEqual(comparison.added.sort(), ['A3-1', 'U12']);
    assert.deepEqual(comparison.changed.sort(), ['A3-3', 'U1']);
    assert.deepEqual(
      comparison.removed.map((a) => a.id),
      ['U3'],
    );
  });

  it('reports a round on version 2 against the round on version 1: new, changed, removed, and the right previous answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-versions-'));
    const store = new FileStore(dir);
    try {
      const glossary = glossaryOfUnits(v1.units);
      const first = new FollowUp(recordsOn(store), v1, glossary, [ADMIN], new Map([[v1.planVersion, v1]]));
      await addContacts(first, ADMIN, { unit: 'SOC', people: [ANNA] });
      const h1 = roundNumber(2025, 'H1');
      assert.ok((await startRound(first, ADMIN, { year: h1, deadline: '2099-08-31', reminderDaysBefore: [] }, NOW)).ok);
      const answer = async (service: FollowUp, year: number, who: typeof ANNA, actionId: string, unit: string, status: string) =>
        assert.ok((await answerAction(service, who, { year, actionId, unit, status, description: `${actionId} ${status}` }, NOW)).ok);
      await answer(first, h1, ANNA, 'U1', 'SOC', 'gron');
      await answer(first, h1, ANNA, 'U3', 'SOC', 'gul');
      await answer(first, h1, ADMIN, 'A3-1', 'Trygghetssamordnare', 'gron');
      await answer(first, h1, ADMIN, 'A3-2', 'SBF', 'rod');

      // The revised plan is imported as version 2 and is the active one; version 1 is still on hand.
      const second = new FollowUp(
        recordsOn(store),
        v2,
        glossaryOfUnits(v2.units),
        [ADMIN],
        new Map([
          [v1.planVersion, v1],
          [v2.planVersion, v2],
        ]),
      );
      // The round on version 1 is still open: with version 2 active, it is answered and reported on version 1.
      await answer(second, h1, ANNA, 'U2', 'SOC', 'gul');
      assert.ok(
        (await answerAction(second, ANNA, { year: h1, actionId: 'U3', unit: 'SOC', status: 'gron', description: 'x' }, NOW)).ok,
        'U3 is in version 1',
      );
      const first1 = (await loadReport(second, h1))!;
      assert.ok(first1.rows.some((r) => r.actionId === 'U3'));
      assert.equal(first1.rows.find((r) => r.actionId === 'U1')!.actionText, v1.actions.find((a) => a.id === 'U1')!.text);
      assert.equal(first1.planVersion, '2025');
      // Version 1's answers as the previous round had them: U3 'gul' was replaced above; put it back.
      await answer(second, h1, ANNA, 'U3', 'SOC', 'gul');
      const h1Next = roundNumber(2026, 'H1');
      const started = await startRound(second, ADMIN, { year: h1Next, deadline: '2099-08-31', reminderDaysBefore: [] }, NOW);
      assert.ok(started.ok && started.round.planVersion === '2025-2', 'the round records the version it asks about');
      await answer(second, h1Next, ANNA, 'U1', 'SOC', 'gul');

      const report = (await loadReport(second, h1Next))!;
      const row = (id: string) => report.rows.find((r) => r.actionId === id)!;
      assert.equal(row('U1').previousStatus, 'gron');
      assert.equal(row('U1').change, 'ändrad åtgärd: Grön → Gul');
      assert.equal(row('U12').change, 'ny åtgärd i planen');
      assert.equal(row('A3-1').previousStatus, null, "the new A3-1 never gets the old A3-1's answer");
      assert.equal(row('A3-1').change, 'ny åtgärd i planen');
      assert.equal(row('A3-2').previousStatus, 'gron', 'the walks keep their answer under their new id');
      assert.equal(row('A3-3').previousStatus, 'rod');
      assert.deepEqual(report.versionChanges!.removed, [
        { id: 'U3', text: v1.actions.find((a) => a.id === 'U3')!.text, previousStatuses: ['SOC: Gul'] },
      ]);
      const md = reportMarkdown(report);
      assert.match(md, /## Ändringar i planen sedan förra uppföljningen \(version 2025 → 2025-2\)/);
      assert.match(md, /Nya åtgärder \(2\): A3-1 Inrätta ett trygghetsråd för centrum; U12 Erbjuda läxhjälp på biblioteken/);
      assert.match(md, /Borttagna åtgärder \(1\): U3 Utöka fältgruppens kvällsarbete[^(]*\(senast SOC: Gul\)/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
