/**
 * (i) The limits (docs/development.md, "Limits"), measured: importing the largest plan (as Excel and as CSV) and the
 * largest contacts file it allows, and starting the bot on the largest store it allows, under its
 * production heap. Each import runs in a process of its own (`node dist/scripts/bench-limits.js
 * plan-xlsx|plan-csv|contacts`) so that its peak RSS is its own; `store <dir>` fills a store.
 * Prints JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CONTACTS, MAX_CONTACTS_PER_UNIT, MAX_PLAN_ACTIONS, MAX_PLAN_UNITS } from '../src/core/limits';
import { importPlanFile } from '../src/plan-io/import-plan-file';
import { readContactsCsv } from '../src/plan-io/contacts-csv';
import { FileStore } from '../src/store/file-store';
import { recordsOn } from '../src/persistence/records-on-store';
import { FollowUp } from '../src/usecases/follow-up';
import { OPERATOR } from '../src/usecases/access';
import { importContacts } from '../src/usecases/manage-contacts';
import { obligationsFor } from '../src/core/followup/obligations';
import { storeAnswer } from '../src/usecases/store-answer';
import { projectRoot } from '../src/project-root';
import type { UnitGlossary } from '../src/core/plan/glossary';
import type { Plan } from '../src/core/plan/model';

const ROOT = projectRoot(__dirname);
const EMPTY_GLOSSARY = (): UnitGlossary => ({ units: [] }) as unknown as UnitGlossary;
const unitCode = (u: number) => `ENH${u}`;
const DESCRIPTION_CHARS = 500;
/** The largest store the limits name (docs/development.md): rounds kept, people who wrote to the bot. */
export const LARGEST_STORE = { rounds: 5, users: 20_000 };

/** A plan's size: the limits (the default), or a real municipality's (a 300-row workbook, 20 units). */
export interface PlanSize {
  actions: number;
  units: number;
}
const AT_THE_LIMITS: PlanSize = { actions: MAX_PLAN_ACTIONS, units: MAX_PLAN_UNITS };
export const REAL_SIZE: PlanSize = { actions: 300, units: 20 };

/**
 * The template's sheets: `size.actions` actions over `size.units` units, each with a long text; every
 * tenth cooperates with an authority the Enheter sheet does not list (taken in, with a warning).
 */
function planRows(size: PlanSize = AT_THE_LIMITS): { actions: string[][]; plan: string[][]; units: string[][] } {
  const actions = [['Område', 'Id', 'Åtgärd', 'Ansvarig', 'Samverkan', 'Finansiering', 'Tidsplan']];
  for (let i = 0; i < size.actions; i++)
    actions.push([
      `${(i % 8) + 1}. Område ${(i % 8) + 1}`,
      `X${i + 1}`,
      `Åtgärd nummer ${i + 1}: ${'utveckla det brottsförebyggande arbetet tillsammans med skola och fritid '.repeat(4)}`.trim(),
      unitCode(i % size.units),
      `${unitCode((i + 1) % size.units)}, Polisen${i % 10 === 0 ? ', Skatteverket' : ''}`,
      'Inom ram',
      '2026',
    ]);
  const plan = [
    ['Uppgift', 'Värde'],
    ['Kommun', 'Gränsby kommun'],
    ['Titel', 'Åtgärdsplan i största möjliga storlek'],
    ['Diarienummer', 'KS 2026/1'],
    ['Version', '2026'],
  ];
  const units = [
    ['Kod', 'Namn', 'Typ'],
    ...Array.from({ length: size.units }, (_, u) => [unitCode(u), `Förvaltning nummer ${u}`, 'förvaltning']),
    ['Polisen', 'Polismyndigheten', 'extern'],
  ];
  return { actions, plan, units };
}

const csv = (rows: string[][]) => `${rows.map((r) => r.join(';')).join('\n')}\n`;

export async function writePlanFiles(dir: string, size: PlanSize = AT_THE_LIMITS): Promise<{ xlsx: string; csv: string }> {
  const { actions, plan, units } = planRows(size);
  writeFileSync(join(dir, 'plan.csv'), csv(actions));
  writeFileSync(join(dir, 'plan-plan.csv'), csv(plan));
  writeFileSync(join(dir, 'plan-enheter.csv'), csv(units));
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of [
    ['Åtgärder', actions],
    ['Plan', plan],
    ['Enheter', units],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(join(dir, 'plan.xlsx'));
  return { xlsx: join(dir, 'plan.xlsx'), csv: join(dir, 'plan.csv') };
}

function contactsCsv(): string {
  const lines = ['unit,person,name'];
  for (let u = 0; u < MAX_PLAN_UNITS; u++)
    for (let i = 0; i < MAX_CONTACTS_PER_UNIT && lines.length <= MAX_CONTACTS; i++)
      lines.push(`${unitCode(u)},kontakt.${u}.${i}@gransby.se,Kontakt ${u}-${i}`);
  return `${lines.join('\n')}\n`;
}

const peakRssMb = (): number => {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

export async function importedPlan(file: string): Promise<Plan> {
  const { plan, problems } = await importPlanFile(file, EMPTY_GLOSSARY);
  if (!plan) throw new Error(problems.map((p) => p.message).join('; '));
  return plan;
}

/** Fills `dir` with the largest store: the contacts, the people who wrote to the bot, and the rounds with every answer given once and changed once. */
export async function fillStore(dir: string, plan: Plan): Promise<void> {
  const store = new FileStore(dir);
  const service = new FollowUp(recordsOn(store), plan, EMPTY_GLOSSARY());
  const contacts = readContactsCsv(contactsCsv(), [...new Set(obligationsFor(plan, EMPTY_GLOSSARY()).map((o) => o.unit))]).contacts;
  const imported = await importContacts(service, OPERATOR, { contacts, mode: 'replace' });
  if (!imported.ok) throw new Error(imported.reason);
  for (let i = 0; i < LARGEST_STORE.users; i++)
    await service.people.putUser({
      person: { aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, upn: `person.${i}@gransby.se`, name: `Person ${i}` },
      conversationId: `a:chat-${i}`,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: '00000000-0000-4000-8000-00000000aaaa',
      teamsUserId: `29:user-${i}`,
      locale: 'sv-SE',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
  const person = { upn: 'kontakt@gransby.se', name: 'Kontakt Person' };
  for (let r = 0; r < LARGEST_STORE.rounds; r++) {
    const year = 2020 + r;
    await service.rounds.createRound({
      year,
      deadline: `${year + 1}-02-28`,
      state: 'closed',
      planVersion: plan.planVersion,
      startedBy: person,
      startedAt: `${year}-12-01T08:00:00Z`,
      reminderDaysBefore: [],
    });
    for (const [i, o] of service.obligations.entries())
      for (const status of ['paborjad', 'pagaende'] as const)
        await storeAnswer(service.rounds, {
          year,
          actionId: o.actionId,
          unit: o.unit,
          status,
          description: `Utveckling ${year} ${i}: `.padEnd(DESCRIPTION_CHARS, 'text '),
          answeredBy: person,
          answeredAt: `${year + 1}-01-20T09:00:00Z`,
          onBehalf: false,
        });
  }
  await store.close();
}

async function child(mode: string, arg: string | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-limits-'));
  try {
    const files = await writePlanFiles(dir, mode === 'plan-xlsx-300' ? REAL_SIZE : AT_THE_LIMITS);
    const t0 = performance.now();
    if (mode === 'plan-xlsx' || mode === 'plan-csv' || mode === 'plan-xlsx-300') {
      const plan = await importedPlan(mode === 'plan-csv' ? files.csv : files.xlsx);
      console.log(JSON.stringify({ ms: performance.now() - t0, actions: plan.actions.length, peakRssMb: peakRssMb() }));
    } else if (mode === 'contacts') {
      const plan = await importedPlan(files.csv);
      const store = new FileStore(join(dir, 'store'));
      const service = new FollowUp(recordsOn(store), plan, EMPTY_GLOSSARY());
      const units = [...new Set(service.obligations.map((o) => o.unit))];
      const t1 = performance.now();
      const { contacts, errors } = readContactsCsv(contactsCsv(), units);
      if (errors.length) throw new Error(errors.join('; '));
      const result = await importContacts(service, OPERATOR, { contacts, mode: 'replace' });
      if (!result.ok) throw new Error(result.reason);
      console.log(JSON.stringify({ ms: performance.now() - t1, contacts: contacts.length, peakRssMb: peakRssMb() }));
      await store.close();
    } else if (mode === 'store') {
      const plan = await importedPlan(files.csv);
      writeFileSync(join(arg!, 'plan.json'), JSON.stringify(plan));
      await fillStore(join(arg!, 'store'), plan);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(mode: string, arg?: string): Record<string, number> {
  const run = spawnSync(process.execPath, [__filename, mode, ...(arg ? [arg] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${mode}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** The environment of a bot on the largest store filled in `dir` (`store` mode): local mode, its plan, no scheduler. */
export function largestStoreEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    MicrosoftAppId: '',
    STORE_DIR: join(dir, 'store'),
    PLAN_FILE: join(dir, 'plan.json'),
    SCHEDULER_INTERVAL_MS: '0',
  };
}

/** Starts the compiled bot on `dir`'s store under the production heap: ms until it listens, and its RSS then. */
function startOn(dir: string): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const bot = spawn(process.execPath, ['--max-old-space-size=192', join(ROOT, 'dist/src/main.js')], {
    env: largestStoreEnv(dir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (bot.kill(), reject(new Error(`did not start: ${out.slice(-2000)}`))), 120_000);
    bot.stderr.on('data', (d: Buffer) => (out += d.toString()));
    bot.on('exit', (code) => reject(new Error(`exited ${code}: ${out.slice(-2000)}`)));
    bot.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('"event":"listening"')) return;
      clearTimeout(timer);
      const ms = performance.now() - started;
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${bot.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      bot.removeAllListeners('exit');
      bot.kill('SIGTERM');
      resolve({ ms, rssMb: rss });
    });
  });
}

export async function benchLimits(): Promise<Record<string, unknown>> {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const three = (mode: string) => [0, 1, 2].map(() => runChild(mode));
  const summary = (runs: Array<Record<string, number>>) => ({
    medianMs: median(runs.map((r) => r.ms!)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb!)),
  });
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-largest-store-'));
  try {
    spawnSync(process.execPath, [__filename, 'store', dir], { stdio: 'inherit' });
    const starts = [];
    for (let i = 0; i < 3; i++) starts.push(await startOn(dir));
    return {
      planXlsx300: summary(three('plan-xlsx-300')),
      planXlsx: summary(three('plan-xlsx')),
      planCsv: summary(three('plan-csv')),
      contacts: summary(three('contacts')),
      start: {
        medianMs: median(starts.map((s) => s.ms)),
        rssMb: Math.max(...starts.map((s) => s.rssMb)),
        store: { ...LARGEST_STORE, contacts: MAX_CONTACTS, answersPerRound: MAX_PLAN_ACTIONS },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2]) {
  child(process.argv[2], process.argv[3]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
