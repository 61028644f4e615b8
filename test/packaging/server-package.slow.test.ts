/**
 * The App Service zip, built as `npm run package:server` builds it: production dependencies only,
 * for Linux, no development tools; unpacked in an empty folder, the bot starts from it and
 * answers /readyz.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { buildServerPackage } from '../../src/packaging/server-package';
import { ROOT } from '../fixtures/plan';

describe('npm run package:server', function () {
  this.timeout(300_000);
  let dir: string;
  let entries: string[];
  let zipFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-server-'));
    zipFile = join(dir, 'app.zip');
    const built = await buildServerPackage(ROOT, zipFile, { folder: join(dir, 'staging') });
    assert.ok(built.bytes > 1_000_000 && built.bytes < 90 * 1024 * 1024, `${built.bytes} bytes`);
    entries = Object.keys((await JSZip.loadAsync(readFileSync(zipFile))).files);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the compiled bot, its data and production dependencies with the Linux binaries, and no development tools', () => {
    for (const needed of [
      'dist/src/main.js',
      'data/plan/plan-2023.json',
      'data/glossary/units.json',
      'appPackage/manifest.json',
      'package.json',
      'node_modules/botbuilder/package.json',
      'node_modules/@azure/cosmos/package.json',
      'node_modules/@resvg/resvg-js-linux-x64-gnu/package.json',
    ])
      assert.ok(entries.includes(needed), needed);
    const devTools = ['typescript', 'mocha', 'eslint', 'tsx', 'prettier', 'playwright-core', '@vercel/cosmosdb-server', 'autocannon'];
    for (const tool of devTools) assert.ok(!entries.some((e) => e.startsWith(`node_modules/${tool}/`)), `${tool} is not in the zip`);
    assert.ok(
      !entries.some((e) => e.startsWith('src/') || e.startsWith('test/') || e.startsWith('dist/test/') || e.startsWith('scripts/')),
    );
    assert.ok(!entries.some((e) => /\.(map|d\.ts)$/.test(e)), 'no source maps or type declarations');
    assert.ok(!entries.some((e) => e.includes('/.bin/')));
    // Other platforms' binaries stay out, whatever desktop built it.
    assert.ok(!entries.some((e) => /resvg-js-(win32|darwin)/.test(e)));
  });

  it('starts from the unpacked zip and answers /readyz, with no npm run step', async () => {
    const app = join(dir, 'wwwroot');
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    for (const [name, file] of Object.entries(zip.files)) {
      if (file.dir) continue;
      mkdirSync(dirname(join(app, name)), { recursive: true });
      writeFileSync(join(app, name), await file.async('nodebuffer'));
    }
    const child = spawn(process.execPath, ['--max-old-space-size=192', 'dist/src/main.js'], {
      cwd: app,
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', STORE_DIR: join(dir, 'store'), SCHEDULER_INTERVAL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /"url":"(http:\/\/[^"]+)\/api\/messages"/.exec(out);
          if (found) resolve(found[1]!);
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
