/**
 * The bot starts on the largest store the limits allow (docs/development.md, "Limits"), under its production heap
 * (--max-old-space-size=192, as npm start and the App Service run it). It aborted with "JavaScript
 * heap out of memory" while the embedded store read its whole journal as one text (#24).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillStore, importedPlan, largestStoreEnv, writePlanFiles } from '../../scripts/bench-limits';
import { ROOT } from '../fixtures/plan';

describe('the largest store', function () {
  this.timeout(300_000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-largest-'));
    const plan = await importedPlan((await writePlanFiles(dir)).csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    await fillStore(join(dir, 'store'), plan);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the bot starts on it under its production heap, and says it listens', async () => {
    const bot = spawn(process.execPath, ['--max-old-space-size=192', '--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: largestStoreEnv(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const outcome = await new Promise<string>((resolve) => {
      bot.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"event":"listening"')) resolve('listening');
      });
      bot.stderr.on('data', (d: Buffer) => (out += d.toString()));
      bot.on('exit', (code) => resolve(`exited ${code}`));
    });
    bot.kill('SIGTERM');
    assert.equal(outcome, 'listening', out.slice(-1500));
  });
});
