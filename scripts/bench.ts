/**
 * npm run bench — the figures the issues ask for, measured on this machine.
 *  (a) question answering in-process in the core: median and p99 per question;
 *  (k) a closed round's archive package (see bench-report.ts);
 *  (b) over HTTP through the real bot (a separate process) to a local Bot Connector: median and
 *      p99 round trip per question, and the ratio to the round trip of a trivial message ("hjälp");
 *  (c) peak RSS of the bot process (VmHWM) after the run.
 * Machines are shared and noisy: medians and ratios, question and trivial messages interleaved.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PlanAnswerer } from '../src/core/qa/answerer';
import { loadGlossary, loadPlan } from '../src/plan-files';
import { LocalConnector, teamsMessage } from '../src/devtools/local-connector';
import { projectRoot } from '../src/project-root';
import { QUESTIONS } from '../test/fixtures/questions';
import { benchFollowUp } from './bench-followup';
import { benchReachByEmail } from './bench-reach';
import { benchTwoInstances } from './bench-two-instances';
import { loadTest } from './bench-load';
import { benchLimits } from './bench-limits';

const ROOT = projectRoot(__dirname);
/** The same V8 flags as `npm start` (package.json); BOT_NODE_FLAGS in the environment overrides them for experiments. */
const BOT_NODE_FLAGS = (process.env.BOT_NODE_FLAGS ?? '--max-old-space-size=192').split(' ').filter(Boolean);
const TARGETS = { coreMedianMs: 2, httpOverheadRatio: 1.2, peakRssMb: 250, fanOutRatio: 1.2, answerP99Ms: 500 };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const median = (v: number[]) => percentile(v, 50);
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

function benchCore(questions: string[]): { median: number; p99: number; samples: number } {
  const answerer = new PlanAnswerer(loadPlan(join(ROOT, 'data/plan/plan-2023.json')), loadGlossary(join(ROOT, 'data/glossary/units.json')));
  for (let i = 0; i < 3; i++) for (const q of questions) answerer.answer(q); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerer.answer(q);
      times.push(performance.now() - t0);
    }
  }
  return { median: median(times), p99: percentile(times, 99), samples: times.length };
}

async function startBotProcess(): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  // The bot as it runs in production: compiled JavaScript (npm run bench builds first).
  const child = spawn(process.execPath, [...BOT_NODE_FLAGS, join(ROOT, 'dist/src/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MicrosoftAppId: '',
      USER_MESSAGES_PER_MINUTE: '1000000',
      STORE_DIR: mkdtempSync(join(tmpdir(), 'trygghetsbot-bench-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/[^"]+)\/api\/messages"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function benchHttp(
  questions: string[],
): Promise<{ question: number[]; trivial: number[]; rssMb: number; load: Awaited<ReturnType<typeof loadTest>> }> {
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const bot = await startBotProcess();
  const roundTrip = async (text: string): Promise<number> => {
    const conversationId = `bench-${randomUUID()}`;
    const t0 = performance.now();
    const waiting = connector.waitFor((r) => r.conversationId === conversationId, 1, 20_000);
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage({ serviceUrl, conversationId, text })),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    await waiting;
    return performance.now() - t0;
  };
  for (let i = 0; i < 2; i++) for (const q of questions) await roundTrip(q); // warm-up
  const question: number[] = [];
  const trivial: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of questions) {
      trivial.push(await roundTrip('hjälp'));
      question.push(await roundTrip(q));
    }
  }
  const load = await loadTest(bot.url, serviceUrl, questions);
  const rssMb = peakRssMb(bot.pid);
  await bot.stop();
  await connector.stop();
  return { question, trivial, rssMb, load };
}

async function main(): Promise<void> {
  const questions = QUESTIONS.map((q) => q.q).filter((q) => q.trim() !== '');
  console.log(`Question set: ${questions.length} questions (test/fixtures/questions.ts)\n`);

  const core = benchCore(questions);
  console.log(`(a) core, in-process, ${core.samples} answers`);
  console.log(
    `    median ${fmt(core.median)}   p99 ${fmt(core.p99)}   target median < ${TARGETS.coreMedianMs} ms: ${core.median < TARGETS.coreMedianMs ? 'PASS' : 'FAIL'}`,
  );

  const http = await benchHttp(questions);
  const ratio = median(http.question) / median(http.trivial);
  console.log(
    `\n(b) HTTP round trip through the bot process to the local connector, ${http.question.length} questions interleaved with ${http.trivial.length} trivial messages`,
  );
  console.log(`    questions: median ${fmt(median(http.question))}   p99 ${fmt(percentile(http.question, 99))}`);
  console.log(`    trivial ("hjälp"): median ${fmt(median(http.trivial))}   p99 ${fmt(percentile(http.trivial, 99))}`);
  console.log(
    `    ratio of medians question/trivial: ${ratio.toFixed(3)}   target < ${TARGETS.httpOverheadRatio}: ${ratio < TARGETS.httpOverheadRatio ? 'PASS' : 'FAIL'}`,
  );
  const load = http.load;
  const errors = load.non2xx + load.errors + load.timeouts;
  console.log(
    `\n(g) load test of /api/messages (autocannon, 8 connections, ${load.duration} s, the question mix): ${load.requests.average.toFixed(0)} requests/s sustained, latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, ${errors} errors of ${load.requests.total}: ${errors === 0 ? 'PASS' : 'FAIL'} (0 % errors)`,
  );
  console.log(
    `\n(c) bot process peak RSS (VmHWM), after (b) and (g): ${http.rssMb.toFixed(1)} MB   target < ${TARGETS.peakRssMb} MB: ${http.rssMb < TARGETS.peakRssMb ? 'PASS' : 'FAIL'}`,
  );

  const followUp = await benchFollowUp();
  console.log(`\n(d) follow-up fan-out: 500 recipients, connector limited to 50 requests/s, every 10th request 503 (${followUp.faults})`);
  console.log(
    `    finished in ${followUp.fanOutSeconds.toFixed(2)} s; over the minimum 10 s: ${followUp.ratio.toFixed(3)}   target <= ${TARGETS.fanOutRatio}: ${followUp.ratio <= TARGETS.fanOutRatio ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `    duplicates ${followUp.duplicates}, lost ${followUp.lost}   target 0 and 0: ${followUp.duplicates === 0 && followUp.lost === 0 ? 'PASS' : 'FAIL'}`,
  );
  // Three runs of 200 presses at once, each on a bot of its own: one burst is over in a few hundred
  // ms, and on a shared machine one neighbour's spike can fall inside it. Judged on the median.
  const answerRuns = [followUp, await benchFollowUp('setup'), await benchFollowUp('setup')];
  const p99s = answerRuns.map((r) => r.answerP99Ms);
  const medianP99 = median(p99s);
  const storedOnce = answerRuns.every((r) => r.storedOnce);
  console.log(`\n(e) 200 concurrent answer submissions over HTTP, three runs:`);
  for (const [i, r] of answerRuns.entries())
    console.log(
      `    run ${i + 1}: median ${fmt(r.answerMedianMs)}   p99 ${fmt(r.answerP99Ms)}   stored exactly once: ${r.storedOnce ? 'yes' : 'NO'}`,
    );
  console.log(
    `    p99, median of the runs: ${fmt(medianP99)}   target p99 < ${TARGETS.answerP99Ms} ms: ${medianP99 < TARGETS.answerP99Ms ? 'PASS' : 'FAIL'}   all stored exactly once: ${storedOnce ? 'PASS' : 'FAIL'}`,
  );
  const worst = <K extends 'storeOperationsPerAnswer' | 'roundOperationsPerAnswer'>(key: K) => ({
    reads: Math.max(...answerRuns.map((r) => r[key].reads)),
    writes: Math.max(...answerRuns.map((r) => r[key].writes)),
  });
  const allOps = worst('storeOperationsPerAnswer');
  const roundOps = worst('roundOperationsPerAnswer');
  console.log(
    `    store operations per saved answer (the most of the runs): ${allOps.reads.toFixed(2)} reads, ${allOps.writes.toFixed(2)} writes in all; the save's own (the round's partition): ${roundOps.reads.toFixed(2)} reads, ${roundOps.writes.toFixed(2)} writes   target <= 1 and 1: ${roundOps.reads <= 1 && roundOps.writes <= 1 ? 'PASS' : 'FAIL'}`,
  );
  const reach = await benchReachByEmail();
  console.log(
    `\n(h) reaching 500 contacts given by e-mail, none with the app (Graph 429 on 5 % with Retry-After 1 s: ${reach.graphThrottled}; connector 50 requests/s, 10 % 503: ${reach.connectorFaults})`,
  );
  console.log(
    `    Starta to the last message ${reach.seconds.toFixed(2)} s; over the minimum ${reach.minimumSeconds} s (3 requests a person at 50/s): ${reach.ratio.toFixed(3)}   target <= ${TARGETS.fanOutRatio}: ${reach.ratio <= TARGETS.fanOutRatio ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `    duplicates ${reach.duplicates}, lost ${reach.lost}, refused by the connector for going over its limit ${reach.over429}   target 0, 0 and 0: ${reach.duplicates === 0 && reach.lost === 0 && reach.over429 === 0 ? 'PASS' : 'FAIL'}`,
  );
  // Scaled out: the same fan-outs with two instances on one store. The embedded store serves one
  // process only, so both run on the Cosmos DB protocol server, slower than the figures above: one
  // instance on it is measured beside two, so that the store's cost and the second instance's are told apart.
  for (const byEmail of [false, true]) {
    const label = byEmail ? '(h)' : '(d)';
    const one = await benchTwoInstances(byEmail, 1);
    const two = await benchTwoInstances(byEmail, 2);
    console.log(`\n${label} on one Cosmos DB protocol store (@vercel/cosmosdb-server), connector 50 requests/s, 10 % 503:`);
    for (const [name, f] of [
      ['one instance', one],
      ['two instances, the second passing over the round at once from the other end', two],
    ] as const)
      console.log(
        `    ${name}: ${f.seconds.toFixed(2)} s, ${f.ratio.toFixed(3)} × the ${f.minimumSeconds} s minimum; sent ${f.sentBy[0]} + ${f.sentBy[1]}; ` +
          `duplicates ${f.duplicates}, lost ${f.lost}, refused for going over 50/s ${f.over429} (retried)   duplicates and lost 0: ${f.duplicates === 0 && f.lost === 0 ? 'PASS' : 'FAIL'}`,
      );
  }
  const report = reportBench<{
    rows: number;
    loadMedianMs: number;
    xlsxMedianMs: number;
    mdMedianMs: number;
    xlsxBytes: number;
    peakRssMb: number;
  }>('report');
  const word = reportBench<{ docxMedianMs: number; docxBytes: number; peakRssMb: number }>('Word report', 'docx');
  console.log(`\n(f) report for the full plan (${report.rows} rows, a year of answers and the previous year), each in its own process:`);
  console.log(
    `    read and build ${fmt(report.loadMedianMs)}   Excel ${fmt(report.xlsxMedianMs)} (${Math.round(report.xlsxBytes / 1024)} KB)   Markdown ${fmt(report.mdMedianMs)}   peak RSS ${report.peakRssMb.toFixed(1)} MB`,
  );
  console.log(
    `    Word with its chart ${fmt(word.docxMedianMs)} (${Math.round(word.docxBytes / 1024)} KB)   peak RSS ${word.peakRssMb.toFixed(1)} MB`,
  );

  const archive = reportBench<{
    rows: number;
    history: number;
    archiveMedianMs: number;
    zipBytes: number;
    peakRssMb: number;
  }>('archive', 'archive');
  console.log(
    `\n(k) a closed round's archive package (${archive.rows} rows, ${archive.history} changes in its history, the previous year beside it: Word, Excel, CSV, JSON, the plan, checksums, one zip), in its own process: ${fmt(archive.archiveMedianMs)} (${Math.round(archive.zipBytes / 1024)} KB)   peak RSS ${archive.peakRssMb.toFixed(1)} MB`,
  );

  const limits = (await benchLimits()) as {
    planXlsx300: { medianMs: number; peakRssMb: number };
    planXlsx: { medianMs: number; peakRssMb: number };
    planCsv: { medianMs: number; peakRssMb: number };
    contacts: { medianMs: number; peakRssMb: number };
    start: { medianMs: number; rssMb: number; store: Record<string, number> };
  };
  console.log(
    `\n(i) the limits (docs/development.md, "Limits"): the largest plan and contacts files, each imported in its own process (3 runs), and the bot started on the largest store under --max-old-space-size=192:`,
  );
  console.log(`    plan, Excel: ${fmt(limits.planXlsx.medianMs)}   peak RSS ${limits.planXlsx.peakRssMb.toFixed(1)} MB`);
  console.log(`    plan, CSV: ${fmt(limits.planCsv.medianMs)}   peak RSS ${limits.planCsv.peakRssMb.toFixed(1)} MB`);
  console.log(`    contacts: ${fmt(limits.contacts.medianMs)}   peak RSS ${limits.contacts.peakRssMb.toFixed(1)} MB`);
  console.log(
    `    start on ${JSON.stringify(limits.start.store)}: ${fmt(limits.start.medianMs)} to listening   RSS then ${limits.start.rssMb.toFixed(1)} MB`,
  );
  console.log(
    `\n(j) a municipality's own plan: a 300-row workbook from the template (20 units, partners not listed), imported in its own process (3 runs): ${fmt(limits.planXlsx300.medianMs)}   peak RSS ${limits.planXlsx300.peakRssMb.toFixed(1)} MB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** One part of bench-report.js in a process of its own (its peak RSS is its own): the figures it prints last. */
function reportBench<T>(what: string, ...args: string[]): T {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/bench-report.js'), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${what} bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}
