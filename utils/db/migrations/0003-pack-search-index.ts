import type { Transaction } from 'dexie';
import { contactText, CONTACTS_REV, idHash, packSearchPage, SEARCH_PAGES } from './frozen-page-layout';
import { eachRecord } from './raw';
import type { Migration } from './types';

/**
 * Schema 3 (2026-11-24): replaced the per-word `searchWords` index of contacts with packed search
 * pages and dropped the `updatedAt` index. One raw cursor pass files each contact in its page;
 * each page is written once. The old `searchWords` lists stayed on disk (migration 4 drops them).
 * Migration 5 deletes the pages again; this step still builds them so that every version between
 * stays what it was.
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
      const page = idHash(contact.id) % SEARCH_PAGES;
      let entries = pages.get(page);
      if (!entries) pages.set(page, (entries = new Map()));
      entries.set(contact.id, [contact.updatedAt, contactText(contact)]);
    });
    const store = idb.objectStore('searchPages');
    for (const [page, entries] of pages) store.put(packSearchPage(page, entries));
    if (pages.size > 0) idb.objectStore('meta').put({ key: CONTACTS_REV, value: crypto.randomUUID() });
  },
};
