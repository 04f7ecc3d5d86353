import type { Transaction } from 'dexie';
import type { Contact } from '../../domain/contact';
import { CONTACT_COUNT, contactPageOf, packContactPage } from '../contact-store';
import { newRevision } from '../search-index';
import { eachRecord } from './raw';
import type { Migration } from './types';

/**
 * Moves contacts from one record each into packed page records (contact-store.ts), the change that
 * brings a 100 000-contact import under 10 s, and deletes the old `contacts` store after the upgrade.
 * The search pages stay as they are: they are keyed by the same hash of the same ids.
 *
 * One raw cursor pass reads every contact (dropping the `searchWords` list migration 3 left on
 * disk), then each page is written once.
 */
export const packContacts: Migration = {
  version: 4,
  stores: {
    contacts: null,
    contactPages: 'page, *emails, *urls, *tags, *industries',
  },
  async upgrade(tx: Transaction) {
    const idb = tx.idbtrans;
    const pages = new Map<number, Contact[]>();
    let count = 0;
    await eachRecord(idb.objectStore('contacts'), (value) => {
      const { searchWords: _legacy, ...contact } = value as Contact & { searchWords?: unknown };
      const page = contactPageOf(contact.id);
      let list = pages.get(page);
      if (!list) pages.set(page, (list = []));
      list.push(contact);
      count++;
    });
    const store = idb.objectStore('contactPages');
    for (const [page, contacts] of pages) store.put(packContactPage(page, contacts));
    const meta = idb.objectStore('meta');
    meta.put({ key: CONTACT_COUNT, value: count });
    if (count > 0) meta.put(newRevision());
  },
};
