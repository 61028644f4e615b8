/**
 * The report as a file in the admin's own OneDrive, the Teams way for a bot in a personal chat
 * (Microsoft: "Send and receive files using bots", Teams bot APIs):
 *
 * 1. the bot sends a file consent card (name, size, what it is);
 * 2. the admin presses Allow: Teams creates an upload session in the admin's OneDrive and sends an
 *    invoke `fileConsent/invoke` with `uploadInfo` (uploadUrl, contentUrl, name, uniqueId, fileType);
 * 3. the bot PUTs the bytes to `uploadUrl` (Content-Range: bytes 0-(n-1)/n) and sends a file info
 *    card that opens the file. Decline: nothing is uploaded.
 *
 * The file then lives under Microsoft 365's access control, never behind a bearer URL. The report
 * is built again, and the admin checked again, when the consent is accepted.
 */
import type { Attachment } from 'botbuilder';
import type { Language } from '../../core/language';
import { t } from '../../core/texts/catalog';
import type { ReportFile } from '../../usecases/report';
import { roundLabel } from '../../core/followup/periods';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries back when it is accepted or declined: which report, in which language. */
export interface ReportConsentContext {
  year: string;
  format: string;
  lang: Language;
}

/** The upload session Teams made in the admin's OneDrive, as the invoke carries it. */
export interface UploadInfo {
  contentUrl: string;
  name: string;
  uploadUrl: string;
  uniqueId: string;
  fileType: string;
}

export function fileConsentCard(file: ReportFile, year: number, context: ReportConsentContext): Attachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name: file.fileName,
    content: {
      description: t('reportConsentDescription', context.lang, { year: roundLabel(year) }),
      sizeInBytes: Buffer.byteLength(file.body),
      acceptContext: context,
      declineContext: context,
    },
  };
}

export function fileInfoCard(upload: UploadInfo): Attachment {
  return {
    contentType: FILE_INFO_CARD,
    contentUrl: upload.contentUrl,
    name: upload.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}

/**
 * OneDrive and SharePoint over https (national clouds too): where Teams makes an upload session.
 * The bot PUTs a report with names in it to this address, so it takes no other; in local mode also
 * the local stand-in on this machine.
 */
const ONEDRIVE_HOST = /^[a-z0-9-]+\.sharepoint(?:-mil)?\.(?:com|us|de|cn)$/i;

export function uploadUrlAllowed(raw: unknown, localMode: boolean): raw is string {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:' && ONEDRIVE_HOST.test(url.hostname)) return true;
  return localMode && url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

/** The file in one PUT to the upload session (a report is well under the 60 MiB one request may carry). */
export async function uploadFile(uploadUrl: string, body: Buffer | string): Promise<void> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'content-length': String(bytes.length), 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200 && response.status !== 201) throw new Error(`upload answered ${response.status}`);
}

/** The upload session as the invoke carries it, every field a string, or undefined. */
export function uploadInfoOf(raw: unknown): UploadInfo | undefined {
  const u = raw as Partial<Record<keyof UploadInfo, unknown>> | undefined;
  const keys = ['contentUrl', 'name', 'uploadUrl', 'uniqueId', 'fileType'] as const;
  if (!u || keys.some((k) => typeof u[k] !== 'string')) return undefined;
  return {
    contentUrl: u.contentUrl as string,
    name: u.name as string,
    uploadUrl: u.uploadUrl as string,
    uniqueId: u.uniqueId as string,
    fileType: u.fileType as string,
  };
}

/** The consent card's context as sent back, or undefined when it is not one of ours. */
export function consentContextOf(raw: unknown): ReportConsentContext | undefined {
  const c = raw as Partial<ReportConsentContext> | undefined;
  if (!c || typeof c.year !== 'string' || typeof c.format !== 'string') return undefined;
  return { year: c.year, format: c.format, lang: c.lang === 'en' ? 'en' : 'sv' };
}
