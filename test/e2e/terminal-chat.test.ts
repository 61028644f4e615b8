/**
 * npm run chat, as a person uses it: the chat user's e-mail from CHAT_USER_EMAIL makes them an
 * admin through BOOTSTRAP_ADMINS; they make themselves SF's contact, start a round, press Starta by
 * its number, and answer their own round card (status chosen by number, description typed).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../fixtures/plan';
import { printedCard, terminalCard } from '../../src/devtools/terminal-card';

describe('the terminal chat', function () {
  this.timeout(120_000);

  it('lets one person be admin and owner: start a round and answer it, pressing buttons by number', () => {
    const store = mkdtempSync(join(tmpdir(), 'chat-'));
    try {
      const typed = [
        'kontakt SF sara@exempelby.se',
        'starta uppföljning 2026 senast 2099-02-28',
        '1', // Starta
        '1', // Spara on the round card
        '2', // Påbörjad
        'Vi har börjat med kartläggningen.',
        '2', // Föregående: the answer just saved, with who saved it
        'avsluta',
      ];
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/chat.ts')], {
        cwd: ROOT,
        input: `${typed.join('\n')}\n`,
        encoding: 'utf8',
        timeout: 100_000,
        env: {
          ...process.env,
          CHAT_USER_EMAIL: 'sara@exempelby.se',
          CHAT_USER_NAME: 'Sara Säker',
          BOOTSTRAP_ADMINS: 'sara@exempelby.se',
          STORE_DIR: store,
          LOG_LEVEL: 'silent',
        },
      });
      const out = run.stdout;
      assert.match(out, /Du är Sara Säker <sara@exempelby\.se>/);
      assert.match(out, /Kontaktpersoner för SF: sara@exempelby\.se|SF: sara@exempelby\.se/);
      assert.match(out, /\(1\) Starta {3}\(2\) Avbryt/);
      assert.match(out, /Du svarar för SF: välj status/);
      assert.match(out, /1\. Pågående – Åtgärden fortlöper enligt plan/);
      assert.match(out, /✓ Sparat: A5.1 för SF\./);
      assert.match(out, /1 av 45 rapporterade för SF/);
      // Saved under the chat user's own name, not the test connector's default user.
      assert.match(out, /Sparat av Sara Säker/);
      assert.doesNotMatch(out, /Anna Andersson/);
      assert.doesNotMatch(out, /\\</, 'no Markdown escapes in the terminal');
    } finally {
      rmSync(store, { recursive: true, force: true });
    }
  });

  it('prints a card with its inputs, their values, and numbered buttons; a chart by its text', () => {
    const card = terminalCard({
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: 'Rubrik med \\<år\\>' },
        { type: 'Chart.Donut', data: [], fallback: { type: 'FactSet', facts: [{ title: 'Pågående', value: '3' }] } },
        {
          type: 'Input.ChoiceSet',
          id: 'status',
          label: 'Status',
          value: 'b',
          choices: [
            { title: 'A', value: 'a' },
            { title: 'B', value: 'b' },
          ],
          isRequired: true,
        },
      ],
      actions: [
        { type: 'Action.Execute', title: 'Spara', verb: 'round.save', data: { year: 2026 } },
        { type: 'Action.Execute', title: 'Släng', verb: 'round.next', associatedInputs: 'none' },
      ],
    });
    assert.equal(printedCard(card), ['Rubrik med <år>', '  Pågående: 3', '  [Status *] B', '(1) Spara   (2) Släng'].join('\n'));
    assert.equal(card.buttons[1]!.associatedInputs, 'none');
  });
});
