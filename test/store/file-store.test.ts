import { strict as assert } from 'node:assert';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/store/file-store';

describe('embedded file store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps everything across a restart', async () => {
    const first = new FileStore(dir);
    const v1 = await first.create('rounds', { id: 'a', pk: '2024', type: 'answer', n: 1 });
    await first.replace('rounds', { id: 'a', pk: '2024', type: 'answer', n: 2 }, v1._etag);
    await first.batch('rounds', '2024', [{ op: 'create', doc: { id: 'h', pk: '2024', type: 'history' } }]);
    await first.create('directory', { id: 'c', pk: 'contacts', type: 'contact' });
    await first.delete('directory', 'contacts', 'c');
    await first.close();
    const second = new FileStore(dir);
    const a = await second.read('rounds', '2024', 'a');
    assert.equal(a?.n, 2);
    assert.ok(await second.read('rounds', '2024', 'h'));
    assert.equal(await second.read('directory', 'contacts', 'c'), undefined);
    await second.close();
  });

  it('drops a batch torn by a crash in the middle of its line, keeping everything before it', async () => {
    const store = new FileStore(dir);
    await store.create('rounds', { id: 'kept', pk: 'p', type: 't' });
    await store.close();
    // A crash while writing: half a line at the end of the journal.
    appendFileSync(join(dir, 'rounds.jsonl'), '{"batch":[{"put":{"id":"half","pk":"p"');
    const reopened = new FileStore(dir);
    assert.ok(await reopened.read('rounds', 'p', 'kept'));
    assert.equal(await reopened.read('rounds', 'p', 'half'), undefined);
    await reopened.close();
  });

  it('refuses a second process on the same folder while the first runs', async () => {
    const store = new FileStore(dir);
    writeFileSync(join(dir, 'store.lock'), String(process.ppid)); // a live process that is not us
    assert.throws(() => new FileStore(dir), /in use by process/);
    writeFileSync(join(dir, 'store.lock'), String(process.pid));
    await store.close();
    // A lock left by a process that is gone does not block.
    writeFileSync(join(dir, 'store.lock'), '999999');
    const again = new FileStore(dir);
    assert.equal(readFileSync(join(dir, 'store.lock'), 'utf8'), String(process.pid));
    await again.close();
  });
});
