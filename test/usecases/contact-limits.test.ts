/**
 * Bounds on contacts (#24), on the embedded file store and the Cosmos DB protocol: a unit and the
 * bot keep at most so many, said in a refusal; a file of contacts goes in whole or not at all, even
 * when it takes more batches than one and the store fails part way.
 */
import { strict as assert } from 'node:assert';
import { fileBackend, localCosmosBackend, type Backend } from '../store/backends';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { OPERATOR } from '../../src/usecases/access';
import { addContacts, importContacts, listContacts, replaceUnitContacts } from '../../src/usecases/manage-contacts';
import { MAX_CONTACTS, MAX_CONTACTS_PER_UNIT } from '../../src/core/limits';
import type { Contact } from '../../src/core/followup/model';
import type { DocumentStore } from '../../src/store/document-store';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { reportingUnits } from '../../src/usecases/manage-contacts';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
const person = (n: number) => ({ upn: `person${n}@example.com` });

for (const makeBackend of [fileBackend, localCosmosBackend]) {
  const backend: Backend = makeBackend();
  describe(`contact limits and imports: ${backend.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let service: FollowUp;
    beforeEach(async () => {
      store = await backend.open();
      service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
    });
    afterEach(() => store.close());
    after(() => backend.cleanup());

    it(`refuses a unit more than ${MAX_CONTACTS_PER_UNIT} contacts, by the card's form, by chat and by a file, changing nothing`, async () => {
      const many = Array.from({ length: MAX_CONTACTS_PER_UNIT + 1 }, (_, i) => person(i));
      const form = await replaceUnitContacts(service, ADMIN, { unit: 'SF', people: many.map((p) => p.upn).join(', ') });
      assert.deepEqual(form, { ok: false, reason: 'too-many-contacts', unit: 'SF', max: MAX_CONTACTS_PER_UNIT, scope: 'unit' });
      assert.ok((await addContacts(service, ADMIN, { unit: 'SF', people: many.slice(0, MAX_CONTACTS_PER_UNIT) })).ok);
      const oneMore = await addContacts(service, ADMIN, { unit: 'SF', people: [person(99)] });
      assert.equal(oneMore.ok, false);
      const file = await importContacts(service, OPERATOR, { contacts: [{ unit: 'SF', person: person(98) }], mode: 'add' });
      assert.equal(file.ok, false);
      assert.equal((await service.people.listContacts()).length, MAX_CONTACTS_PER_UNIT);
    });

    it('imports a file of many units in several batches, all of it; and nothing when the store fails part way', async () => {
      const units = reportingUnits(service);
      const contacts: Contact[] = units.flatMap((unit, u) => Array.from({ length: 6 }, (_, i) => ({ unit, person: person(u * 100 + i) })));
      assert.ok(contacts.length > 100, `${contacts.length} contacts: more than one batch`);
      const imported = await importContacts(service, OPERATOR, { contacts, mode: 'replace' });
      assert.ok(imported.ok);
      const listed = await listContacts(service, ADMIN);
      assert.ok(listed.ok);
      assert.equal(listed.contacts.length, contacts.length);

      // Replace everyone with others; the third batch fails: the first two are undone.
      const before = JSON.stringify((await service.people.listContacts()).map((c) => [c.unit, c.person]).sort());
      const others: Contact[] = contacts.map((c, i) => ({ unit: c.unit, person: person(50_000 + i) }));
      const batch = store.batch.bind(store);
      let calls = 0;
      store.batch = async (...args) => {
        if (++calls === 3) throw new Error('store failed');
        return batch(...args);
      };
      await assert.rejects(importContacts(service, OPERATOR, { contacts: others, mode: 'replace' }), /store failed/);
      store.batch = batch;
      const after = JSON.stringify(
        (await new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]).people.listContacts()).map((c) => [c.unit, c.person]).sort(),
      );
      assert.equal(after, before, 'as before the import');
    });

    it(`refuses more than ${MAX_CONTACTS} contacts in all, counting those left of units a new plan version dropped`, async () => {
      // Units of an earlier plan version: in the store, not in this plan.
      const earlier = Array.from({ length: MAX_CONTACTS / MAX_CONTACTS_PER_UNIT }, (_, u) => ({
        unit: `Tidigare enhet ${u}`,
        people: Array.from({ length: MAX_CONTACTS_PER_UNIT }, (_, i) => person(u * 100 + i)),
      }));
      await service.people.changeContacts(earlier, 'add');
      assert.equal((await service.people.listContacts()).length, MAX_CONTACTS);
      const refused = await importContacts(service, OPERATOR, { contacts: [{ unit: 'SF', person: person(1) }], mode: 'add' });
      assert.deepEqual(refused, { ok: false, reason: 'too-many-contacts', unit: 'SF', max: MAX_CONTACTS, scope: 'all' });
    });
  });
}
