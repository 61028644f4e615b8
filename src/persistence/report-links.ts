/**
 * Links to a report served by the bot's own server: an unguessable token (32 random bytes) that
 * expires within minutes and opens the report once. Only its SHA-256 is stored, so the store holds
 * nothing that opens a report by itself. Redeeming deletes the link under its ETag, so that of two
 * requests at once, on one instance or two, only one gets the report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, PreconditionFailedError, type DocumentBody, type DocumentStore } from '../store/document-store';
import { samePerson, type Person } from '../core/followup/model';
import type { ReportFormat, ReportLink, ReportLinks } from '../usecases/ports';

interface LinkDoc extends DocumentBody {
  type: 'report-link';
  year: number;
  format: ReportFormat;
  expiresAt: number;
  createdBy: Person;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

export class ReportLinksOnStore implements ReportLinks {
  constructor(private readonly store: DocumentStore) {}

  async create(year: number, format: ReportFormat, createdBy: Person, ttlMs: number, now = Date.now()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.store.create<LinkDoc>('directory', {
      id: `link|${hash(token)}`,
      pk: 'report-links',
      type: 'report-link',
      year,
      format,
      expiresAt: now + ttlMs,
      createdBy,
    });
    return token;
  }

  async resolve(token: string, now = Date.now()): Promise<ReportLink | undefined> {
    const doc = await this.read(token);
    if (!doc || doc.expiresAt <= now) return undefined;
    return { year: doc.year, format: doc.format, createdBy: doc.createdBy };
  }

  async redeem(token: string, now = Date.now()): Promise<ReportLink | undefined> {
    const doc = await this.read(token);
    if (!doc) return undefined;
    try {
      await this.store.delete('directory', 'report-links', doc.id, doc._etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError || error instanceof NotFoundError) return undefined; // used (or changed) by another request meanwhile
      throw error;
    }
    if (doc.expiresAt <= now) return undefined;
    return { year: doc.year, format: doc.format, createdBy: doc.createdBy };
  }

  async deleteWhere(match: { createdBy: Person } | { expiredBefore: number }): Promise<number> {
    const doomed = (await this.store.listPartition<LinkDoc>('directory', 'report-links', 'report-link')).filter((d) =>
      'createdBy' in match ? samePerson(d.createdBy, match.createdBy) : d.expiresAt <= match.expiredBefore,
    );
    for (const doc of doomed) await this.store.delete('directory', 'report-links', doc.id);
    return doomed.length;
  }

  async list(): Promise<Array<ReportLink & { expiresAt: number }>> {
    return (await this.store.listPartition<LinkDoc>('directory', 'report-links', 'report-link')).map((d) => ({
      year: d.year,
      format: d.format,
      createdBy: d.createdBy,
      expiresAt: d.expiresAt,
    }));
  }

  private async read(token: string) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    return this.store.read<LinkDoc>('directory', 'report-links', `link|${hash(token)}`);
  }
}
