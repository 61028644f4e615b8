/**
 * Card submissions with random and malformed payloads, as a broken client or an attacker might send
 * them: the bot answers every one, never crashes, and writes nothing.
 */
import { strict as assert } from 'node:assert';
import { startHarness } from './harness';
import { teamsInstall, teamsInvoke, teamsMessage } from '../../src/devtools/local-connector';

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';
const VERBS = [
  'round.save',
  'round.show',
  'round.next',
  'round.previous',
  'round.start',
  'round.cancel',
  'round.remind',
  'contacts.save',
  'words.save',
  'glossary.save',
  'report.export',
  'no.such.verb',
];

function value(rnd: () => number, depth = 0): unknown {
  const pick = Math.floor(rnd() * 12);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rnd() < 0.5;
    case 2:
      return Math.floor(rnd() * 1e9) * (rnd() < 0.5 ? -1 : 1);
    case 3:
      return 'A16-1';
    case 4:
      return '2024';
    case 5:
      return 'x'.repeat(Math.floor(rnd() * 5000));
    case 6:
      return '${$root.secret}<script>alert(1)</script>';
    case 7:
      return '\u0000\u0007\u202e';
    case 8:
      return depth < 3 ? Array.from({ length: Math.floor(rnd() * 4) }, () => value(rnd, depth + 1)) : [];
    case 9:
      return depth < 3
        ? {
            [['year', 'actionId', 'unit', 'status', 'description', '__proto__', 'constructor'][Math.floor(rnd() * 7)]!]: value(
              rnd,
              depth + 1,
            ),
          }
        : {};
    case 10:
      return 'pagaende';
    default:
      return 'SF';
  }
}

function payload(rnd: () => number): Record<string, unknown> {
  const keys = ['year', 'actionId', 'unit', 'status', 'description', 'deadline', 'format', 'people', 'lang', 'verb', '__proto__'];
  const out: Record<string, unknown> = {};
  for (const key of keys) if (rnd() < 0.6) out[key] = value(rnd);
  return out;
}

describe('fuzzing card submissions', function () {
  this.timeout(120_000);
  it('answers 400 random and malformed submissions without a crash or a write', async () => {
    const h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN });
    try {
      await h.post(teamsInstall({ serviceUrl: h.connector.url, conversationId: 'a:fuzz', userId: '29:fuzz', aadObjectId: ADMIN }));
      await h.post(
        teamsMessage({
          serviceUrl: h.connector.url,
          conversationId: 'a:fuzz',
          text: 'kontakt SF bbbbbbbb-0000-4000-8000-00000000000b',
          userId: '29:fuzz',
          aadObjectId: ADMIN,
        }),
      );
      // An open round, so that a submission that slipped through validation would be written.
      await h.post(
        teamsInvoke({
          serviceUrl: h.connector.url,
          conversationId: 'a:fuzz',
          verb: 'round.start',
          data: { year: '2024', deadline: '2099-02-28' },
          userId: '29:fuzz',
          aadObjectId: ADMIN,
        }),
      );
      await h.bot.bot.followUp!.idle();
      assert.equal((await h.bot.service.rounds.getRound(2024))?.state, 'open');
      const contactsBefore = (await h.bot.service.people.listContacts()).length;
      for (let seed = 1; seed <= 400; seed++) {
        const rnd = random(seed);
        const verb = VERBS[Math.floor(rnd() * VERBS.length)]!;
        const data = payload(rnd);
        // The admin fuzzes admin verbs with junk; contacts.save with junk must not change contacts.
        if (verb === 'contacts.save' || verb === 'round.start') delete data.lang;
        const asInvoke = rnd() < 0.7;
        const body = asInvoke
          ? teamsInvoke({
              serviceUrl: h.connector.url,
              conversationId: 'a:fuzz2',
              verb,
              data,
              userId: '29:fuzz2',
              aadObjectId: 'cccccccc-0000-4000-8000-00000000000c',
            })
          : teamsMessage({
              serviceUrl: h.connector.url,
              conversationId: 'a:fuzz2',
              text: undefined,
              userId: '29:fuzz2',
              aadObjectId: 'cccccccc-0000-4000-8000-00000000000c',
            });
        if (!asInvoke) (body as Record<string, unknown>).value = { verb, ...data };
        const response = await h.post(body);
        assert.ok([200, 400, 501].includes(response.status), `seed ${seed}: HTTP ${response.status}`);
        await response.text();
      }
      // The same junk from an admin, except contacts.save, where an admin may legitimately change contacts.
      for (let seed = 401; seed <= 600; seed++) {
        const rnd = random(seed);
        const verb = VERBS.filter((v) => v !== 'contacts.save')[Math.floor(rnd() * (VERBS.length - 1))]!;
        const response = await h.post(
          teamsInvoke({
            serviceUrl: h.connector.url,
            conversationId: 'a:fuzz',
            verb,
            data: payload(rnd),
            userId: '29:fuzz',
            aadObjectId: ADMIN,
          }),
        );
        assert.ok([200, 400, 501].includes(response.status), `seed ${seed}: HTTP ${response.status}`);
        await response.text();
      }
      assert.equal((await fetch(`${h.bot.url}/healthz`)).status, 200, 'still alive');
      const rounds = await h.bot.service.rounds.listRounds();
      for (const round of rounds) {
        assert.deepEqual(await h.bot.service.rounds.listAnswers(round.year), [], `no answer written in ${round.year}`);
      }
      assert.equal((await h.bot.service.people.listContacts()).length, contactsBefore, 'contacts unchanged by a non-admin');
      assert.deepEqual(
        h.logs.filter((l) => l.event === 'turn-error'),
        [],
        'no turn failed',
      );
    } finally {
      await h.stop();
    }
  });
});
