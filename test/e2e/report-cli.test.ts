/** npm run report while the bot runs on the embedded store: says how to get the report instead of failing obscurely. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotProcess } from './bot-process';
import { ROOT } from '../fixtures/plan';

describe('the report CLI beside a running bot', function () {
  this.timeout(60_000);
  it("says the store is the running bot's, and how to get the report", async () => {
    const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-report-cli-'));
    const bot = await startBotProcess({ STORE_DIR: storeDir, SCHEDULER_INTERVAL_MS: '0' });
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/report.ts'), '--year', '2024', '--format', 'md'], {
        env: { ...process.env, STORE_DIR: storeDir },
        encoding: 'utf8',
        cwd: ROOT,
      });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /The bot is running on this store/);
      assert.match(run.stderr, /sammanställning 2024/);
      assert.match(run.stderr, /stop the bot/);
    } finally {
      const stopped = new Promise((r) => bot.child.once('exit', r));
      bot.child.kill('SIGTERM');
      await stopped;
      rmSync(storeDir, { recursive: true, force: true });
    }
  });
});
