/**
 * The checks before the tests, at once (each is one process on one core): the type check, the
 * linter and the formatter. Exits 1 if any failed, after printing what each said.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

// Each package's own command-line script, run by this node (as npm would, on any platform).
const root = join(__dirname, '..');
const bin = (pkg: string, path: string): string => join(root, 'node_modules', pkg, path);
const CHECKS: Array<[name: string, script: string, args: string[]]> = [
  ['types', bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', bin('eslint', 'bin/eslint.js'), ['.']],
  ['format', bin('prettier', 'bin/prettier.cjs'), ['--check', 'src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'eslint.config.mjs']],
];

interface Outcome {
  name: string;
  code: number | null;
  output: string;
}

async function main(): Promise<void> {
  const results = await Promise.all(
    CHECKS.map(
      ([name, script, args]) =>
        new Promise<Outcome>((resolve) => {
          const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          let output = '';
          child.stdout.on('data', (d: Buffer) => (output += d.toString()));
          child.stderr.on('data', (d: Buffer) => (output += d.toString()));
          child.on('close', (code) => resolve({ name, code, output }));
        }),
    ),
  );
  for (const { name, code, output } of results) {
    console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}`);
    if (code !== 0) console.log(output);
  }
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
}

void main();
