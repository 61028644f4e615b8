/** Every port the use cases need, on one document store (embedded, Cosmos DB, or in memory). */
import type { DocumentStore } from '../store/document-store';
import type { Records } from '../usecases/ports';
import { LeasesOnStore } from './leases-on-store';
import { PeopleOnStore } from './people-records';
import { ReportLinksOnStore } from './report-links';
import { RoundsOnStore } from './round-records';
import { WordsOnStore } from './word-records';

export function recordsOn(store: DocumentStore, options: { contactsMs?: number; closedRoundMs?: number } = {}): Records {
  return {
    rounds: new RoundsOnStore(store, options.closedRoundMs),
    people: new PeopleOnStore(store, options.contactsMs),
    words: new WordsOnStore(store),
    leases: new LeasesOnStore(store),
    reportLinks: new ReportLinksOnStore(store),
  };
}
