import { RangeSet, type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import type { Contact } from '../domain/contact';
import type { RapportDB } from './db';
import { CONTACTS_REV, idHash, newRevision, nextSearchPages, SEARCH_PAGES } from './search-index';

/*
 * Contacts, packed several to a record. Chromium's IndexedDB charges ≈ 70–100 µs of browser CPU per
 * record written, whatever its size, so one record per contact put a 100 000-contact import at
 * ≥ 10 s on two cores before any index (utils/transfer/README.md). Here each contact lives in one of
 * `CONTACT_PAGES` page records, picked by a hash of its id; a page carries the union of its
 * contacts' emails, LinkedIn URLs, tags and industries as multi-entry indexes, so every exact
 * look-up is still one index read, which returns the page, and the contact is picked from it.
 *
 * This module is the only code that reads or writes the pages. Every write reads the pages it
 * touches, rewrites each once, and in the same transaction updates the search pages, the revision
 * row and the contact count: an aborted transaction rolls all of them back together.
 */

/**
 * 8 192 pages: ≈ 12 contacts a page at 100 000 contacts, ≈ 120 at a million. Half as many made the
 * import 0.5 s faster and every email look-up ≈ 35 % slower (a look-up reads the whole page).
 */
export const CONTACT_PAGES = 8192;
/** The `meta` row holding the number of contacts (IndexedDB cannot count inside records). */
export const CONTACT_COUNT = 'contactCount';

/** One page record. The lists after `contacts` exist for the indexes; they are derived, sorted and unique. */
export interface ContactPage {
  page: number;
  /** Sorted by id. */
  contacts: Contact[];
  emails: string[];
  urls: string[];
  tags: string[];
  /** Lower-cased, for case-insensitive segment look-ups. */
  industries: string[];
}

/** The tables a contact write covers; a transaction that writes contacts must include them all. */
export function contactTables(db: RapportDB) {
  return [db.contactPages, db.searchPages, db.meta];
}

/** The page that holds a contact id. Its search page is `contactPageOf(id) % SEARCH_PAGES`. */
export function contactPageOf(id: string): number {
  return idHash(id) % CONTACT_PAGES;
}

/**
 * Items in write order, cut into chunks of about `size` (never splitting a contact page): grouped by
 * search page, then by contact page. Written chunk by chunk, every page is rewritten about once;
 * in random order every chunk would touch every page.
 */
export function writeChunks<T>(items: readonly T[], id: (item: T) => string, size: number): T[][] {
  // A bucket per contact page (no comparison sort: 100 000 items take a few milliseconds).
  const buckets: T[][] = Array.from({ length: CONTACT_PAGES }, () => []);
  for (const item of items) buckets[contactPageOf(id(item))]!.push(item);
  const out: T[][] = [];
  let chunk: T[] = [];
  for (let search = 0; search < SEARCH_PAGES; search++) {
    for (let page = search; page < CONTACT_PAGES; page += SEARCH_PAGES) {
      const bucket = buckets[page]!;
      if (bucket.length === 0) continue;
      if (chunk.length >= size) {
        out.push(chunk);
        chunk = [];
      }
      chunk.push(...bucket);
    }
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The stored page for these contacts: sorted by id, so it depends only on the data. */
export function packContactPage(page: number, contacts: Iterable<Contact>): ContactPage {
  const list = [...contacts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    page,
    contacts: list,
    emails: unique(list.flatMap((c) => c.emails)),
    urls: unique(list.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : []))),
    tags: unique(list.flatMap((c) => c.tags)),
    industries: unique(list.flatMap((c) => (c.industry ? [c.industry.toLowerCase()] : []))),
  };
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

/** One contact by id. */
export async function readContact(db: RapportDB, id: string): Promise<Contact | undefined> {
  const page = await db.contactPages.get(contactPageOf(id));
  return page?.contacts.find((c) => c.id === id);
}

/** Contacts by id, in the order asked (`undefined` where none); each page read once. */
export async function readContacts(db: RapportDB, ids: readonly string[]): Promise<(Contact | undefined)[]> {
  const pageKeys = [...new Set(ids.map(contactPageOf))];
  const pages = await db.contactPages.bulkGet(pageKeys);
  const byId = new Map<string, Contact>();
  const wanted = new Set(ids);
  for (const page of pages) for (const c of page?.contacts ?? []) if (wanted.has(c.id)) byId.set(c.id, c);
  return ids.map((id) => byId.get(id));
}

/** The contacts of these pages that pass `keep`, each once, in id order. */
function pick(pages: readonly ContactPage[], keep: (c: Contact) => boolean): Contact[] {
  const seen = new Set<number>();
  const out: Contact[] = [];
  for (const page of pages) {
    if (seen.has(page.page)) continue;
    seen.add(page.page);
    for (const c of page.contacts) if (keep(c)) out.push(c);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Contacts with any of these (normalised) email addresses. */
export async function contactsWithEmails(db: RapportDB, emails: readonly string[]): Promise<Contact[]> {
  if (emails.length === 0) return [];
  const wanted = new Set(emails);
  const index = db.contactPages.where('emails');
  // One key: a plain index read (Dexie's anyOf walks a cursor, ≈ 3× slower for a single key).
  const pages = await (wanted.size === 1 ? index.equals(emails[0]!) : index.anyOf([...wanted])).toArray();
  return pick(pages, (c) => c.emails.some((e) => wanted.has(e)));
}

/** Contacts with any of these (canonical) LinkedIn profile URLs. */
export async function contactsWithUrls(db: RapportDB, urls: readonly string[]): Promise<Contact[]> {
  if (urls.length === 0) return [];
  const wanted = new Set(urls);
  const index = db.contactPages.where('urls');
  const pages = await (wanted.size === 1 ? index.equals(urls[0]!) : index.anyOf([...wanted])).toArray();
  return pick(pages, (c) => c.linkedinUrl !== undefined && wanted.has(c.linkedinUrl));
}

/** Contacts carrying a tag. */
export async function contactsWithTag(db: RapportDB, tag: string): Promise<Contact[]> {
  return pick(await db.contactPages.where('tags').equals(tag).toArray(), (c) => c.tags.includes(tag));
}

/** Contacts in an industry, ignoring case. */
export async function contactsInIndustry(db: RapportDB, industry: string): Promise<Contact[]> {
  const key = industry.toLowerCase();
  return pick(await db.contactPages.where('industries').equals(key).toArray(), (c) => c.industry?.toLowerCase() === key);
}

/** Every tag in use, sorted. */
export async function contactTags(db: RapportDB): Promise<string[]> {
  return (await db.contactPages.orderBy('tags').uniqueKeys()).map(String);
}

/** A value that changes with every write to contacts ('' before the first). */
export async function contactsRevision(db: RapportDB): Promise<string> {
  return String((await db.meta.get(CONTACTS_REV))?.value ?? '');
}

/** The number of contacts. */
export async function countContacts(db: RapportDB): Promise<number> {
  return Number((await db.meta.get(CONTACT_COUNT))?.value ?? 0);
}

/**
 * Every contact, in batches of `batchSize` (the last may be smaller), read 32 pages at a time: one
 * batch in memory at a time. Page order, id order inside a page: the order depends only on the data.
 */
export async function* contactBatches(db: RapportDB, batchSize = 2000): AsyncIterable<Contact[]> {
  let after = -1;
  let buffer: Contact[] = [];
  for (;;) {
    const pages = await db.contactPages.where('page').above(after).limit(32).toArray();
    for (const page of pages) buffer.push(...page.contacts);
    while (buffer.length >= batchSize || (pages.length === 0 && buffer.length > 0)) {
      yield buffer.slice(0, batchSize);
      buffer = buffer.slice(batchSize);
    }
    if (pages.length === 0) return;
    after = pages[pages.length - 1]!.page;
  }
}

/** Calls `visit` for every contact, one batch of pages at a time. */
export async function eachContact(db: RapportDB, visit: (contact: Contact) => void): Promise<void> {
  for await (const batch of contactBatches(db)) for (const c of batch) visit(c);
}

/** Every contact that passes `keep`. */
export async function filterContacts(db: RapportDB, keep: (contact: Contact) => boolean): Promise<Contact[]> {
  const out: Contact[] = [];
  await eachContact(db, (c) => {
    if (keep(c)) out.push(c);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/** A contact id that `addContacts` found taken (the same error IndexedDB gives for a duplicate key). */
export class ContactExistsError extends Error {
  override name = 'ConstraintError';
  constructor(readonly id: string) {
    super(`A contact with the id ${id} already exists`);
  }
}

interface Change {
  upserts: Contact[];
  removals: string[];
}

/**
 * Applies a change to the pages it touches, the search pages and the count, in one transaction
 * (the caller's, when it covers the contact tables). With `mustBeNew`, an upsert whose id exists
 * (or repeats) throws `ContactExistsError` and nothing is written.
 */
async function applyChange(db: RapportDB, change: Change, mustBeNew: boolean): Promise<void> {
  if (change.upserts.length === 0 && change.removals.length === 0) return;
  await db.transaction('rw', contactTables(db), async () => {
    const byPage = new Map<number, Change>();
    const slot = (id: string) => {
      const page = contactPageOf(id);
      let entry = byPage.get(page);
      if (!entry) byPage.set(page, (entry = { upserts: [], removals: [] }));
      return entry;
    };
    for (const id of change.removals) slot(id).removals.push(id);
    for (const contact of change.upserts) slot(contact.id).upserts.push(contact);

    // Every read in one round trip, every write in one: a large import is thousands of these.
    const keys = [...byPage.keys()];
    const searchKeys = [...new Set(keys.map((page) => page % SEARCH_PAGES))];
    const [current, searchCurrent, count] = await Promise.all([db.contactPages.bulkGet(keys), db.searchPages.bulkGet(searchKeys), countContacts(db)]);
    const puts: ContactPage[] = [];
    const deletes: number[] = [];
    const removed: string[] = [];
    let delta = 0;
    keys.forEach((page, i) => {
      const contacts = new Map<string, Contact>((current[i]?.contacts ?? []).map((c) => [c.id, c]));
      const { upserts, removals } = byPage.get(page)!;
      for (const id of removals) {
        if (contacts.delete(id)) {
          delta--;
          removed.push(id);
        }
      }
      for (const contact of upserts) {
        if (!contacts.has(contact.id)) delta++;
        else if (mustBeNew) throw new ContactExistsError(contact.id);
        contacts.set(contact.id, contact);
      }
      if (contacts.size > 0) puts.push(packContactPage(page, contacts.values()));
      else if (current[i]) deletes.push(page);
    });
    await Promise.all([
      db.contactPages.bulkPut(puts),
      db.contactPages.bulkDelete(deletes),
      db.searchPages.bulkPut(nextSearchPages(searchKeys, searchCurrent, change.upserts, removed)),
      db.meta.bulkPut([newRevision(), { key: CONTACT_COUNT, value: count + delta }]),
    ]);
  });
}

/** Adds new contacts; throws `ContactExistsError` (and writes nothing) if an id is taken. */
export function addContacts(db: RapportDB, contacts: readonly Contact[]): Promise<void> {
  return applyChange(db, { upserts: [...contacts], removals: [] }, true);
}

/** Adds or replaces contacts by id. */
export function putContacts(db: RapportDB, contacts: readonly Contact[]): Promise<void> {
  return applyChange(db, { upserts: [...contacts], removals: [] }, false);
}

/** Removes contacts by id (unknown ids are ignored). */
export function deleteContacts(db: RapportDB, ids: readonly string[]): Promise<void> {
  return applyChange(db, { upserts: [], removals: [...ids] }, false);
}

/** Removes every contact. */
export async function clearContacts(db: RapportDB): Promise<void> {
  await db.transaction('rw', contactTables(db), async () => {
    await db.contactPages.clear();
    await db.searchPages.clear();
    await db.meta.bulkPut([newRevision(), { key: CONTACT_COUNT, value: 0 }]);
  });
}

// ---------------------------------------------------------------------------------------------
// Live-query bookkeeping for bulk writes
// ---------------------------------------------------------------------------------------------

/** Page writes of at least this many records are reported to live queries as "anything changed". */
const COARSE_AT = 8;
const PAGE_TABLES = new Set(['contactPages', 'searchPages']);

/**
 * Dexie tells live queries which keys a write touched; for a write of fewer than 50 records it
 * records every key of every index (a contact page carries ≈ 50 email and URL keys), and a
 * 100 000-contact import spent 1.5 s of main thread and one 250 ms task on that bookkeeping alone.
 * A page write of `COARSE_AT` records or more is an import or a bulk change, after which every
 * live query over contacts should re-run anyway: this marks it as touching the whole table.
 */
export const coarseBulkTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RapportCoarseBulkTracking',
  create(down: DBCore): Partial<DBCore> {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!PAGE_TABLES.has(name)) return table;
        const parts = ['', ':dels', ...table.schema.indexes.map((index) => index.name)].map((index) => `idb://${down.schema.name}/${name}/${index}`);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            const size = req.type === 'add' || req.type === 'put' ? req.values.length : req.type === 'delete' ? req.keys.length : 0;
            if (size < COARSE_AT) return table.mutate(req);
            const mutatedParts = req.mutatedParts ?? {};
            for (const part of parts) mutatedParts[part] = new RangeSet(down.MIN_KEY, down.MAX_KEY);
            return table.mutate({ ...req, mutatedParts });
          },
        };
      },
    };
  },
};
