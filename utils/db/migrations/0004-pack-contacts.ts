import type { Transaction } from 'dexie';
import { CONTACT_COUNT, CONTACT_PAGES, CONTACTS_REV, idHash, packContactPage } from './frozen-page-layout';
import { eachRecord } from './raw';
import type { Migration } from './types';

interface V3Contact {
  id: string;
  updatedAt: string;
  displayName: string;
  emails: string[];
  linkedinUrl?: string;
  tags: string[];
  industry?: string;
  searchWords?: unknown;
}

/**
 * Schema 4 (2026-11-25): moved contacts from one record each into 8 192 packed page records and
 * deleted the `contacts` store. One raw cursor pass reads every contact (dropping the
 * `searchWords` list migration 3 left on disk); each page is written once. Migration 5 unpacks
 * them again.
 */
export const packContacts: Migration = {
  version: 4,
  stores: {
    contacts: null,
    contactPages: 'page, *emails, *urls, *tags, *industries',
  },
  async upgrade(tx: Transaction) {
    const idb = tx.idbtrans;
    const pages = new Map<number, V3Contact[]>();
    let count = 0;
    await eachRecord(idb.objectStore('contacts'), (value) => {
      const { searchWords: _legacy, ...contact } = value as V3Contact;
      const page = idHash(contact.id) % CONTACT_PAGES;
      let list = pages.get(page);
      if (!list) pages.set(page, (list = []));
      list.push(contact);
      count++;
    });
    const store = idb.objectStore('contactPages');
    for (const [page, contacts] of pages) store.put(packContactPage(page, contacts));
    const meta = idb.objectStore('meta');
    meta.put({ key: CONTACT_COUNT, value: count });
    if (count > 0) meta.put({ key: CONTACTS_REV, value: crypto.randomUUID() });
  },
};
