import { strict as assert } from 'node:assert';
import { allBackends } from '../store/backends';
import { recordsOn } from '../../src/persistence/records-on-store';
import type { DocumentStore } from '../../src/store/document-store';
import type { Records } from '../../src/usecases/ports';
import { storeAnswer } from '../../src/usecases/store-answer';
import type { Answer, Round } from '../../src/core/followup/model';

const anna = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Anna' };
let yearSeq = 3000;

for (const backend of allBackends()) {
  describe(`the follow-up's records on ${backend.name}`, function () {
    this.timeout(30_000);
    let store: DocumentStore;
    let data: Records;
    let year: number;
    before(async () => {
      store = await backend.open();
      data = recordsOn(store);
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
      await data.rounds.createRound(round);
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
      const round = await data.rounds.getRound(year);
      assert.ok(round);
      const { _etag, ...again } = round;
      assert.equal(await data.rounds.createRound(again), 'exists');
    });

    it('stores an answer with a deterministic id and a history entry', async () => {
      assert.equal(await storeAnswer(data.rounds, answer()), 'created');
      const stored = await data.rounds.getAnswer(year, 'A16-1', 'SF');
      assert.equal(stored?.status, 'pagaende');
      const history = await data.rounds.listHistory(year);
      assert.equal(history.length, 1);
      assert.equal(history[0]!.before, null);
      assert.deepEqual(history[0]!.after, { status: 'pagaende', description: 'Enligt plan.' });
    });

    it('stores a changed answer once and records before and after', async () => {
      await storeAnswer(data.rounds, answer());
      assert.equal(await storeAnswer(data.rounds, answer({ status: 'paborjad', description: 'Behöver utvecklas.' })), 'changed');
      const history = await data.rounds.listHistory(year);
      assert.equal(history.length, 2);
      const change = history.find((h) => h.before !== null)!;
      assert.deepEqual(change.before, { status: 'pagaende', description: 'Enligt plan.' });
      assert.deepEqual(change.after, { status: 'paborjad', description: 'Behöver utvecklas.' });
      assert.equal((await data.rounds.listAnswers(year)).length, 1);
    });

    it('stores a double click or a retried request once', async () => {
      const outcomes = await Promise.all([
        storeAnswer(data.rounds, answer()),
        storeAnswer(data.rounds, answer()),
        storeAnswer(data.rounds, answer()),
      ]);
      assert.deepEqual(outcomes.sort(), ['created', 'unchanged', 'unchanged']);
      assert.equal((await data.rounds.listAnswers(year)).length, 1);
      assert.equal((await data.rounds.listHistory(year)).length, 1);
    });

    it('keeps every concurrent change, each in the history, with the last one stored', async () => {
      await storeAnswer(data.rounds, answer());
      const texts = ['Ett', 'Två', 'Tre', 'Fyra'];
      await Promise.all(texts.map((t) => storeAnswer(data.rounds, answer({ description: t }))));
      const history = await data.rounds.listHistory(year);
      assert.equal(history.length, 1 + texts.length);
      const stored = await data.rounds.getAnswer(year, 'A16-1', 'SF');
      // The stored answer is the "after" of the history entry nobody's "before" points back to.
      assert.ok(texts.includes(stored!.description));
    });

    it('keeps contacts, roles and users in the directory', async () => {
      const unit = `TEST-${year}`;
      await data.people.setUnitContacts(unit, [anna, { upn: 'Erik.Eriksson@example.com' }]);
      assert.equal((await data.people.listContacts()).filter((c) => c.unit === unit).length, 2);
      await data.people.setUnitContacts(unit, [{ upn: 'erik.eriksson@example.com' }]);
      assert.deepEqual(
        (await data.people.listContacts()).filter((c) => c.unit === unit).map((c) => c.person.upn),
        ['erik.eriksson@example.com'],
      );
      const read = await data.people.getRoles();
      assert.equal(await data.people.replaceRoles({ admins: [anna], safetyChief: anna }, read._etag), 'saved');
      assert.equal((await data.people.getRoles()).safetyChief?.aadObjectId, anna.aadObjectId);
      // Changed by someone else since it was read: nothing written.
      assert.equal(await data.people.replaceRoles({ admins: [], safetyChief: null }, read._etag), 'conflict');
      assert.equal((await data.people.getRoles()).admins.length, 1);
    });

    // Ids are built from plan text and people's addresses; Cosmos DB does not allow / \\ ? # in ids
    // (botbuilder's storage tests call these "crazy keys").
    it('stores answers, history and contacts whose units hold / \\ ? # % | and spaces', async () => {
      const unit = `SÄK/KLF \\ fråga? #1 100% a|b ${year}`;
      assert.equal(await storeAnswer(data.rounds, answer({ unit })), 'created');
      assert.equal((await data.rounds.getAnswer(year, 'A16-1', unit))?.unit, unit);
      assert.equal(await storeAnswer(data.rounds, answer({ unit, status: 'paborjad' })), 'changed');
      assert.deepEqual((await data.rounds.listHistory(year)).filter((h) => h.unit === unit).length, 2);
      await data.people.setUnitContacts(unit, [anna, { upn: 'o#brien/test@example.com' }]);
      assert.equal((await data.people.listContacts()).filter((c) => c.unit === unit).length, 2);
      await data.people.removeContact({ unit, person: { upn: 'o#brien/test@example.com' } });
      assert.deepEqual(
        (await data.people.listContacts()).filter((c) => c.unit === unit).map((c) => c.person.aadObjectId),
        [anna.aadObjectId],
      );
      await data.people.putUser({
        person: { upn: 'o#brien/test@example.com' },
        conversationId: 'a:1',
        updatedAt: new Date().toISOString(),
      });
      assert.equal((await data.people.getUser({ upn: 'o#brien/test@example.com' }))?.conversationId, 'a:1');
    });

    it("keeps the municipality's words, one per word, and the counted unknown words by ETag", async () => {
      const word = { word: `drönare${year}`, planTerms: ['kamerabevakning'], setBy: 'anna@example.com', setAt: '2026-11-27T08:00:00.000Z' };
      await data.words.putMunicipalityWord(word);
      await data.words.putMunicipalityWord({ ...word, planTerms: ['kamerabevakning', 'trygghetskameror'] });
      assert.deepEqual(
        (await data.words.listMunicipalityWords()).filter((w) => w.word === word.word),
        [{ ...word, planTerms: ['kamerabevakning', 'trygghetskameror'] }],
      );
      assert.equal(await data.words.deleteMunicipalityWord(word.word), true);
      assert.equal(await data.words.deleteMunicipalityWord(word.word), false, 'gone: nothing to delete');

      const first = await data.words.getUnknownWords();
      const counted = [{ word: 'drönarna', count: 1, lastSeen: '2026-11-27T08:00:00.000Z' }];
      assert.equal(await data.words.replaceUnknownWords(counted, first._etag), 'saved');
      // Another instance that read before this write must read again: its write would lose the count.
      assert.equal(await data.words.replaceUnknownWords([], first._etag), 'conflict');
      const second = await data.words.getUnknownWords();
      assert.deepEqual(second.words, counted);
      assert.equal(await data.words.replaceUnknownWords([{ ...counted[0]!, count: 2 }], second._etag), 'saved');
      assert.equal((await data.words.getUnknownWords()).words[0]!.count, 2);
    });

    it('comes back with a conflict, writing nothing, when the answer changed since it was read', async () => {
      assert.equal(await data.rounds.saveAnswer(answer(), null), 'created');
      const read = (await data.rounds.getAnswer(year, 'A16-1', 'SF'))!;
      assert.equal(await data.rounds.saveAnswer(answer({ description: 'Först' }), read), 'changed');
      assert.equal(await data.rounds.saveAnswer(answer({ description: 'Sist' }), read), 'conflict', 'the ETag read is stale');
      assert.equal(await data.rounds.saveAnswer(answer({ description: 'Ny' }), null), 'conflict', 'there is one already');
      assert.equal((await data.rounds.getAnswer(year, 'A16-1', 'SF'))?.description, 'Först');
      assert.equal((await data.rounds.listHistory(year)).length, 2, 'no history entry for what was not written');
      const { _etag, ...round } = (await data.rounds.getRound(year))!;
      assert.equal(await data.rounds.updateRound({ ...round, state: 'closed' }, _etag), 'saved');
      assert.equal(await data.rounds.updateRound({ ...round, deadline: '2099-01-01' }, _etag), 'conflict');
    });

    it("keeps a closed round's answers for later cards, and reads an open round's each time", async () => {
      await storeAnswer(data.rounds, answer());
      assert.equal((await data.rounds.earlierAnswers(year)).length, 1);
      await storeAnswer(data.rounds, answer({ unit: 'KLF' }));
      assert.equal((await data.rounds.earlierAnswers(year)).length, 2, 'open: read again');
      const { _etag, ...round } = (await data.rounds.getRound(year))!;
      await data.rounds.updateRound({ ...round, state: 'closed' }, _etag);
      assert.equal((await data.rounds.earlierAnswers(year)).length, 2);
      const reads = store.listPartition.bind(store);
      let read = 0;
      store.listPartition = ((...args: Parameters<typeof reads>) => ((read += 1), reads(...args))) as typeof store.listPartition;
      try {
        await data.rounds.earlierAnswers(year);
        await data.rounds.earlierAnswers(year);
      } finally {
        store.listPartition = reads;
      }
      assert.equal(read, 0, 'closed: kept');
      assert.deepEqual(await data.rounds.earlierAnswers(year + 5000), [], 'no such round: none');
    });

    it('gives a lease to one owner at a time, and to another once it expires', async () => {
      const name = `scheduler-${year}`;
      const results = await Promise.all([data.leases.acquire(name, 'bot-1', 60_000), data.leases.acquire(name, 'bot-2', 60_000)]);
      assert.deepEqual(results.filter(Boolean).length, 1);
      const holder = results[0] ? 'bot-1' : 'bot-2';
      const other = holder === 'bot-1' ? 'bot-2' : 'bot-1';
      assert.equal(await data.leases.acquire(name, holder, 60_000), true, 'the holder renews');
      assert.equal(await data.leases.acquire(name, other, 60_000, Date.now() + 61_000), true, 'expired: another takes it');
    });
  });
}
