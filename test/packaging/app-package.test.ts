import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readFileSync as read, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { buildAppPackage, localizationProblems, officialSchema } from '../../src/packaging/app-package';
import { ROOT } from '../fixtures/plan';

const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage/manifest.json'), 'utf8')) as {
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: Array<{ scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
};

function pngSize(file: string): { width: number; height: number; colorType: number } {
  const png = readFileSync(file);
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) };
}

describe('Teams app package', () => {
  it('manifest validates against the official Teams manifest schema', async () => {
    const errors = await ManifestUtil.validateManifestAgainstSchema(
      manifest as never,
      officialSchema(manifest.manifestVersion, 'manifest') as never,
    );
    assert.deepEqual(errors, []);
  });

  it('the schema check is real: a broken manifest fails it', async () => {
    const broken = { ...manifest, id: 'not-a-guid', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    const errors = await ManifestUtil.validateManifestAgainstSchema(
      broken as never,
      officialSchema(manifest.manifestVersion, 'manifest') as never,
    );
    assert.ok(errors.length >= 2, errors.join('\n'));
  });

  it('has the bot in personal, team and group chat scopes, with a command list', () => {
    assert.deepEqual(manifest.bots[0]!.scopes, ['personal', 'team', 'groupChat']);
    assert.ok(manifest.bots[0]!.commandLists[0]!.commands.some((c) => c.title === 'hjälp'));
    // The report goes to the admin's OneDrive through a file consent card, which needs files.
    assert.equal((manifest.bots[0] as { supportsFiles?: boolean }).supportsFiles, true);
  });

  it('is Swedish by default with an English translation of every command, valid against the localization schema', async () => {
    const info = (manifest as unknown as { localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ file: string }> } })
      .localizationInfo;
    assert.equal(info.defaultLanguageTag, 'sv-se');
    const english = JSON.parse(readFileSync(join(ROOT, 'appPackage', info.additionalLanguages[0]!.file), 'utf8')) as Record<string, string>;
    assert.deepEqual(await localizationProblems(english, manifest.manifestVersion), []);
    manifest.bots[0]!.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        assert.ok(english[`bots[0].commandLists[${l}].commands[${c}].title`], `English title of ${command.title}`);
        assert.ok(english[`bots[0].commandLists[${l}].commands[${c}].description`], `English description of ${command.title}`);
      }),
    );
    // The check is real: a key the schema does not know, or a title too long, is caught.
    const broken = { ...english, 'bots[0].commandLists[0].commands[0].title': 'x'.repeat(200), 'name.shortish': 'x' };
    assert.equal((await localizationProblems(broken, manifest.manifestVersion)).length, 2);
    // Swedish text stays out of the English file and English out of the Swedish command list.
    assert.doesNotMatch(JSON.stringify(english), /[åäö]/i);
    assert.doesNotMatch(JSON.stringify(manifest.bots[0]!.commandLists), /Answers who|Who is responsible/);
  });

  it('has a 192×192 color icon and a 32×32 outline icon with transparency', () => {
    assert.deepEqual(pngSize(join(ROOT, 'appPackage', manifest.icons.color)).width, 192);
    assert.deepEqual(pngSize(join(ROOT, 'appPackage', manifest.icons.color)).height, 192);
    const outline = pngSize(join(ROOT, 'appPackage', manifest.icons.outline));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.ok([4, 6].includes(outline.colorType), 'outline icon has an alpha channel');
  });
});

describe('npm run package', () => {
  it("builds a zip with the installation's bot id and domain, valid against the schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-pkg-'));
    try {
      const out = join(dir, 'app.zip');
      await buildAppPackage(
        { BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_DOMAIN: 'https://trygghetsbot.azurewebsites.net/', APP_VERSION: '1.2.3' },
        out,
      );
      const zip = await JSZip.loadAsync(read(out));
      assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
      const packed = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
        bots: Array<{ botId: string }>;
        validDomains: string[];
        version: string;
      };
      assert.equal(packed.bots[0]!.botId, '11111111-2222-4333-8444-555555555555');
      assert.deepEqual(packed.validDomains, ['trygghetsbot.azurewebsites.net']);
      assert.equal(packed.version, '1.2.3');
      await assert.rejects(buildAppPackage({ BOT_ID: 'not-a-guid', BOT_DOMAIN: 'x.example.com' }, out), /BOT_ID/);
      await assert.rejects(buildAppPackage({ BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_DOMAIN: 'nope' }, out), /BOT_DOMAIN/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const BOT = '11111111-2222-4333-8444-555555555555';
  const unpack = async (file: string) => {
    const zip = await JSZip.loadAsync(read(file));
    return {
      manifest: JSON.parse(await zip.file('manifest.json')!.async('string')) as {
        developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
        description: { short: string; full: string };
        webApplicationInfo?: { id: string; resource: string };
      },
      english: JSON.parse(await zip.file('en-us.json')!.async('string')) as Record<string, string>,
    };
  };
  /** Another municipality's plan, followed up per tertial, with no registration number. */
  const otherPlan = (dir: string): string => {
    const plan = JSON.parse(readFileSync(join(ROOT, 'data/plan/plan-2023.json'), 'utf8')) as {
      source: Record<string, string>;
      followUp: { period: string };
    };
    plan.source.municipality = 'Exempelby kommun';
    plan.source.title = 'Samverkansöverenskommelse om trygghet';
    plan.source.diarienummer = '';
    plan.followUp.period = 'tertial';
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    return file;
  };

  it("has webApplicationInfo with the bot's Entra app id, which Graph's proactive install requires", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-pkg-'));
    try {
      const { file } = await buildAppPackage({ BOT_ID: BOT, BOT_DOMAIN: 'bot.example.se' }, join(dir, 'app.zip'));
      const { manifest: packed } = await unpack(file);
      assert.equal(packed.webApplicationInfo?.id, BOT);
      assert.match(packed.webApplicationInfo!.resource, /^api:\/\/bot\.example\.se\/botid-11111111-/);
      // The manifest as packed is also beside the zip, for the Toolkit's validateManifest step.
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), packed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what an approving Teams admin needs to know, for this plan: how often, the statuses, reminders and summaries, answers stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-pkg-'));
    try {
      const { manifest: packed, english } = await unpack(
        (await buildAppPackage({ BOT_ID: BOT, BOT_DOMAIN: 'bot.example.se' }, join(dir, 'app.zip'))).file,
      );
      assert.match(packed.description.full, /En gång om året skickar appen/);
      assert.match(packed.description.full, /Pågående, Påbörjad eller Ej påbörjad/);
      assert.match(packed.description.full, /påminner .* sammanfattningar/);
      assert.match(packed.description.full, /Svaren sparas med vem som svarade och när/);
      assert.match(packed.description.full, /KS 2023-638/);
      assert.match(english['description.full']!, /Once a year the app sends/);
      assert.match(english['description.full']!, /ongoing, started or not started/);
      assert.match(english['description.full']!, /reminds .* summaries/);
      assert.match(english['description.full']!, /answers are stored with who answered and when/);
      assert.equal(packed.developer.name, 'Linköpings kommun');

      // Another municipality's plan, per tertial: its own words, none of Linköping's.
      const env = { BOT_ID: BOT, BOT_DOMAIN: 'bot.example.se', PLAN_FILE: otherPlan(dir) };
      await assert.rejects(
        buildAppPackage(env, join(dir, 'other.zip')),
        /PUBLISHER_WEBSITE_URL must be an https link for Exempelby kommun/,
      );
      const other = await unpack(
        (
          await buildAppPackage(
            {
              ...env,
              PUBLISHER_WEBSITE_URL: 'https://www.exempelby.se',
              PUBLISHER_PRIVACY_URL: 'https://www.exempelby.se/dataskydd',
              PUBLISHER_TERMS_URL: 'https://www.exempelby.se/villkor',
            },
            join(dir, 'other.zip'),
          )
        ).file,
      );
      assert.match(other.manifest.description.full, /Tre gånger om året \(per tertial\) skickar appen/);
      assert.match(other.english['description.full']!, /Three times a year/);
      assert.equal(other.manifest.developer.name, 'Exempelby kommun');
      assert.doesNotMatch(JSON.stringify(other), /Linköping|linkoping|En gång om året|Once a year|\(\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
