import { strict as assert } from 'node:assert';
import { contactsOf } from '../../src/core/followup/contacts-of';
import { isContactPerson, type Contact, type Person } from '../../src/core/followup/model';

const ANNA_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const BO_ID = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('contactsOf: a person’s contact entries through an index', () => {
  const contacts: Contact[] = [
    { unit: 'SF', person: { aadObjectId: ANNA_ID } },
    { unit: 'VOF', person: { upn: 'Anna.Andersson@Kommun.se' } },
    {
      unit: 'MOS',
      person: { upn: 'bo@kommun.se' },
      resolution: { aadObjectId: BO_ID.toUpperCase(), via: 'directory', at: '2025-01-10T08:00:00Z' },
    },
    { unit: 'KOF', person: { aadObjectId: ANNA_ID.toUpperCase(), upn: 'anna.andersson@kommun.se' } },
    // Same e-mail, another Entra id: not Anna (samePerson compares ids when both have one).
    { unit: 'UBF', person: { aadObjectId: 'cccccccc-0000-4000-8000-000000000003', upn: 'anna.andersson@kommun.se' } },
    { unit: 'SOF', person: { upn: 'problem@kommun.se' }, resolution: { problem: 'not-in-directory', at: '2025-01-10T08:00:00Z' } },
  ];
  const people: Person[] = [
    { aadObjectId: ANNA_ID, upn: 'anna.andersson@kommun.se' },
    { aadObjectId: ANNA_ID },
    { upn: 'ANNA.ANDERSSON@kommun.se' },
    { aadObjectId: BO_ID },
    { aadObjectId: BO_ID, upn: 'someone-else@kommun.se' },
    { upn: 'bo@kommun.se' },
    { upn: 'problem@kommun.se' },
    { aadObjectId: 'dddddddd-0000-4000-8000-000000000004' },
    {},
  ];

  it('finds exactly the entries isContactPerson accepts, in the list’s order, for every kind of person', () => {
    for (const person of people)
      assert.deepEqual(
        contactsOf(contacts, person),
        contacts.filter((c) => isContactPerson(c, person)),
        JSON.stringify(person),
      );
  });

  it('gives a changed list its own index: a contact added is found', () => {
    const before = [...contacts];
    assert.deepEqual(contactsOf(before, { aadObjectId: 'eeeeeeee-0000-4000-8000-000000000005' }), []);
    const after = [...before, { unit: 'KLF', person: { aadObjectId: 'EEEEEEEE-0000-4000-8000-000000000005' } }];
    assert.deepEqual(
      contactsOf(after, { aadObjectId: 'eeeeeeee-0000-4000-8000-000000000005' }).map((c) => c.unit),
      ['KLF'],
    );
  });
});
