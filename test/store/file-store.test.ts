/**
 * The embedded store on disk: what survives a restart, and every kind of damage to a journal
 * with its exact outcome. Only a last line cut off by a crash is repaired by itself (with a
 * warning); anything else refuses to open, names the file and the line, and leaves the file as it
 * was; store:check reports it and writes a repaired copy beside it.
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore, StoreDamagedError, type StoreNotice } from '../../src/store/file-store';
import { checkStoreFolder, describeReports } from '../../src/store/journal-check';
import { encodeLine } from '../../src/store/journal';
import { runBotExpectingExit } from '../e2e/bot-process';

type Notice = Parameters<StoreNotice>[0];

describe('embedded file store on disk', () => {
  let dir: string;
  let notices: Notice[];
  const open = (): FileStore => new FileStore(dir, (n) => notices.push(n));
  const journal = (): string => join(dir, 'rounds.jsonl');
  const lines = (): string[] => readFileSync(journal(), 'utf8').split('\n').filter(Boolean);

  /** A journal of three answers a, b, c (header + 3 lines), closed cleanly. */
  async function threeAnswers(): Promise<void> {
    const store = open();
    for (const id of ['a', 'b', 'c']) await store.create('rounds', { id, pk: '2026', type: 'answer', status: 'Pågående' });
    await store.close();
    notices = [];
  }

  /** Opening must fail, name the file and the line, and leave every byte of the file as it was. */
  function assertRefused(line: number, reason: RegExp): void {
    const before = readFileSync(journal());
    let error: unknown;
    try {
      open();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof StoreDamagedError, `expected StoreDamagedError, got ${String(error)}`);
    assert.equal(error.file, journal());
    assert.equal(error.damage[0]?.line, line);
    assert.match(error.damage[0]!.reason, reason);
    assert.match(error.message, new RegExp(`rounds\\.jsonl is damaged:\\n  line ${line}: `));
    assert.match(error.message, /npm run store:check/);
    assert.deepEqual(readFileSync(journal()), before, 'the damaged journal is left untouched');
    assert.ok(!existsSync(`${journal()}.compacting`));
    assert.ok(!existsSync(join(dir, 'store.lock')), 'a store that did not open holds no lock');
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-store-'));
    notices = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything across a restart, in numbered, checksummed lines under a header', async () => {
    const first = open();
    const v1 = await first.create('rounds', { id: 'a', pk: '2024', type: 'answer', n: 1 });
    await first.replace('rounds', { id: 'a', pk: '2024', type: 'answer', n: 2 }, v1._etag);
    await first.batch('rounds', '2024', [{ op: 'create', doc: { id: 'h', pk: '2024', type: 'history' } }]);
    await first.create('directory', { id: 'c', pk: 'contacts', type: 'contact' });
    await first.delete('directory', 'contacts', 'c');
    await first.close();
    assert.match(lines()[0]!, /^0\t[0-9a-f]{16}\t\{"journal":"trygghetsbot","format":2,"container":"rounds"\}$/);
    assert.match(lines()[3]!, /^3\t[0-9a-f]{16}\t\{"batch":/);
    const second = open();
    assert.equal((await second.read('rounds', '2024', 'a'))?.n, 2);
    assert.ok(await second.read('rounds', '2024', 'h'));
    assert.equal(await second.read('directory', 'contacts', 'c'), undefined);
    await second.close();
    assert.deepEqual(notices, [], 'a clean journal opens without a word');
  });

  it('torn last line (a crash mid-append): dropped with a warning naming file and line, everything before kept', async () => {
    await threeAnswers();
    appendFileSync(
      journal(),
      encodeLine(4, { batch: [{ put: { id: 'half', pk: '2026', type: 'answer', _etag: '"x"', _ts: 1 } }] }).slice(0, 40),
    );
    const store = open();
    assert.ok(await store.read('rounds', '2026', 'c'));
    assert.equal(await store.read('rounds', '2026', 'half'), undefined);
    await store.create('rounds', { id: 'd', pk: '2026', type: 'answer' });
    await store.close();
    assert.deepEqual(
      notices.map((n) => [n.event, n.file, n.line]),
      [['journal-torn-line-dropped', journal(), 5]],
    );
    notices = [];
    const again = open();
    assert.ok(await again.read('rounds', '2026', 'd'), 'the next write after the repair is kept');
    await again.close();
    assert.deepEqual(notices, []);
  });

  it('truncated in the middle of a line: the same as a torn line', async () => {
    await threeAnswers();
    const text = readFileSync(journal(), 'utf8');
    truncateSync(journal(), Buffer.byteLength(text) - 30);
    const store = open();
    assert.ok(await store.read('rounds', '2026', 'b'));
    assert.equal(await store.read('rounds', '2026', 'c'), undefined);
    await store.close();
    assert.equal(notices[0]?.event, 'journal-torn-line-dropped');
    assert.equal(notices[0]?.line, 4);
  });

  it('garbage in a middle line: refuses to open, line 3, file untouched', async () => {
    await threeAnswers();
    const all = lines();
    all[2] = 'this is not what was written';
    writeFileSync(journal(), `${all.join('\n')}\n`);
    assertRefused(3, /not a journal line/);
  });

  it('a middle line changed so that it still parses (answer edited by hand): the checksum finds it', async () => {
    await threeAnswers();
    writeFileSync(
      journal(),
      readFileSync(journal(), 'utf8').replace(
        '"id":"b","pk":"2026","type":"answer","status":"Pågående"',
        '"id":"b","pk":"2026","type":"answer","status":"Ej påbörjad"',
      ),
    );
    assertRefused(3, /checksum does not match/);
  });

  it('a line that parses and has a valid checksum but is not an entry: refused, not a TypeError', async () => {
    await threeAnswers();
    appendFileSync(journal(), encodeLine(4, { put: null } as never));
    assertRefused(5, /not a store entry/);
  });

  it('a middle line lost: the sequence breaks', async () => {
    await threeAnswers();
    const all = lines();
    all.splice(2, 1);
    writeFileSync(journal(), `${all.join('\n')}\n`);
    assertRefused(3, /out of sequence: number 3 where 2 belongs/);
  });

  it('the whole file replaced by garbage: refuses, line 1', async () => {
    await threeAnswers();
    writeFileSync(journal(), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x42, 0x0a]));
    assertRefused(1, /not a journal line/);
  });

  it("another container's journal in this one's place: refuses, line 1", async () => {
    await threeAnswers();
    writeFileSync(join(dir, 'directory.jsonl'), readFileSync(journal()));
    const before = readFileSync(join(dir, 'directory.jsonl'));
    assert.throws(
      () => open(),
      (e: unknown) =>
        e instanceof StoreDamagedError && e.file.endsWith('directory.jsonl') && /container "rounds", not "directory"/.test(e.message),
    );
    assert.deepEqual(readFileSync(join(dir, 'directory.jsonl')), before);
  });

  it('a journal of the earlier format (plain JSON lines) is read and rewritten with checksums', async () => {
    const doc = { id: 'old', pk: '2025', type: 'answer', _etag: '"1"', _ts: 1 };
    writeFileSync(journal(), `${JSON.stringify({ put: doc })}\n${JSON.stringify({ del: { pk: '2025', id: 'gone' } })}\n`);
    const store = open();
    assert.equal((await store.read('rounds', '2025', 'old'))?.id, 'old');
    await store.close();
    assert.equal(notices[0]?.event, 'journal-upgraded');
    assert.match(lines()[0]!, /^0\t/);
    // Damage in the earlier format is refused too.
    writeFileSync(journal(), `${JSON.stringify({ put: doc })}\n{"put":{"id":1}}\n${JSON.stringify({ put: { ...doc, id: 'x' } })}\n`);
    assertRefused(2, /not a store entry/);
  });

  it('store:check reports each damaged line and writes a repaired copy beside the original, never changing it', async () => {
    await threeAnswers();
    const all = lines();
    all[2] = `${all[2]!.slice(0, -3)}xx}`;
    writeFileSync(journal(), `${all.join('\n')}\n`);
    const original = readFileSync(journal());

    const reports = checkStoreFolder(dir);
    const rounds = reports.find((r) => r.container === 'rounds')!;
    assert.deepEqual(
      rounds.damage.map((d) => d.line),
      [3],
    );
    assert.equal(rounds.documents, 2);
    assert.equal(rounds.repairedCopy, undefined);
    assert.match(describeReports(reports, dir), /rounds\.jsonl: DAMAGED \(1 line\)[\s\S]*line 3: checksum does not match[\s\S]*--repair/);

    const repaired = checkStoreFolder(dir, { repair: true }).find((r) => r.container === 'rounds')!;
    assert.equal(repaired.repairedCopy, `${journal()}.repaired`);
    assert.deepEqual(readFileSync(journal()), original, 'the original is unchanged');
    // The operator puts the copy in place: it opens, with every line that was good.
    writeFileSync(journal(), readFileSync(`${journal()}.repaired`));
    const store = open();
    assert.ok(await store.read('rounds', '2026', 'a'));
    assert.equal(await store.read('rounds', '2026', 'b'), undefined, 'the damaged write is the one lost');
    assert.ok(await store.read('rounds', '2026', 'c'));
    await store.close();
  });

  it('the bot refuses to start on a damaged journal, naming the file and line; the CLI exits 1', async function () {
    this.timeout(40_000);
    await threeAnswers();
    const all = lines();
    all[1] = 'garbage';
    writeFileSync(journal(), `${all.join('\n')}\n`);
    const before = readFileSync(journal());
    const { code, output } = await runBotExpectingExit({ STORE_DIR: dir });
    assert.equal(code, 1);
    assert.match(output, /rounds\.jsonl is damaged:\n {2}line 2: not a journal line/);
    assert.ok(!/at \w+ \(/.test(output), 'no stack trace, the message is for the operator');
    assert.ok(!/"event":"listening"/.test(output), 'never listened, so never answered /readyz');
    assert.deepEqual(readFileSync(journal()), before);

    const cli = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/cli/store-check.ts'), '--dir', dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (c) => resolve({ code: c, out }));
    });
    assert.equal(cli.code, 1);
    assert.match(cli.out, /line 2: not a journal line/);
  });

  it('writes made together share one fsync, and every acknowledged one is there after a restart', async () => {
    const store = open();
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.create('rounds', { id: `a${i}`, pk: '2026', type: 'answer' })));
    await store.close();
    assert.equal(lines().length, 101, 'a header and one line per write');
    const again = open();
    assert.equal((await again.listPartition('rounds', '2026')).length, 100);
    await again.close();
  });

  it('stops, and says so, when the disk refuses a write (fail-stop: memory is never ahead of a working disk)', async () => {
    const store = open();
    await store.create('rounds', { id: 'kept', pk: 'p', type: 't' });
    const rounds = (store as unknown as { containers: Map<string, { fd: number }> }).containers.get('rounds')!;
    const fd = rounds.fd;
    rounds.fd = 2 ** 30; // a file descriptor that does not exist: the next write fails as a full or lost disk would
    await assert.rejects(store.create('rounds', { id: 'lost', pk: 'p', type: 't' }), /could not write/);
    await assert.rejects(store.create('rounds', { id: 'after', pk: 'p', type: 't' }), /could not write/);
    await assert.rejects(store.ping(), /could not write/);
    rounds.fd = fd;
    await store.close();
    const again = open();
    assert.ok(await again.read('rounds', 'p', 'kept'));
    assert.equal(await again.read('rounds', 'p', 'lost'), undefined);
    await again.close();
  });

  describe('the lock', () => {
    let other: ChildProcess | undefined;
    afterEach(() => other?.kill('SIGKILL'));

    const lockOf = (pid: number, startTicks: string | null = null): string => JSON.stringify({ pid, host: hostname(), startTicks });

    it('refuses a second bot on the same folder while the first runs', async () => {
      // A real second process that holds the store.
      other = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `const { FileStore } = require(${JSON.stringify(join(__dirname, '../../src/store/file-store.ts'))}); new FileStore(${JSON.stringify(dir)}); console.log('open'); setInterval(() => {}, 1000);`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) => other!.stdout!.once('data', () => resolve()));
      assert.throws(() => open(), new RegExp(`in use by process ${other.pid}`));
    });

    it('takes over a lock whose process is gone, and one whose pid now belongs to an unrelated process', async () => {
      writeFileSync(join(dir, 'store.lock'), lockOf(999_999_999));
      const store = open();
      await store.close();
      assert.equal(notices[0]?.event, 'store-lock-taken-over');
      // A live process that is not the bot that wrote the lock (its pid was handed out again).
      other = spawn('sleep', ['30']);
      writeFileSync(join(dir, 'store.lock'), lockOf(other.pid!, '1'));
      const again = open();
      assert.equal(JSON.parse(readFileSync(join(dir, 'store.lock'), 'utf8')).pid, process.pid);
      await again.close();
      // The lock format before this one (the pid alone) naming a live process that does not run Node.
      writeFileSync(join(dir, 'store.lock'), String(other.pid));
      const third = open();
      await third.close();
      assert.ok(!existsSync(join(dir, 'store.lock')), 'closing removes its own lock');
    });
  });
});
