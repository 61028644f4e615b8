/**
 * What the bot keeps, on every store (#28): a closed round's archive package read back and checked
 * against the answers; one person's data shown and erased, leaving "borttagen person" in answers
 * that stay complete; the last admin refused; retention removing exactly what is past its time;
 * an archived round deleted, and an unarchived one refused.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import Ajv2020 from 'ajv/dist/2020';
import JSZip from 'jszip';
import { allBackends } from '../store/backends';
import { recordsOn } from '../../src/persistence/records-on-store';
import type { DocumentStore } from '../../src/store/document-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { startRound } from '../../src/usecases/start-round';
import { answerAction } from '../../src/usecases/work-through-round';
import { addContacts } from '../../src/usecases/manage-contacts';
import { closeRoundNow } from '../../src/usecases/close-round';
import { archivePackage, archiveZip, deleteRound } from '../../src/usecases/archive-round';
import { ERASED_PERSON, forgetPerson, showPersonalData } from '../../src/usecases/personal-data';
import { applyRetention } from '../../src/usecases/retention';
import { loadReport, reportFileFor } from '../../src/usecases/report';
import type { Person } from '../../src/core/followup/model';
import type { ArchiveFile } from '../../src/core/archive/archive-files';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { MemoryStore } from '../../src/store/memory-store';
import { readTemplate } from '../../src/core/plan/template/read-template';
import { glossaryOfUnits } from '../../src/core/plan/glossary';
import { OPERATOR } from '../../src/usecases/access';

const ADMIN: Person = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000ad01', upn: 'admin@kommun.se', name: 'Ada Admin' };
const ANNA_ID = 'bbbbbbbb-0000-4000-8000-00000000a002';
/** Anna as Teams names her when she answers: her Entra id and name; the admin knows her by e-mail. */
const ANNA_IN_TEAMS: Person = { aadObjectId: ANNA_ID, upn: 'anna.andersson@kommun.se', name: 'Anna Andersson' };
const ANNA_BY_EMAIL: Person = { upn: 'Anna.Andersson@kommun.se' };
const YEAR = 2024;
const STARTED = new Date('2024-12-01T08:00:00Z');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const text = (files: ArchiveFile[], name: string) => files.find((f) => f.name === name)!.body.toString('utf8');
const csvRows = (files: ArchiveFile[], name: string) =>
  parse(files.find((f) => f.name === name)!.body, { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;

for (const backend of allBackends()) {
  describe(`what the bot keeps (#28) on ${backend.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let service: FollowUp;
    /** The SF actions Anna answered, the one she changed, and the one the admin answered for VOF. */
    let sfActions: string[];

    beforeEach(async () => {
      store = await backend.open();
      service = new FollowUp(recordsOn(store, { contactsMs: 0, closedRoundMs: 0 }), PLAN, GLOSSARY);
      assert.equal(await service.people.replaceRoles({ admins: [ADMIN], safetyChief: null }, undefined), 'saved');
      assert.ok((await addContacts(service, ADMIN, { unit: 'SF', people: [ANNA_BY_EMAIL] })).ok);
      // She wrote to the bot: how to reach her, under her Entra id and her e-mail.
      await service.people.putUser({
        person: ANNA_IN_TEAMS,
        conversationId: 'a:anna-chat',
        locale: 'sv-SE',
        updatedAt: STARTED.toISOString(),
      });
      const started = await startRound(service, ADMIN, { year: YEAR, deadline: '2025-02-28', reminderDaysBefore: [] }, STARTED);
      assert.ok(started.ok);
      sfActions = service.obligations
        .filter((o) => o.unit === 'SF')
        .map((o) => o.actionId)
        .slice(0, 3);
      const answer = async (who: Person, actionId: string, unit: string, status: string, description: string, at: string) => {
        const r = await answerAction(service, who, { year: YEAR, actionId, unit, status, description }, new Date(at));
        assert.ok(r.ok, `${actionId} ${unit}: ${JSON.stringify(r)}`);
      };
      await answer(ANNA_IN_TEAMS, sfActions[0]!, 'SF', 'pagaende', 'Enligt plan; "citat"; och radbrytning\nhär', '2025-01-10T09:00:00Z');
      await answer(ANNA_IN_TEAMS, sfActions[1]!, 'SF', 'paborjad', 'Påbörjad', '2025-01-10T09:05:00Z');
      await answer(ANNA_IN_TEAMS, sfActions[1]!, 'SF', 'pagaende', 'Nu enligt plan', '2025-01-20T09:05:00Z');
      await answer(ANNA_IN_TEAMS, sfActions[2]!, 'SF', 'ej-paborjad', 'Saknar förutsättningar', '2025-01-11T10:00:00Z');
      // The admin answers for a unit without contacts.
      const vof = service.obligations.find((o) => o.unit === 'VOF')!;
      await answer(ADMIN, vof.actionId, 'VOF', 'pagaende', 'Svarat för enheten', '2025-01-12T10:00:00Z');
      await service.rounds.putDelivery({
        year: YEAR,
        recipient: ANNA_IN_TEAMS,
        units: ['SF'],
        state: 'delivered',
        attempts: 1,
        conversationId: 'a:anna-chat',
        updatedAt: STARTED.toISOString(),
      });
      await service.reportLinks.create(YEAR, 'xlsx', ANNA_IN_TEAMS, 600_000);
      await service.words.putGlossaryEntry({
        code: 'XYZ',
        expansion: 'Exempelenheten',
        setBy: 'anna.andersson@kommun.se',
        setAt: STARTED.toISOString(),
      });
      assert.equal(await closeRoundNow(service.rounds, YEAR, new Date('2025-03-01T00:00:00Z')), 'closed');
    });
    afterEach(async () => {
      await store.close();
    });
    after(() => backend.cleanup());

    it('archives a closed round: report, answers and history as CSV and JSON, the plan, a README, checksums that hold', async () => {
      const made = await archivePackage(service, ADMIN, { year: YEAR }, { now: new Date('2025-03-02T12:00:00Z') });
      assert.ok(made.ok);
      const files = made.files;
      const names = files.map((f) => f.name).sort();
      assert.deepEqual(names, [
        'LASMIG.txt',
        'SHA256SUMS',
        'arkiv-svar.schema.json',
        'historik-2024.csv',
        'plan-2023.json',
        'rapport-2024.docx',
        'rapport-2024.xlsx',
        'svar-2024.csv',
        'svar-2024.json',
      ]);
      // Every file's checksum as SHA256SUMS and the README give it.
      const sums = text(files, 'SHA256SUMS').trim().split('\n');
      assert.equal(sums.length, files.length - 1);
      for (const line of sums) {
        const [sum, name] = line.split(/\s+/);
        assert.equal(sha256(files.find((f) => f.name === name)!.body), sum, name);
      }
      const readme = text(files, 'LASMIG.txt');
      assert.match(readme, /uppföljning 2024/);
      assert.match(readme, /Stängd: +2025-03-01T00:00:00.000Z/);
      for (const f of files.filter((f) => !['LASMIG.txt', 'SHA256SUMS'].includes(f.name)))
        assert.ok(readme.includes(`${f.name}\n    ${sha256(f.body)}`), f.name);

      // The answers read back are the stored ones, with who and when.
      const stored = await service.rounds.listAnswers(YEAR);
      const rows = csvRows(files, 'svar-2024.csv');
      assert.equal(rows.length, stored.length);
      for (const a of stored) {
        const row = rows.find((r) => r.Id === a.actionId && r['Svarande enhet'] === a.unit)!;
        assert.ok(row, a.actionId);
        assert.equal(row['Beskrivning av utveckling'], a.description);
        assert.equal(row['E-post'], a.answeredBy.upn ?? '');
        assert.equal(row['Besvarad (UTC)'], a.answeredAt);
        assert.equal(row['För enhetens räkning'], a.onBehalf ? 'ja' : 'nej');
        assert.equal(row.Ansvarig, PLAN.actions.find((x) => x.id === a.actionId)!.ansvarig.asPrinted);
      }
      assert.equal(rows.find((r) => r.Id === sfActions[1])!.Status, 'Pågående');
      const history = csvRows(files, 'historik-2024.csv');
      assert.equal(history.length, (await service.rounds.listHistory(YEAR)).length);
      assert.deepEqual(
        history.filter((h) => h.Id === sfActions[1]).map((h) => [h['Status före'], h['Status efter']]),
        [
          ['', 'Påbörjad'],
          ['Påbörjad', 'Pågående'],
        ],
      );

      // The JSON keeps its documented schema, and carries each answer's history.
      const json = JSON.parse(text(files, 'svar-2024.json')) as { answers: Array<{ actionId: string; history: unknown[] }> };
      const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(text(files, 'arkiv-svar.schema.json')));
      assert.ok(validate(json), JSON.stringify(validate.errors));
      assert.equal(json.answers.length, stored.length);
      assert.equal(json.answers.find((a) => a.actionId === sfActions[1])!.history.length, 2);
      assert.equal((JSON.parse(text(files, 'plan-2023.json')) as { planVersion: string }).planVersion, '2023');
    });

    it('gives the package as one zip, marks the round archived, and refuses an open round', async () => {
      const zipped = await archiveZip(service, ADMIN, { year: YEAR });
      assert.ok(zipped.ok);
      const zip = await JSZip.loadAsync(zipped.file.body);
      const inside = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      assert.ok(inside.every((n) => n.startsWith('arkiv-uppfoljning-2024/')));
      assert.equal(inside.length, 9);
      const sums = (await zip.file('arkiv-uppfoljning-2024/SHA256SUMS')!.async('string')).trim().split('\n');
      for (const line of sums) {
        const [sum, name] = line.split(/\s+/);
        assert.equal(sha256(await zip.file(`arkiv-uppfoljning-2024/${name}`)!.async('nodebuffer')), sum, name);
      }
      assert.ok((await service.rounds.getRound(YEAR))!.archivedAt);

      // Offered on a file consent card and declined: not taken, not archived.
      const other = await startRound(
        service,
        ADMIN,
        { year: 2023, deadline: '2024-02-28', reminderDaysBefore: [] },
        new Date('2023-12-01T08:00:00Z'),
      );
      assert.ok(other.ok);
      assert.equal(await closeRoundNow(service.rounds, 2023, new Date('2024-03-01T00:00:00Z')), 'closed');
      assert.ok((await reportFileFor(service, ADMIN, { year: 2023, format: 'zip' }, { preview: true })).ok);
      assert.equal((await service.rounds.getRound(2023))!.archivedAt, undefined);
      assert.ok((await reportFileFor(service, ADMIN, { year: 2023, format: 'zip' })).ok);
      assert.ok((await service.rounds.getRound(2023))!.archivedAt);

      const open = await startRound(
        service,
        ADMIN,
        { year: 2025, deadline: '2026-02-28', reminderDaysBefore: [] },
        new Date('2025-12-01T08:00:00Z'),
      );
      assert.ok(open.ok);
      const refused = await archivePackage(service, ADMIN, { year: 2025 });
      assert.ok(!refused.ok && refused.reason === 'round-open');
      const notAdmin = await archivePackage(service, ANNA_IN_TEAMS, { year: YEAR });
      assert.ok(!notAdmin.ok && notAdmin.reason === 'not-admin');
    });

    it('shows everything kept about a person given by e-mail, and erases it: "borttagen person" in answers that stay', async () => {
      const before = await loadReport(service, YEAR);
      const shown = await showPersonalData(service, ADMIN, { person: ANNA_BY_EMAIL });
      assert.ok(shown.ok);
      const data = shown.data;
      assert.deepEqual(
        data.contacts.map((c) => c.unit),
        ['SF'],
      );
      assert.ok(data.chat);
      assert.equal(data.answers.length, 3);
      assert.deepEqual(data.changes, [{ round: '2024', count: 4 }]);
      assert.deepEqual(data.deliveries, [{ round: '2024', state: 'delivered' }]);
      assert.equal(data.reportLinks, 1);
      assert.deepEqual(data.wordsGiven, ['ordlista XYZ']);
      assert.equal(data.kept, true);

      // Unconfirmed: what would go, and nothing gone.
      const asked = await forgetPerson(service, ADMIN, { person: ANNA_BY_EMAIL, confirmed: false });
      assert.ok(asked.ok && 'toConfirm' in asked);
      assert.equal((await service.people.listContacts()).length, 1);

      const done = await forgetPerson(service, ADMIN, { person: ANNA_BY_EMAIL, confirmed: true }, new Date('2025-04-01T00:00:00Z'));
      assert.ok(done.ok && 'erased' in done);
      assert.deepEqual(done.erased, {
        contacts: 1,
        roles: 0,
        chats: 2,
        answers: 3,
        history: 4,
        deliveries: 1,
        reportLinks: 1,
        wordsGiven: 1,
      });

      // Nothing of her is left anywhere the ports reach.
      const everything = JSON.stringify([
        await service.people.listContacts(),
        await service.people.listUsers(),
        await service.people.getUser({ aadObjectId: ANNA_ID }),
        await service.people.getUser(ANNA_BY_EMAIL),
        await service.rounds.listAnswers(YEAR),
        await service.rounds.listHistory(YEAR),
        await service.rounds.listDeliveries(YEAR),
        await service.reportLinks.list(),
        await service.words.listGlossaryEntries(),
        await service.people.listErasures(),
      ]).toLowerCase();
      for (const trace of ['anna', ANNA_ID]) assert.ok(!everything.includes(trace), trace);
      // Her answers stay with their unit, in nobody's name; the report is as complete as before.
      const answers = await service.rounds.listAnswers(YEAR);
      assert.equal(answers.filter((a) => a.answeredBy.name === ERASED_PERSON.name).length, 3);
      const after = await loadReport(service, YEAR);
      assert.deepEqual(
        after!.rows.map((r) => [r.actionId, r.unit, r.status]),
        before!.rows.map((r) => [r.actionId, r.unit, r.status]),
      );
      // What was erased is counted, naming nobody.
      const [record] = await service.people.listErasures();
      assert.equal(record!.counts.answers, 3);
      const again = await showPersonalData(service, ADMIN, { person: ANNA_BY_EMAIL });
      assert.ok(again.ok && again.data.answers.length === 0 && again.data.contacts.length === 0 && !again.data.chat);
      assert.equal(again.data.kept, false);
    });

    it('refuses to erase the last admin, and erases an admin when another remains', async () => {
      const refused = await forgetPerson(service, ADMIN, { person: { upn: 'admin@kommun.se' }, confirmed: true });
      assert.ok(!refused.ok && refused.reason === 'last-admin');
      assert.equal((await service.people.getRoles()).admins.length, 1);
      const second: Person = { upn: 'bertil@kommun.se' };
      await service.people.replaceRoles({ admins: [ADMIN, second], safetyChief: null }, (await service.people.getRoles())._etag);
      const done = await forgetPerson(service, second, { person: { upn: 'admin@kommun.se' }, confirmed: true });
      assert.ok(done.ok && 'erased' in done && done.erased.roles === 1 && done.erased.answers === 1);
      assert.deepEqual((await service.people.getRoles()).admins, [second]);
      const notAdmin = await forgetPerson(service, ANNA_IN_TEAMS, { person: second, confirmed: true });
      assert.ok(!notAdmin.ok && notAdmin.reason === 'not-admin');
    });

    it('removes exactly what is past its time: idle chats of people with no role, contacts gone from the directory, used-up links', async () => {
      const now = new Date('2025-09-01T00:00:00Z');
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
      const idle: Person = { aadObjectId: 'cccccccc-0000-4000-8000-000000000003', upn: 'idle@kommun.se' };
      const recent: Person = { aadObjectId: 'dddddddd-0000-4000-8000-000000000004', upn: 'recent@kommun.se' };
      await service.people.putUser({ person: idle, updatedAt: daysAgo(200) });
      await service.people.putUser({ person: recent, updatedAt: daysAgo(20) });
      // Anna's record is old too, but she is a contact: kept.
      const left = { unit: 'VOF', person: { upn: 'left@kommun.se' } };
      const lately = { unit: 'VOF', person: { upn: 'lately@kommun.se' } };
      await service.people.addContact(left);
      await service.people.addContact(lately);
      await service.people.setContactResolution(left, { problem: 'not-in-directory', at: daysAgo(1), since: daysAgo(100) });
      await service.people.setContactResolution(lately, { problem: 'not-in-directory', at: daysAgo(1), since: daysAgo(10) });
      await service.reportLinks.create(YEAR, 'docx', ADMIN, 60_000, now.getTime() - 3_600_000);
      await service.reportLinks.create(YEAR, 'docx', ADMIN, 600_000, now.getTime());

      const removed = await applyRetention(service, { chatDays: 180, leftContactDays: 90 }, now);
      assert.equal(removed.chats, 2); // idle, under its Entra id and its e-mail
      assert.deepEqual(removed.contacts, [{ unit: 'VOF', problem: 'not-in-directory' }]);
      // The expired one; Anna's (made just now, for ten minutes) and the valid one stay.
      assert.equal(removed.reportLinks, 1);
      assert.equal(await service.people.getUser(idle), undefined);
      assert.ok(await service.people.getUser(recent));
      assert.ok(await service.people.getUser(ANNA_BY_EMAIL));
      assert.deepEqual((await service.people.listContacts()).map((c) => c.person.upn).sort(), [
        'Anna.Andersson@kommun.se',
        'lately@kommun.se',
      ]);
      assert.equal((await service.reportLinks.list()).length, 2);
      // The round's answers are never removed on time.
      assert.equal((await service.rounds.listAnswers(YEAR)).length, 4);
      // A second pass finds nothing more.
      const again = await applyRetention(service, { chatDays: 180, leftContactDays: 90 }, now);
      assert.deepEqual(again, { chats: 0, contacts: [], reportLinks: 0 });
    });

    it('deletes a closed round only once it is archived, after a confirmation', async () => {
      const unarchived = await deleteRound(service, ADMIN, { year: YEAR, confirmed: true });
      assert.ok(!unarchived.ok && unarchived.reason === 'not-archived');
      assert.ok(await service.rounds.getRound(YEAR));
      assert.ok((await archiveZip(service, ADMIN, { year: YEAR })).ok);
      const asked = await deleteRound(service, ADMIN, { year: YEAR, confirmed: false });
      assert.ok(asked.ok && 'toConfirm' in asked && asked.toConfirm.answers === 4);
      const done = await deleteRound(service, ADMIN, { year: YEAR, confirmed: true });
      assert.ok(done.ok && 'deleted' in done && done.deleted > 10, JSON.stringify(done));
      assert.equal(await service.rounds.getRound(YEAR), undefined);
      assert.deepEqual(await service.rounds.listAnswers(YEAR), []);
      assert.deepEqual(await service.rounds.listHistory(YEAR), []);
    });
  });
}

describe("another municipality's archive package (#28)", () => {
  it("names the body the plan reports to, and none of Linköping's when the plan names none", async () => {
    const plan = readTemplate(
      [
        {
          name: 'Åtgärder',
          rows: [
            ['Område', 'Åtgärd', 'Ansvarig'],
            ['1. Centrum', 'Trygghetsvandringar i centrum', 'SOC'],
          ],
        },
        {
          name: 'Plan',
          rows: [
            ['Kommun', 'Sjöstads kommun'],
            ['Titel', 'Trygghetsplan för Sjöstad'],
            ['Version', '2026'],
          ],
        },
      ],
      { file: 'plan.xlsx', sha256: '0'.repeat(64) },
    ).plan!;
    const service = new FollowUp(recordsOn(new MemoryStore()), plan, glossaryOfUnits(plan.units));
    await service.rounds.createRound({
      year: 2026,
      deadline: '2027-02-28',
      state: 'closed',
      planVersion: plan.planVersion,
      startedBy: ADMIN,
      startedAt: '2026-12-01T08:00:00Z',
      closedAt: '2027-03-01T00:00:00Z',
      reminderDaysBefore: [],
    });
    const made = await archivePackage(service, OPERATOR, { year: 2026 });
    assert.ok(made.ok);
    const readme = text(made.files, 'LASMIG.txt');
    assert.match(readme, /Trygghetsplan för Sjöstad/);
    assert.match(readme, /rapporten \(Word\)/);
    assert.doesNotMatch(readme, /Linköping|kommunfullmäktige|KS 2023/);
  });
});
