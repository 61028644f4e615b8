/**
 * npm run package: builds the Teams app package (appPackage/build/appPackage.zip) from appPackage/
 * with this installation's values, and checks the manifest against the official schema first.
 *   TEAMS_APP_ID   the app's id in Teams (a GUID; default: the one in manifest.json)
 *   BOT_ID         the Azure Bot's Microsoft App ID (a GUID; required)
 *   BOT_DOMAIN     the bot's host name, e.g. trygghetsbot.azurewebsites.net (required)
 *   APP_VERSION    the package version (default: package.json's)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ManifestUtil } from '@microsoft/app-manifest';
import { projectRoot } from '../project-root';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function buildAppPackage(
  env: NodeJS.ProcessEnv,
  outFile?: string,
): Promise<{ file: string; manifest: Record<string, unknown> }> {
  const root = projectRoot(__dirname);
  const dir = join(root, 'appPackage');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    id: string;
    version: string;
    manifestVersion: string;
    bots: Array<{ botId: string }>;
    validDomains: string[];
    icons: { color: string; outline: string };
    localizationInfo?: { additionalLanguages?: Array<{ languageTag: string; file: string }> };
  };
  const botId = env.BOT_ID ?? '';
  const domain = (env.BOT_DOMAIN ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!GUID.test(botId)) throw new Error("BOT_ID must be the Azure Bot's Microsoft App ID (a GUID)");
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain))
    throw new Error("BOT_DOMAIN must be the bot's host name, e.g. trygghetsbot.azurewebsites.net");
  if (env.TEAMS_APP_ID && !GUID.test(env.TEAMS_APP_ID)) throw new Error('TEAMS_APP_ID must be a GUID');
  manifest.id = env.TEAMS_APP_ID ?? manifest.id;
  manifest.version = env.APP_VERSION ?? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  manifest.bots[0]!.botId = botId;
  manifest.validDomains = [domain];
  const errors = await ManifestUtil.validateManifestAgainstSchema(
    manifest as never,
    officialSchema(manifest.manifestVersion, 'manifest') as never,
  );
  if (errors.length > 0) throw new Error(`The manifest does not match the Teams schema:\n${errors.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file(manifest.icons.color, readFileSync(join(dir, manifest.icons.color)));
  zip.file(manifest.icons.outline, readFileSync(join(dir, manifest.icons.outline)));
  // The manifest's other languages (English beside the Swedish default), each checked against its schema.
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const text = readFileSync(join(dir, file), 'utf8');
    const problems = await localizationProblems(JSON.parse(text) as Record<string, unknown>, manifest.manifestVersion);
    if (problems.length > 0)
      throw new Error(`The ${languageTag} translation (${file}) does not match the Teams schema:\n${problems.join('\n')}`);
    zip.file(file, text);
  }
  const file = outFile ?? join(dir, 'build', 'appPackage.zip');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file, manifest };
}

/**
 * The official schema (manifest or translation) for a manifest version, as shipped in
 * @microsoft/app-manifest (no network). The published files have regexes JavaScript rejects:
 * a "\a" escape (microsoft-teams-app-schema#190) and a lone "]" after "\b"; both are escaped here.
 */
export function officialSchema(manifestVersion: string, kind: 'manifest' | 'localization'): Record<string, unknown> {
  const name = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/${name}`);
  const text = readFileSync(file, 'utf8')
    .replace(/\\a/g, '\\x07')
    .replace(/\\\\b\]/g, '\\\\b\\\\]');
  return JSON.parse(text) as Record<string, unknown>;
}

/** What in a manifest translation breaks the official localization schema; empty when nothing. */
export function localizationProblems(translation: Record<string, unknown>, manifestVersion: string): Promise<string[]> {
  return ManifestUtil.validateManifestAgainstSchema(translation as never, officialSchema(manifestVersion, 'localization') as never);
}

if (require.main === module) {
  buildAppPackage(process.env).then(
    ({ file }) => console.log(`Teams app package: ${file}`),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
