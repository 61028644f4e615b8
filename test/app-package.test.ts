import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readFileSync as read, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { buildAppPackage } from '../src/cli/package-app';
import { ROOT } from './fixtures/plan';

const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage/manifest.json'), 'utf8')) as {
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: Array<{ scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
};

/** The official schema for the manifest's version, as shipped inside @microsoft/app-manifest (no network). */
function officialSchema(version: string): Record<string, unknown> {
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  // The published schema has a "\a" escape that JavaScript regexes reject (microsoft-teams-app-schema#190).
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\x07')) as Record<string, unknown>;
}

function pngSize(file: string): { width: number; height: number; colorType: number } {
  const png = readFileSync(file);
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) };
}

describe('Teams app package', () => {
  it('manifest validates against the official Teams manifest schema', async () => {
    const errors = await ManifestUtil.validateManifestAgainstSchema(manifest as never, officialSchema(manifest.manifestVersion) as never);
    assert.deepEqual(errors, []);
  });

  it('the schema check is real: a broken manifest fails it', async () => {
    const broken = { ...manifest, id: 'not-a-guid', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    const errors = await ManifestUtil.validateManifestAgainstSchema(broken as never, officialSchema(manifest.manifestVersion) as never);
    assert.ok(errors.length >= 2, errors.join('\n'));
  });

  it('has the bot in personal, team and group chat scopes, with a command list', () => {
    assert.deepEqual(manifest.bots[0]!.scopes, ['personal', 'team', 'groupChat']);
    assert.ok(manifest.bots[0]!.commandLists[0]!.commands.some((c) => c.title === 'hjälp'));
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
      assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
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
