/**
 * What a municipal security review flags first (#24), each finding reproduced over HTTP as Teams
 * sends it: words from JavaScript's object prototype, ...
 */
import { strict as assert } from 'node:assert';
import { teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { startHarness } from './harness';

type Harness = Awaited<ReturnType<typeof startHarness>>;
const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const STAFF = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:staff', conv: 'a:staff-chat' };
type Who = typeof ADMIN;

async function say(h: Harness, who: Who, text: string): Promise<ReceivedActivity> {
  const before = h.connector.forConversation(who.conv).length;
  const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad });
  assert.equal((await h.post(activity)).status, 200);
  return (await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!;
}
const textOf = (r: ReceivedActivity): string => JSON.stringify(r.activity.attachments?.[0]?.content ?? r.activity.text);

describe('security review (#24)', function () {
  this.timeout(60_000);

  describe('words from the object prototype', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad });
    });
    after(() => h.stop());

    // Every name Object.prototype has, in questions and in the admins' commands that take a word.
    const names = Object.getOwnPropertyNames(Object.prototype);
    for (const name of names)
      it(`answers "${name}" without a turn error, in a question and in every command that takes a word`, async () => {
        const staffSays = [name, `vad betyder ${name}?`, `vem ansvarar för ${name}?`, `what does ${name} mean?`, `visa ${name}`];
        const adminSays = [
          `ordlista ${name}`,
          `ordlista ${name} = ett ord`,
          `kontakter ${name}`,
          `kontakt ${name} anna@example.com`,
          `svara för ${name}`,
          `starta uppföljning ${name}`,
          `synonym ${name} = trygghet`,
        ];
        for (const [who, texts] of [
          [STAFF, staffSays],
          [ADMIN, adminSays],
        ] as const)
          for (const text of texts) assert.doesNotMatch(textOf(await say(h, who, text)), /Något gick fel|Something went wrong/, text);
        assert.equal(h.logs.filter((l) => l.level === 'error' || l.level === 50).length, 0, 'no error logged');
      });
  });
});
