/**
 * npm run test:browser — walks a follow-up round in the Microsoft 365 Agents Playground with a
 * headless Chromium, as its users meet it, checks what they should see, and saves a screenshot of
 * each step in .data/browser/ to look at. Not part of `npm test`: it needs a Chromium
 * (Debian: `apt-get install chromium`; or CHROMIUM_PATH) and takes about a minute.
 *
 * The Playground's user (Anna Andersson, anna.andersson@example.com) is the admin and the contact
 * for SF: she starts the round, gets the round message, leaves unsaved text (refused, kept),
 * saves, types an answer into the chat (pointed to the card), opens the summary and takes
 * Polisen's card from it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startBot } from '../src/bot-runtime';
import { askedBy, countUnknownWords } from '../src/usecases/municipality-words';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { projectRoot } from '../src/project-root';

const BROWSER = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PLAYGROUND_PORT = 56150;
/** The screenshots docs/samordnare.md shows, refreshed by `npm run test:browser -- --docs`. */
const DOC_SHOTS = new Set([
  'help-by-role',
  'confirmation',
  'round-message',
  'saved',
  'summary',
  'remind-confirm',
  'answer-for-polisen',
  'close-confirm',
  'archive-offered',
  'personal-data',
  'forget-confirm',
  'unknown-words',
  'glossary-form',
]);
/** The Playground's chat column in the 1280-pixel-wide page: the cards, without the side panels. */
const CHAT_COLUMN = { x: 330, y: 48, width: 620, height: 1900 };

async function main(): Promise<number> {
  if (!BROWSER) {
    console.error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
    return 2;
  }
  const out = join(projectRoot(), '.data/browser');
  const docsImages = process.argv.includes('--docs') ? join(projectRoot(), 'docs/images') : undefined;
  if (docsImages) mkdirSync(docsImages, { recursive: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-browser-'));
  const bot = await startBot(
    loadConfig({
      PORT: '3978',
      HOST: '127.0.0.1',
      STORE_DIR: storeDir,
      BOOTSTRAP_ADMINS: 'anna.andersson@example.com',
      SCHEDULER_INTERVAL_MS: '0',
    }),
    createLogger('warn'),
  );
  const playground = spawn(
    join(projectRoot(), 'node_modules/.bin/agentsplayground'),
    ['start', '-p', String(PLAYGROUND_PORT), '--app-endpoint', `${bot.url}/api/messages`, '--channel-id', 'msteams', '--disable-telemetry'],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const failures: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Playground did not start in 60 s')), 60_000);
      playground.stdout.on('data', (d: Buffer) => {
        if (String(d).includes(`Listening on ${PLAYGROUND_PORT}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    let step = 0;
    const shot = async (name: string) => {
      await page.screenshot({ path: join(out, `${String(++step).padStart(2, '0')}-${name}.png`) });
      // With --docs, the steps the coordinator's guide shows, cut to the chat (docs/images/).
      if (docsImages && DOC_SHOTS.has(name)) await page.screenshot({ path: join(docsImages, `${name}.png`), clip: CHAT_COLUMN });
    };
    const expectText = async (text: string | RegExp, what: string) => {
      try {
        const seen = page.getByText(text).last();
        await seen.waitFor({ timeout: 10_000 });
        // The chat scrolls inside its pane: bring what was checked into the screenshot.
        await seen.scrollIntoViewIfNeeded();
      } catch {
        failures.push(`${what}: "${String(text)}" not seen`);
      }
    };
    const say = async (text: string) => {
      const box = page.getByRole('textbox').last();
      await box.click();
      await box.fill(text);
      await box.press('Enter');
      await page.waitForTimeout(2500);
    };
    await page.goto(`http://localhost:${PLAYGROUND_PORT}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(3000);
    await say('Vilka åtgärder har SF?');
    await expectText(/Visa alla 18 i Målområde 2/, "a unit's listing grouped by målområde, the rest a button away");
    await shot('unit-listing');
    await say('Vem bemöter EU-migranter?');
    await expectText(/Menar du någon av de här åtgärderna\?/, 'the nearest actions offered when not sure');
    await shot('suggestions');
    await clickButton(page, /^Vem ansvarar för A13.3\?$/);
    await expectText(/Ansvarig/, 'a suggestion opens the action with who is responsible');
    await say('Vad samarbetar SF och Polisen om?');
    await expectText(/Åtgärder som SF och Polisen har tillsammans \(som ansvariga eller i samverkan\): 15/, 'the actions two units share');
    await shot('shared-units');
    await say('Tack för hjälpen!');
    await expectText(/Fråga gärna igen när du undrar något om åtgärdsplanen/, 'thanks get a "you are welcome"');
    await shot('thanks');
    await say('Vilka externa aktörer samverkar kommunen med?');
    await expectText(/Aktörer utanför kommunen som planen nämner: \d+/, 'the partners outside the municipality, each with its actions');
    await shot('external-partners');
    await say('Vilka åtgärder har extern finansiering?');
    await expectText(/Åtgärder med finansiering utöver förvaltningarnas egna budgetar: 10/, 'a listing across the Finansiering column');
    await shot('column-listing');
    await say('Vilka förvaltningar finns i planen?');
    await expectText(/Ansvariga och samverkansparter i planen: \d+, flest ansvar först/, "the plan's units with their share");
    await shot('units');
    await say('Vad betyder Påbörjad?');
    await expectText(/Åtgärden är inledd men behöver utvecklas/, "the follow-up's statuses in the plan's words");
    await shot('statuses');
    await say('Vem ansvarar för Novahuset?');
    await expectText(/Novahuset är inte ansvarig för någon åtgärd i planen/, 'a partner asked about as an owner');
    await shot('partner-as-owner');
    await say('Vilka målområden har planen?');
    await expectText(/Så delar planen in arbetet/, 'the areas of a kind listed, each a button away');
    await shot('areas');
    await say('Vad innehåller målområde 3?');
    await expectText(/Visa åtgärd 22/, "an area's groups, the few-action ones with their actions");
    await shot('area');
    await say('hej');
    await expectText(/^Hej!$/, 'a greeting gets a short hello, not the whole help');
    await shot('greeting');
    await say('Vad betyder VOF?');
    await expectText(/Källa för namnet: linkoping\.se/, "a unit's full name from the municipality's own page, with the page");
    await shot('unit-name-sourced');
    await say('ordlista');
    await expectText(/13 koder i planen har inget namn, och boten gissar inte/, 'an admin sees the codes nobody has named');
    // The first unnamed code is chosen; the admin writes what it stands for and presses Spara.
    await page.getByPlaceholder('Till exempel Säkerhetsavdelningen').last().fill('Center mot våldsbejakande extremism');
    await clickButton(page, /^Spara$/);
    await expectText(/Sparat i kommunens ordlista: CVE = Center mot våldsbejakande extremism/, 'an admin names a code on the card');
    await shot('glossary-form');
    await say('Vad är CVE?');
    await expectText(/Inte ur planen: angivet av kommunen i chatten/, 'the name shown as the municipality’s, with who and when');
    await shot('glossary');
    await say('vem tar hand om drönarna?');
    await expectText(/Jag hittar inget om det i planen/, 'a question in a word the plan does not have');
    // A word is listed once two people asked it: a colleague (not in this browser) asks the same.
    await countUnknownWords(bot.service, askedBy(['drönarna'], 'a-colleague-in-another-chat'));
    await say('okända ord');
    await expectText(/^2 personer, senast \d{4}-\d\d-\d\d$/, 'an admin sees the word among the unknown words, asked by two people');
    // The form offers the most asked word; the admin types the plan's word for it and presses Spara.
    await page.getByPlaceholder('till exempel kamerabevakning').last().fill('kamerabevakning');
    await clickButton(page, /^Spara$/);
    await expectText(/Sparat: när någon frågar om "drönarna" söker jag efter kamerabevakning/, 'an admin gives the word in the form');
    await shot('unknown-words');
    await say('vem tar hand om drönarna?');
    await expectText(/A3.1/, 'the same question answered with the word given');
    await shot('municipality-word');
    await say('Vilken plan gäller?');
    await expectText(/Följs upp en gång per år med statusarna Pågående, Påbörjad, Ej påbörjad/, 'which plan the bot answers from');
    await shot('which-plan');
    await say('kontakt SF anna.andersson@example.com');
    await say('hjälp');
    await expectText('Uppföljningen (för administratörer)', 'help shows an admin the follow-up commands');
    await expectText(/Du är kontaktperson för SF/, 'help shows a contact their part');
    await shot('help-by-role');
    await say('starta uppföljning 2026 senast 2099-02-28');
    await expectText('Starta uppföljning 2026?', 'confirmation card');
    await shot('confirmation');
    await clickButton(page, /^Starta$/);
    await page.waitForTimeout(5000);
    // The Playground's user has an English Teams locale: the round card comes in English.
    await expectText(
      /Säkerhetschefen follows the plan up every year and reports to kommunfullmäktige/,
      "round message intro, in the plan's own words",
    );
    await expectText(/Action 1 of 45/, 'position on the card');
    await shot('round-message');
    await page.locator('textarea').last().fill('Halvskrivet svar om samordningen');
    await clickButton(page, /^Next$/);
    await expectText(/You have typed something that is not saved/, 'unsaved text refused');
    await shot('unsaved-text-kept');
    await page.getByText('Pågående (Ongoing)').last().click();
    await clickButton(page, /^Save$/);
    await expectText(/✓ Saved: A5\u20111 for SF/, 'save confirmed');
    await shot('saved');
    // A status chosen by mistake never blocks the way on: Next moves, and says it was not saved.
    await page.getByText('Påbörjad (Started)').last().click();
    await clickButton(page, /^Next$/);
    await expectText(/Your choice Påbörjad for A\d+\u2011\d+ was not saved/, 'a status chosen by mistake lets the owner go on');
    await shot('status-not-saved');
    // Text typed and not wanted: the card offers to discard it.
    await page.locator('textarea').last().fill('Fel åtgärd, ska bort');
    await clickButton(page, /^Next$/);
    await expectText(/Press Save, or Discard and move on/, 'unsaved text: the card offers to discard it');
    await clickButton(page, /^Discard and move on$/);
    await expectText(/Action 4 of 45/, 'discarded: on to the next action');
    await shot('discarded');
    await say('Pågående, vi har samordnat arbetet med polisen hela året');
    await expectText(/Det ser ut som ett svar till uppföljningen 2026/, 'answer typed in chat pointed to the card');
    await shot('answer-in-chat');
    await say('sammanställning 2026');
    await expectText(/Enheter utan kontakter/, 'summary names units without contacts');
    await shot('summary');
    // The council report as Word, from the summary: the link comes as a new message.
    await expectText(/Exportera rapport \(Word\)/, 'summary offers the Word report');
    await clickButton(page, /^Exportera rapport \(Word\)$/);
    await expectText(/Rapporten för uppföljning 2026 \(Word\) är klar/, 'Word report link');
    await shot('word-report-link');
    await clickButton(page, /^Påminn de som inte är klara$/);
    await expectText(/som inte har svarat klart får en påminnelse/, 'remind says first how many get one');
    await shot('remind-confirm');
    await clickButton(page, /^Skicka påminnelser$/);
    await expectText(/Påminnelser skickade till/, 'reminders sent when confirmed');
    await expectText(/Sammanställning uppföljning 2026/, 'the summary stays');
    await shot('reminded');
    await say('sammanställning 2026');
    await clickButton(page, /^Svara för enheten$/);
    await expectText(/Rapporterande enhet: Polisen/, "Polisen's card from the summary");
    await shot('answer-for-polisen');
    // Closing is a decision, and a closed round can be opened again.
    await say('stäng uppföljning 2026');
    await expectText('Stänga uppföljning 2026?', 'closing asks first, with what is still missing');
    await shot('close-confirm');
    await clickButton(page, /^Stäng$/);
    await expectText(/Uppföljning 2026 är stängd/, 'closed on Stäng');
    await expectText(/Follow-up 2026 was closed on/, 'the contact who had not finished is told');
    await shot('closed');
    // A closed round's summary offers the registrar's archive package (#28).
    await say('sammanställning 2026');
    await expectText(/Arkivpaket för registrator \(zip\)/, "a closed round's summary offers the archive package");
    await shot('archive-offered');
    // What the bot keeps about a person, and erasing it only after a confirmation (#28).
    await say('kontakt KOF bertil.berg@example.com');
    await say('personuppgifter bertil.berg@example.com');
    await expectText(/Personuppgifter om bertil\.berg@example\.com/, 'an admin sees what is kept about a person');
    await shot('personal-data');
    await say('glöm bertil.berg@example.com');
    await expectText(/Svaren är allmänna handlingar/, 'erasing says first what goes and what stays');
    await shot('forget-confirm');
    await clickButton(page, /^Avbryt$/);
    await expectText(/Ingenting raderades/, 'Avbryt erases nothing');
    await say('återöppna uppföljning 2026 senast 2099-03-31');
    await expectText(/Uppföljning 2026 är öppen igen, med sista svarsdag 2099-03-31/, 'reopened with a new deadline');
    await shot('reopened');
    // What the bot lacks in this tenant, as an admin asks it in Teams.
    await say('diagnos');
    await expectText(/Diagnos: vad boten behöver i er miljö/, 'the admin gets the diagnosis');
    await expectText(
      /Inget misslyckades: \d+ kontroller fungerar, \d+ är kvar att göra, \d+ behövs inte här/,
      'nothing fails in local mode',
    );
    await shot('diagnosis');
    // In the group chat: the summary goes to the personal chat, the group is told so.
    await page.getByText('Trygghetsgruppen').first().click();
    await page.waitForTimeout(2000);
    await mentionBotAndSay(page, 'sammanställning 2026');
    await expectText(/Jag har skickat det till dig i vår personliga chatt/, 'a summary asked for in a group is sent privately');
    await shot('group-sent-privately');
    await browser.close();
  } finally {
    playground.kill();
    await bot.stop();
    rmSync(storeDir, { recursive: true, force: true });
  }
  console.log(`Screenshots in ${out}`);
  for (const f of failures) console.error(`FAILED ${f}`);
  return failures.length === 0 ? 0 : 1;
}

/** In a group chat the bot only hears messages that @mention it: types "@", picks the bot, then the text. */
async function mentionBotAndSay(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.click();
  await page.keyboard.type('@Tryg', { delay: 50 });
  await page.waitForTimeout(1500);
  // The Playground suggests the bot above the box, as Teams does.
  await page.getByText('Trygghetsboten', { exact: true }).last().click();
  await box.click();
  await page.keyboard.press('End');
  await page.keyboard.type(` ${text}`, { delay: 10 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
}

async function clickButton(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).last().click();
  await page.waitForTimeout(2500);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
