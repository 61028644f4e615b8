/**
 * Report generation for the full plan with a year of answers and a previous year, in a process of
 * its own so its peak memory is its own: prints JSON with median times and peak RSS.
 * Run by npm run bench: `node dist/scripts/bench-report.js` builds the Excel and Markdown reports,
 * `… docx` the Word report (with its chart) alone, `… archive` a closed round's archive package (a
 * zip with Word, Excel, CSV, JSON, the plan), so that each has its own peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../src/store/file-store';
import { recordsOn } from '../src/persistence/records-on-store';
import { FollowUp } from '../src/usecases/follow-up';
import { loadReport } from '../src/usecases/report';
import { reportWorkbook } from '../src/export/xlsx';
import { reportMarkdown } from '../src/export/markdown';
import { reportDocument } from '../src/export/docx';
import { loadGlossary, loadPlan } from '../src/plan-files';
import { projectRoot } from '../src/project-root';
import type { Answer, Round } from '../src/core/followup/model';
import { storeAnswer } from '../src/usecases/store-answer';
import { archiveZip } from '../src/usecases/archive-round';
import { OPERATOR } from '../src/usecases/access';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function main(): Promise<void> {
  const root = projectRoot(__dirname);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-bench-report-'));
  const store = new FileStore(dir);
  const service = new FollowUp(
    recordsOn(store),
    loadPlan(join(root, 'data/plan/plan-2023.json')),
    loadGlossary(join(root, 'data/glossary/units.json')),
  );
  const person = { upn: 'kontakt@linkoping.se', name: 'Kontakt Person' };
  const statuses = ['pagaende', 'paborjad', 'ej-paborjad'] as const;
  for (const year of [2023, 2024]) {
    const round: Round = {
      year,
      deadline: `${year + 1}-02-28`,
      state: 'closed',
      planVersion: '2023',
      startedBy: person,
      startedAt: `${year}-12-01T08:00:00Z`,
      reminderDaysBefore: [],
    };
    await service.rounds.createRound(round);
    for (const [i, o] of service.obligations.entries()) {
      const answer: Answer = {
        year,
        actionId: o.actionId,
        unit: o.unit,
        status: statuses[(i + year) % 3]!,
        description: `Utveckling under ${year}: `.padEnd(600, 'text '),
        answeredBy: person,
        answeredAt: `${year + 1}-01-20T09:00:00Z`,
        onBehalf: false,
      };
      await storeAnswer(service.rounds, answer);
      // The year's history: most rows are changed once more before the deadline.
      if (i % 4 !== 0)
        await storeAnswer(service.rounds, { ...answer, status: statuses[(i + year + 1) % 3]!, answeredAt: `${year + 1}-02-10T09:00:00Z` });
    }
  }
  if (process.argv[2] === 'archive') {
    const ms: number[] = [];
    let zipBytes = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const made = await archiveZip(service, OPERATOR, { year: 2024 });
      if (!made.ok) throw new Error(`archive refused: ${made.reason}`);
      ms.push(performance.now() - t);
      zipBytes = Buffer.byteLength(made.file.body);
    }
    const history = (await service.rounds.listHistory(2024)).length;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    console.log(
      JSON.stringify({
        rows: service.obligations.length,
        history,
        archiveMedianMs: median(ms),
        zipBytes,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return;
  }
  const word = process.argv[2] === 'docx';
  const times = { load: [] as number[], xlsx: [] as number[], md: [] as number[], docx: [] as number[] };
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    const report = (await loadReport(service, 2024))!;
    times.load.push(performance.now() - t);
    t = performance.now();
    if (word) {
      bytes = (await reportDocument(report)).length;
      times.docx.push(performance.now() - t);
      continue;
    }
    bytes = (await reportWorkbook(report)).length;
    times.xlsx.push(performance.now() - t);
    t = performance.now();
    reportMarkdown(report);
    times.md.push(performance.now() - t);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      rows: service.obligations.length,
      loadMedianMs: median(times.load),
      ...(word
        ? { docxMedianMs: median(times.docx), docxBytes: bytes }
        : { xlsxMedianMs: median(times.xlsx), mdMedianMs: median(times.md), xlsxBytes: bytes }),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
