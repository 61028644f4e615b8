import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readFileSync as read, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { buildAppPackage, localizationProblems, officialSchema } from '../src/cli/package-app';
import { ROOT } from './fixtures/plan';

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
  });

  it('says what an approving Teams admin needs to know: a yearly status request, answers stored', () => {
    const full = (manifest as unknown as { description: { full: string } }).description.full;
    assert.match(full, /En gång om året skickar appen/);
    assert.match(full, /Svaren sparas med vem som svarade och när/);
    const english = JSON.parse(readFileSync(join(ROOT, 'appPackage/en-us.json'), 'utf8')) as Record<string, string>;
    assert.match(english['description.full']!, /Once a year/);
    assert.match(english['description.full']!, /answers are stored with who answered and when/);
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
});
