/**
 * What the bot keeps, over HTTP as Teams drives it (#28): the closed round's summary offers the
 * archive package, which comes through a one-time link as a zip with its checksums; an admin sees a
 * person's data, erases them after pressing Radera, and deletes an archived round after confirming.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { teamsInvoke, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness } from './harness';
import { assertValidCard } from '../fixtures/cards';

const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };
type Who = typeof ADMIN;

describe('public records and personal data over HTTP (#28)', function () {
  this.timeout(60_000);
  let h: Awaited<ReturnType<typeof startHarness>>;

  const say = async (who: Who, text: string): Promise<Record<string, unknown>> => {
    const before = h.connector.forConversation(who.conv).length;
    const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad });
    assert.equal((await h.post(activity)).status, 200);
    const reply: ReceivedActivity = (await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!;
    const card = reply.activity.attachments?.[0]?.content as Record<string, unknown>;
    assertValidCard(card);
    return card;
  };
  const press = async (who: Who, verb: string, data: Record<string, unknown>): Promise<{ type: string; value: unknown }> => {
    const response = await h.post(
      teamsInvoke({ serviceUrl: h.connector.url, conversationId: who.conv, verb, data, userId: who.id, aadObjectId: who.aad }),
    );
    assert.equal(response.status, 200);
    return (await response.json()) as { type: string; value: unknown };
  };
  /** The card's buttons as verb and data (Action.Execute). */
  const buttons = (card: Record<string, unknown>) =>
    ((card.actions ?? []) as Array<{ verb?: string; title: string; data?: Record<string, unknown> }>).filter((a) => a.verb);

  // Each test on a bot of its own with the same closed round: they run in any order (CI shuffles them).
  beforeEach(async () => {
    h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    await say(ADMIN, `kontakt SF ${ANNA.aad}`);
    await say(ANNA, 'hej');
    const confirm = await say(ADMIN, 'starta uppföljning 2024 senast 2099-02-28');
    await press(ADMIN, 'round.start', buttons(confirm).find((b) => b.verb === 'round.start')!.data!);
    // The sending's report comes to the admin by itself: waited for, so that it is no reply below.
    await h.connector.waitFor((r) => r.conversationId === ADMIN.conv && JSON.stringify(r.activity).includes('Utskick uppföljning 2024'), 1);
    const saved = await press(ANNA, 'round.save', {
      year: '2024',
      actionId: 'A16-1',
      unit: 'SF',
      status: 'pagaende',
      description: 'Bemannad.',
    });
    assert.equal(saved.type, 'application/vnd.microsoft.card.adaptive');
    await say(ADMIN, 'stäng uppföljning 2024');
    await press(ADMIN, 'round.close', { year: '2024' });
    // So does the closed round's summary.
    await h.connector.waitFor(
      (r) =>
        r.conversationId === ADMIN.conv &&
        JSON.stringify(r.activity).includes('Sammanställning uppföljning 2024') &&
        JSON.stringify(r.activity).includes('stängd'),
      1,
    );
  });
  afterEach(() => h.stop());

  it("offers the closed round's archive package on its summary, and gives it as a zip whose checksums hold", async () => {
    const summary = await say(ADMIN, 'sammanställning 2024');
    const archive = buttons(summary).find((b) => b.data?.format === 'zip');
    assert.ok(archive, `the archive button on a closed round: ${JSON.stringify(summary).slice(0, 600)}`);
    assert.match(archive.title, /Arkivpaket för registrator/);
    const before = h.connector.forConversation(ADMIN.conv).length;
    const asked = await press(ADMIN, 'report.export', archive.data!);
    assert.equal(asked.type, 'application/vnd.microsoft.activity.message');
    const link = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!;
    const url = (link.activity.attachments![0]!.content as { actions: Array<{ url: string }> }).actions[0]!.url;
    const file = await fetch(`${h.bot.url}${new URL(url).pathname}`, { method: 'POST' });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await file.arrayBuffer()));
    const sums = (await zip.file('arkiv-uppfoljning-2024/SHA256SUMS')!.async('string')).trim().split('\n');
    assert.equal(sums.length, 8);
    for (const line of sums) {
      const [sum, name] = line.split(/\s+/);
      const body = await zip.file(`arkiv-uppfoljning-2024/${name}`)!.async('nodebuffer');
      assert.equal(createHash('sha256').update(body).digest('hex'), sum, name);
    }
    const answers = await zip.file('arkiv-uppfoljning-2024/svar-2024.csv')!.async('string');
    assert.match(answers, /A16-1;.*;SF;Pågående;Bemannad\./);
  });

  it("shows a person's data, and erases it when the admin presses Radera; the answer stays as 'borttagen person'", async () => {
    const shown = JSON.stringify(await say(ADMIN, `personuppgifter ${ANNA.aad}`));
    assert.match(shown, /Personuppgifter om bbbbbbbb/);
    assert.match(shown, /"Kontakt för","value":"SF"/);
    assert.match(shown, /"Svar i personens namn","value":"2024: 1"/);
    assert.match(shown, /sparar aldrig frågorna/);

    const confirm = await say(ADMIN, `glöm ${ANNA.aad}`);
    assert.match(JSON.stringify(confirm), /Radera bbbbbbbb.*\?/);
    const erase = buttons(confirm).find((b) => b.verb === 'person.forget')!;
    assert.equal(erase.title, 'Radera');
    // Not an admin: refused, nothing erased.
    const refused = await press(ANNA, 'person.forget', erase.data!);
    assert.match(JSON.stringify(refused.value), /administratörer/);
    const done = await press(ADMIN, 'person.forget', erase.data!);
    assert.match(JSON.stringify(done.value), /Raderat: 1 kontaktuppgifter, 0 roller, \d+ chattuppgifter/);
    assert.match(JSON.stringify(done.value), /I 1 svar/);
    const after = JSON.stringify(await say(ADMIN, `personuppgifter ${ANNA.aad}`));
    // Nothing of her is kept: said in a sentence, and a second glöm offers no Radera that would do nothing.
    assert.match(after, /Boten har inga uppgifter om bbbbbbbb/);
    const again = await say(ADMIN, `glöm ${ANNA.aad}`);
    assert.match(JSON.stringify(again), /Boten har inga uppgifter om bbbbbbbb/);
    assert.equal(buttons(again).length, 0);
    // The log says how much, naming nobody.
    const logged = h.logs.find((l) => l.event === 'person-erased')!;
    assert.ok(logged && !JSON.stringify(logged).includes(ANNA.aad));
  });

  it('refuses to erase the only admin by configuration, and deletes the archived round after a confirmation', async () => {
    assert.match(JSON.stringify(await say(ADMIN, `glöm ${ADMIN.aad}`)), /BOOTSTRAP_ADMINS/);
    assert.match(JSON.stringify(await say(ADMIN, 'radera uppföljning 2024')), /har inte arkiverats/);
    // The package downloaded from the summary's link marks the round archived.
    const summary = await say(ADMIN, 'sammanställning 2024');
    const before = h.connector.forConversation(ADMIN.conv).length;
    await press(ADMIN, 'report.export', buttons(summary).find((b) => b.data?.format === 'zip')!.data!);
    const link = (await h.connector.waitFor((r) => r.conversationId === ADMIN.conv, before + 1))[before]!;
    const url = (link.activity.attachments![0]!.content as { actions: Array<{ url: string }> }).actions[0]!.url;
    assert.equal((await fetch(`${h.bot.url}${new URL(url).pathname}`, { method: 'POST' })).status, 200);
    const confirm = await say(ADMIN, 'radera uppföljning 2024');
    assert.match(JSON.stringify(confirm), /Radera uppföljning 2024\?/);
    const cancel = buttons(confirm).find((b) => b.verb === 'round.cancel')!;
    assert.match(JSON.stringify((await press(ADMIN, 'round.cancel', cancel.data!)).value), /Omgången finns kvar/);
    const remove = buttons(confirm).find((b) => b.verb === 'round.delete')!;
    assert.match(JSON.stringify((await press(ADMIN, 'round.delete', remove.data!)).value), /Uppföljning 2024 är raderad/);
    assert.match(JSON.stringify(await say(ADMIN, 'sammanställning 2024')), /[Ii]ngen uppföljning|finns ingen/);
  });
});
