/**
 * npm run test:shuffle [-- --seed N]: the mocha suite in a seeded random order, within every suite
 * and of the suites themselves, to show that no test depends on another having run first. Prints
 * the seed; the same seed repeats the same order. Runs under tsx, as `npm run test:only` does.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { projectRoot } from '../src/project-root';

/** A small seeded generator (mulberry32): the same seed, the same order, on any machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffleSuite(suite: Mocha.Suite, next: () => number): void {
  suite.tests = shuffled(suite.tests, next);
  suite.suites = shuffled(suite.suites, next);
  for (const child of suite.suites) shuffleSuite(child, next);
}

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      // The slow ones (*.slow.test.ts: the App Service zip) run on their own: npm run test:package.
      return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.ts') && !name.endsWith('.slow.test.ts') ? [path] : [];
    });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--seed');
  const seed = at >= 0 ? Number(args[at + 1]) : Math.floor(Math.random() * 1_000_000);
  if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number');
  console.log(`test order seed ${seed} (repeat it: npm run test:shuffle -- --seed ${seed})`);
  const mocha = new Mocha({ timeout: 30_000 });
  for (const file of testFiles(join(projectRoot(__dirname), 'test'))) mocha.addFile(file);
  await mocha.loadFilesAsync();
  shuffleSuite(mocha.suite, random(seed));
  mocha.run((failures) => {
    console.log(`test order seed ${seed}: ${failures} failed`);
    process.exit(failures > 0 ? 1 : 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
