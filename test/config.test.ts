/** Every setting parsed with its type and range; a bad one stops start-up naming variable, value and what is allowed. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, SETTINGS, loadConfig } from '../src/config';
import { assertProductionReady } from '../src/production-ready';
import { runBotExpectingExit } from './e2e/bot-process';
import { ROOT } from './fixtures/plan';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  return [];
}

describe('settings', () => {
  it('runs locally on the defaults alone', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.deepEqual(config.reminderDaysBefore, [14, 3]);
    assert.equal(config.sendRatePerSecond, 48);
    assert.equal(config.schedulerIntervalMs, 60_000);
    assert.equal(config.userMessagesPerMinute, 30);
    assert.equal(config.userActionsPerMinute, 120);
    assert.equal(config.production, false);
    assert.equal(config.microsoftAppId, '');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['SEND_RATE_PER_SECOND', 'fifty', /SEND_RATE_PER_SECOND="fifty" is not valid: expected a number from 0\.1 to 1000\./],
    ['SEND_RATE_PER_SECOND', '0', /from 0\.1 to 1000/],
    [
      'REMINDER_DAYS',
      '14,three',
      /REMINDER_DAYS="14,three" is not valid: expected whole numbers of days from 0 to 365, or "none", separated by commas \("three" is not/,
    ],
    ['REMINDER_DAYS', '14,-3', /"-3" is not a whole number from 0 to 365/],
    ['SCHEDULER_INTERVAL_MS', '-5', /SCHEDULER_INTERVAL_MS="-5" is not valid: expected 0 \(off\) or a whole number of milliseconds/],
    ['SCHEDULER_INTERVAL_MS', '1e3', /SCHEDULER_INTERVAL_MS/],
    ['PORT', '99999', /PORT="99999" is not valid: expected a whole number from 0 to 65535/],
    ['PORT', '80abc', /PORT/],
    ['MAX_BODY_BYTES', '1KB', /MAX_BODY_BYTES/],
    ['USER_MESSAGES_PER_MINUTE', '2.5', /USER_MESSAGES_PER_MINUTE/],
    ['USER_ACTIONS_PER_MINUTE', 'many', /USER_ACTIONS_PER_MINUTE/],
    ['REPORT_LINK_TTL_MINUTES', '0', /REPORT_LINK_TTL_MINUTES/],
    ['REPORT_LINK_TTL_MINUTES', '1440', /REPORT_LINK_TTL_MINUTES/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL="verbose" is not valid: expected one of trace, debug, info, warn, error, fatal, silent/],
    ['MicrosoftAppType', 'Single', /expected one of MultiTenant, SingleTenant, UserAssignedMSI/],
    ['COSMOS_ENDPOINT', 'my-account.documents.azure.com', /COSMOS_ENDPOINT="my-account.documents.azure.com" is not valid: expected a URL/],
    ['COSMOS_ALLOW_SELF_SIGNED', 'yes', /expected one of true, false/],
    ['PUBLIC_URL', 'bot.example.se', /PUBLIC_URL/],
    ['ALLOWED_TENANTS', '72f988bf-0000-0000-0000-000000000001,contoso', /"contoso" is not an Entra tenant id/],
    ['BOOTSTRAP_ADMINS', 'anna', /"anna" is not an Entra object id or an e-mail address/],
    ['TURN_ACK_MS', '60000', /TURN_ACK_MS/],
  ];
  for (const [name, value, expected] of bad) {
    it(`refuses ${name}=${value}`, () => {
      const problems = problemsOf({ [name]: value });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, expected);
    });
  }

  it('lists every bad setting at once', () => {
    assert.equal(problemsOf({ SEND_RATE_PER_SECOND: 'fifty', REMINDER_DAYS: '14,three', SCHEDULER_INTERVAL_MS: '-5' }).length, 3);
  });

  it('reads values as an operator writes them', () => {
    const config = loadConfig({
      REMINDER_DAYS: ' 3, 14 ,14',
      SCHEDULER_INTERVAL_MS: '0',
      REPORT_LINK_TTL_MINUTES: '30',
      LOG_LEVEL: 'WARN',
      COSMOS_ALLOW_SELF_SIGNED: 'TRUE',
      PUBLIC_URL: 'https://bot.example.se/',
    });
    assert.deepEqual(config.reminderDaysBefore, [14, 3]);
    assert.equal(config.schedulerIntervalMs, 0);
    assert.equal(config.reportLinkTtlMs, 1_800_000);
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.cosmos.allowSelfSigned, true);
    assert.equal(config.publicUrl, 'https://bot.example.se');
    assert.deepEqual(loadConfig({ REMINDER_DAYS: 'none' }).reminderDaysBefore, []);
  });

  it('takes NODE_ENV=production in any case, and a blank app id as none', () => {
    const tenant = { ALLOWED_TENANTS: '72f988bf-0000-0000-0000-000000000001' };
    for (const nodeEnv of ['production', 'Production', 'PRODUCTION', ' production '])
      assert.equal(loadConfig({ NODE_ENV: nodeEnv }).production, true, nodeEnv);
    assert.equal(loadConfig({ MicrosoftAppId: '   ' }).microsoftAppId, '');
    assert.throws(
      () => assertProductionReady(loadConfig({ NODE_ENV: 'Production', MicrosoftAppId: '   ', MicrosoftAppPassword: 'x', ...tenant })),
      /needs MicrosoftAppId/,
    );
  });

  it('is documented: the settings reference lists exactly the settings the code reads', () => {
    const page = readFileSync(join(ROOT, 'docs/reference/settings.md'), 'utf8');
    const documented = new Set([...page.matchAll(/^\| `([A-Za-z_]+)`/gm)].map((m) => m[1]!));
    const read = new Set(Object.values(SETTINGS).map((s) => s.names[0]!));
    assert.deepEqual(
      [...read].filter((n) => !documented.has(n)),
      [],
      'read but not in the reference',
    );
    assert.deepEqual(
      [...documented].filter((n) => !read.has(n)),
      [],
      'in the reference but not read',
    );
  });

  it('stops the bot at start with a message naming the variable, the value and what is allowed', async function () {
    this.timeout(30_000);
    const { code, output } = await runBotExpectingExit({ SEND_RATE_PER_SECOND: 'fifty', REMINDER_DAYS: '14,three' });
    assert.equal(code, 1);
    assert.match(output, /The bot cannot start with these settings:\n- /);
    assert.match(output, /- SEND_RATE_PER_SECOND="fifty" is not valid: expected a number from 0.1 to 1000/);
    assert.match(output, /- REMINDER_DAYS="14,three" is not valid/);
    assert.ok(!/at \w+ \(/.test(output), 'no stack trace');
  });
});
