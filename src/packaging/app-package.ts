/**
 * The Teams app package (appPackage/build/appPackage.zip, and the manifest beside it) built from
 * appPackage/ with this installation's values, the manifest checked against the official schema:
 *   TEAMS_APP_ID            the app's id in Teams (a GUID; default: the one in manifest.json)
 *   BOT_ID                  the bot's Entra app id: the managed identity's client id (a GUID; required).
 *                           Also webApplicationInfo's id, which Graph's proactive install requires.
 *   BOT_DOMAIN              the bot's host name, e.g. trygghetsbot-abc123-web.azurewebsites.net (required)
 *   APP_VERSION             the package version (default: package.json's)
 *   PUBLISHER_NAME          who publishes the app (default: the plan's municipality)
 *   PUBLISHER_WEBSITE_URL, PUBLISHER_PRIVACY_URL, PUBLISHER_TERMS_URL   https links; required unless
 *                           the plan's municipality is the one appPackage/manifest.json names
 *   PLAN_FILE               the plan the descriptions are made from (default: the active plan)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ManifestUtil } from '@microsoft/app-manifest';
import { projectRoot } from '../project-root';
import { loadConfig } from '../config';
import { loadPlan } from '../plan-files';
import type { Plan } from '../core/plan/model';
import { manifestTexts } from './manifest-texts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A problem with the values given: said to the admin as it is, without a stack trace. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

interface Developer {
  name: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

/** Who publishes the app: from the settings; the committed manifest's only for the municipality it names. */
function publisher(env: NodeJS.ProcessEnv, plan: Plan, committed: Developer): Developer {
  const name = env.PUBLISHER_NAME?.trim() || plan.source.municipality;
  const ours = name === committed.name;
  const link = (variable: string, fallback: string): string => {
    const value = env[variable]?.trim() || (ours ? fallback : '');
    if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(value))
      throw new PackageError(
        `${variable} must be an https link for ${name} (the app's details in Teams show it)${value ? `: "${value}" is not one` : ''}`,
      );
    return value;
  };
  if (name.length > 32) throw new PackageError(`PUBLISHER_NAME may have at most 32 characters (Teams): "${name}"`);
  return {
    name,
    websiteUrl: link('PUBLISHER_WEBSITE_URL', committed.websiteUrl),
    privacyUrl: link('PUBLISHER_PRIVACY_URL', committed.privacyUrl),
    termsOfUseUrl: link('PUBLISHER_TERMS_URL', committed.termsOfUseUrl),
  };
}

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
    developer: Developer;
    description: { short: string; full: string };
    webApplicationInfo?: { id: string; resource: string };
    localizationInfo?: { additionalLanguages?: Array<{ languageTag: string; file: string }> };
  };
  const botId = env.BOT_ID ?? '';
  const domain = (env.BOT_DOMAIN ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!GUID.test(botId)) throw new PackageError("BOT_ID must be the bot's Entra app id (the template's output BOT_ID, a GUID)");
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain))
    throw new PackageError(
      "BOT_DOMAIN must be the bot's host name (the template's output BOT_DOMAIN), e.g. trygghetsbot-abc123-web.azurewebsites.net",
    );
  if (env.TEAMS_APP_ID && !GUID.test(env.TEAMS_APP_ID)) throw new PackageError('TEAMS_APP_ID must be a GUID');
  const plan = loadPlan(loadConfig(env).planFile);
  const texts = manifestTexts(plan);
  manifest.id = env.TEAMS_APP_ID || manifest.id;
  manifest.developer = publisher(env, plan, manifest.developer);
  manifest.description = texts.sv;
  // Graph's proactive install (TeamsAppInstallation.ReadWriteSelfForUser.All) requires it: the bot's own Entra app.
  manifest.webApplicationInfo = { id: botId, resource: `api://${domain}/botid-${botId}` };
  manifest.version = env.APP_VERSION ?? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  manifest.bots[0]!.botId = botId;
  manifest.validDomains = [domain];
  const errors = await ManifestUtil.validateManifestAgainstSchema(
    manifest as never,
    officialSchema(manifest.manifestVersion, 'manifest') as never,
  );
  if (errors.length > 0) throw new PackageError(`The manifest does not match the Teams schema:\n${errors.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file(manifest.icons.color, readFileSync(join(dir, manifest.icons.color)));
  zip.file(manifest.icons.outline, readFileSync(join(dir, manifest.icons.outline)));
  // The manifest's other languages (English beside the Swedish default), each checked against its schema.
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const translation = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    if (languageTag.startsWith('en')) {
      translation['description.short'] = texts.en.short;
      translation['description.full'] = texts.en.full;
    }
    const text = JSON.stringify(translation, null, 2);
    const problems = await localizationProblems(translation, manifest.manifestVersion);
    if (problems.length > 0)
      throw new PackageError(`The ${languageTag} translation (${file}) does not match the Teams schema:\n${problems.join('\n')}`);
    zip.file(file, text);
  }
  const file = outFile ?? join(dir, 'build', 'appPackage.zip');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  // The manifest as packed, beside the zip: what the Toolkit's validateManifest step checks.
  writeFileSync(join(file, '..', 'manifest.json'), JSON.stringify(manifest, null, 2));
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
