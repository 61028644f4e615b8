import { strict as assert } from 'node:assert';
import { allBackends } from '../store/backends';
import { FollowUpStore } from '../../src/application/followup-store';
import { ConflictError, type DocumentStore } from '../../src/store/document-store';
import type { Answer, Round } from '../../src/core/followup/model';

const anna = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Anna' };
let yearSeq = 3000;

for (const backend of allBackends()) {
  describe(`follow-up store on ${backend.name}`, function () {
    this.timeout(30_000);
    let store: DocumentStore;
    let data: FollowUpStore;
    let year: number;
    before(async () => {
      store = await backend.open();
      data = new FollowUpStore(store);
    });
    beforeEach(async () => {
      year = ++yearSeq;
      const round: Round = {
        year,
        deadline: `${year + 1}-02-28`,
        state: 'open',
        planVersion: '2023',
        startedBy: anna,
        startedAt: new Date().toISOString(),
        reminderDaysBefore: [7],
      };
      await data.createRound(round);
    });
    after(async () => {
      await store.close();
      await backend.cleanup();
    });

    const answer = (over: Partial<Answer> = {}): Answer => ({
      year,
      actionId: 'A16-1',
      unit: 'SF',
      status: 'pagaende',
      description: 'Enligt plan.',
      answeredBy: anna,
      answeredAt: new Date().toISOString(),
      onBehalf: false,
      ...over,
    });

    it('refuses a second round for the same year', async () => {
      const round = await data.getRound(year);
      assert.ok(round);
      await assert.rejects(data.createRound({ ...round, _etag: undefined } as never), ConflictError);
    });

    it('stores an answer with a deterministic id and a history entry', async () => {
      assert.equal(await data.saveAnswer(answer()), 'created');
      const stored = await data.getAnswer(year, 'A16-1', 'SF');
      assert.equal(stored?.status, 'pagaende');
      const history = await data.listHistory(year);
      assert.equal(history.length, 1);
      assert.equal(history[0]!.before, null);
      assert.deepEqual(history[0]!.after, { status: 'pagaende', description: 'Enligt plan.' });
    });

    it('stores a changed answer once and records before and after', async () => {
      await data.saveAnswer(answer());
      assert.equal(await data.saveAnswer(answer({ status: 'paborjad', description: 'Behöver utvecklas.' })), 'changed');
      const history = await data.listHistory(year);
      assert.equal(history.length, 2);
      const change = history.find((h) => h.before !== null)!;
      assert.deepEqual(change.before, { status: 'pagaende', description: 'Enligt plan.' });
      assert.deepEqual(change.after, { status: 'paborjad', description: 'Behöver utvecklas.' });
      assert.equal((await data.listAnswers(year)).length, 1);
    });

    it('stores a double click or a retried request once', async () => {
      const outcomes = await Promise.all([data.saveAnswer(answer()), data.saveAnswer(answer()), data.saveAnswer(answer())]);
      assert.deepEqual(outcomes.sort(), ['created', 'unchanged', 'unchanged']);
      assert.equal((await data.listAnswers(year)).length, 1);
      assert.equal((await data.listHistory(year)).length, 1);
    });

    it('keeps every concurrent change, each in the history, with the last one stored', async () => {
      await data.saveAnswer(answer());
      const texts = ['Ett', 'Två', 'Tre', 'Fyra'];
      await Promise.all(texts.map((t) => data.saveAnswer(answer({ description: t }))));
      const history = await data.listHistory(year);
      assert.equal(history.length, 1 + texts.length);
      const stored = await data.getAnswer(year, 'A16-1', 'SF');
      // The stored answer is the "after" of the history entry nobody's "before" points back to.
      assert.ok(texts.includes(stored!.description));
    });

    it('keeps contacts, roles and users in the directory', async () => {
      const unit = `TEST-${year}`;
      await data.setUnitContacts(unit, [anna, { upn: 'Erik.Eriksson@example.com' }]);
      assert.equal((await data.listContacts()).filter((c) => c.unit === unit).length, 2);
      await data.setUnitContacts(unit, [{ upn: 'erik.eriksson@example.com' }]);
      assert.deepEqual(
        (await data.listContacts()).filter((c) => c.unit === unit).map((c) => c.person.upn),
        ['erik.eriksson@example.com'],
      );
      const read = await data.getRoles();
      assert.equal(await data.replaceRoles({ admins: [anna], safetyChief: anna }, read._etag), 'saved');
      assert.equal((await data.getRoles()).safetyChief?.aadObjectId, anna.aadObjectId);
      // Changed by someone else since it was read: nothing written.
      assert.equal(await data.replaceRoles({ admins: [], safetyChief: null }, read._etag), 'conflict');
      assert.equal((await data.getRoles()).admins.length, 1);
    });

    // Ids are built from plan text and people's addresses; Cosmos DB does not allow / \\ ? # in ids
    // (botbuilder's storage tests call these "crazy keys").
    it('stores answers, history and contacts whose units hold / \\ ? # % | and spaces', async () => {
      const unit = `SÄK/KLF \\ fråga? #1 100% a|b ${year}`;
      assert.equal(await data.saveAnswer(answer({ unit })), 'created');
      assert.equal((await data.getAnswer(year, 'A16-1', unit))?.unit, unit);
      assert.equal(await data.saveAnswer(answer({ unit, status: 'paborjad' })), 'changed');
      assert.deepEqual((await data.listHistory(year)).filter((h) => h.unit === unit).length, 2);
      await data.setUnitContacts(unit, [anna, { upn: 'o#brien/test@example.com' }]);
      assert.equal((await data.listContacts()).filter((c) => c.unit === unit).length, 2);
      await data.removeContact({ unit, person: { upn: 'o#brien/test@example.com' } });
      assert.deepEqual(
        (await data.listContacts()).filter((c) => c.unit === unit).map((c) => c.person.aadObjectId),
        [anna.aadObjectId],
      );
      await data.putUser({ person: { upn: 'o#brien/test@example.com' }, conversationId: 'a:1', updatedAt: new Date().toISOString() });
      assert.equal((await data.getUser({ upn: 'o#brien/test@example.com' }))?.conversationId, 'a:1');
    });

    it("keeps the municipality's words, one per word, and the counted unknown words by ETag", async () => {
      const word = { word: `drönare${year}`, planTerms: ['kamerabevakning'], setBy: 'anna@example.com', setAt: '2026-11-27T08:00:00.000Z' };
      await data.putMunicipalityWord(word);
      await data.putMunicipalityWord({ ...word, planTerms: ['kamerabevakning', 'trygghetskameror'] });
      assert.deepEqual(
        (await data.listMunicipalityWords()).filter((w) => w.word === word.word),
        [{ ...word, planTerms: ['kamerabevakning', 'trygghetskameror'] }],
      );
      assert.equal(await data.deleteMunicipalityWord(word.word), true);
      assert.equal(await data.deleteMunicipalityWord(word.word), false, 'gone: nothing to delete');

      const first = await data.getUnknownWords();
      const counted = [{ word: 'drönarna', count: 1, lastSeen: '2026-11-27T08:00:00.000Z' }];
      assert.equal(await data.replaceUnknownWords(counted, first._etag), 'saved');
      // Another instance that read before this write must read again: its write would lose the count.
      assert.equal(await data.replaceUnknownWords([], first._etag), 'conflict');
      const second = await data.getUnknownWords();
      assert.deepEqual(second.words, counted);
      assert.equal(await data.replaceUnknownWords([{ ...counted[0]!, count: 2 }], second._etag), 'saved');
      assert.equal((await data.getUnknownWords()).words[0]!.count, 2);
    });

    it('gives a lease to one owner at a time, and to another once it expires', async () => {
      const name = `scheduler-${year}`;
      const results = await Promise.all([data.acquireLease(name, 'bot-1', 60_000), data.acquireLease(name, 'bot-2', 60_000)]);
      assert.deepEqual(results.filter(Boolean).length, 1);
      const holder = results[0] ? 'bot-1' : 'bot-2';
      const other = holder === 'bot-1' ? 'bot-2' : 'bot-1';
      assert.equal(await data.acquireLease(name, holder, 60_000), true, 'the holder renews');
      assert.equal(await data.acquireLease(name, other, 60_000, Date.now() + 61_000), true, 'expired: another takes it');
    });
  });
}
