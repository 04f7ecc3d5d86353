import type { Transaction } from 'dexie';
import { contactText, newRevision, packPage, pageOf } from '../search-index';
import { eachRecord } from './raw';
import type { Migration } from './types';

/**
 * Replaces the per-word `searchWords` index of contacts (five index entries per contact, half the
 * cost of a large import) with packed search pages, kept from then on with every contact write,
 * and drops the `updatedAt` index, whose one use (recently changed contacts) the pages answer.
 *
 * The upgrade reads the contacts once with a raw cursor, files each in its page, and writes every
 * page once: 3 s for 100 000 contacts (`BENCH_ONLY=upgrade`). It leaves each record's old
 * `searchWords` list in place until the contact is next written, and `RapportDB` hides the field
 * from every read: rewriting 100 000 records in the upgrade took 33 s (55 s through Dexie's
 * `modify`, whose chunks each rewrite every page they touch), a wait every existing user would
 * pay on the first start after the update. (Migration 4 then moved every contact into page
 * records, dropping those lists.)
 */
export const packSearchIndex: Migration = {
  version: 3,
  stores: {
    contacts: 'id, *emails, linkedinUrl, *tags, companyId, industry, lastInteractionAt',
    searchPages: 'page',
  },
  async upgrade(tx: Transaction) {
    const idb = tx.idbtrans;
    const pages = new Map<number, Map<string, [string, string]>>();
    await eachRecord(idb.objectStore('contacts'), (value) => {
      const contact = value as { id: string; updatedAt: string; displayName: string };
      const page = pageOf(contact.id);
      let entries = pages.get(page);
      if (!entries) pages.set(page, (entries = new Map()));
      entries.set(contact.id, [contact.updatedAt, contactText(contact)]);
    });
    const store = idb.objectStore('searchPages');
    for (const [page, entries] of pages) store.put(packPage(page, entries));
    if (pages.size > 0) idb.objectStore('meta').put(newRevision());
  },
};
