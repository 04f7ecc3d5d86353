import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Contact } from '../domain/contact';
import { searchWords } from '../domain/normalize';

/*
 * The contact search index, packed. IndexedDB in Chromium charges per index entry (≈ 30 µs of
 * browser CPU each, see utils/transfer/README.md); a multi-entry index over every name and company
 * word cost five entries per contact and doubled the time of a 100 000-contact import. Instead,
 * each contact's words live in one of `SEARCH_PAGES` page records, picked by a hash of the contact
 * id, and a search reads the pages and filters in memory.
 *
 * A Dexie DBCore middleware keeps the pages in step with the contacts table: every read-write
 * transaction that covers `contacts` also covers `searchPages` and `meta`, and every add, put, delete and
 * clear of contacts rewrites the pages it touches inside the same transaction. No repository
 * code writes the pages, and no contact write can leave them stale: an aborted transaction rolls
 * back both.
 */

export const SEARCH_TABLE = 'searchPages';
const CONTACTS_TABLE = 'contacts';
const META_TABLE = 'meta';
/** Fixed number of pages: at 100 000 contacts a page holds ≈ 400 entries (≈ 30 kB). */
export const SEARCH_PAGES = 256;

/** One page: parallel lists, one position per contact. */
export interface SearchPage {
  page: number;
  ids: string[];
  /** `updatedAt` of the contact, for "recently changed" lists. */
  updated: string[];
  /** The contact's search words, each with a space before and after (` jurgen weiss nordlicht `). */
  words: string[];
}

/**
 * The `meta` row whose value changes with every write to contacts (in the same transaction), so
 * readers can keep a copy of the pages and an import can tell that nothing changed since its preview.
 */
export const CONTACTS_REV = 'contactsRev';

/** The page that holds a contact id (FNV-1a over UTF-16 code units). */
export function pageOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SEARCH_PAGES;
}

/** The words a contact is found by (name parts and company), as stored in its page. */
export function contactText(contact: Pick<Contact, 'displayName' | 'givenName' | 'familyName' | 'company'>): string {
  return ` ${searchWords(contact.displayName, contact.givenName, contact.familyName, contact.company).join(' ')} `;
}

/**
 * The records in the order of their search page. Each call of a bulk write rewrites every page it
 * touches, so a large write split into chunks should go in this order: a chunk of 2 000 random ids
 * touches every page, a chunk in page order a handful.
 */
export function inPageOrder<T>(items: readonly T[], id: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, page: pageOf(id(item)) }))
    .sort((a, b) => a.page - b.page)
    .map((entry) => entry.item);
}

/**
 * The stored page for these entries (id → [updatedAt, words]), sorted by id: a page depends only
 * on the contacts in it, not on the order they were written.
 */
export function packPage(page: number, entries: ReadonlyMap<string, readonly [string, string]>): SearchPage {
  const ids = [...entries.keys()].sort();
  return { page, ids, updated: ids.map((id) => entries.get(id)![0]), words: ids.map((id) => entries.get(id)![1]) };
}

/** A fresh value for the `CONTACTS_REV` row, written with every change to the pages. */
export function newRevision(): { key: string; value: string } {
  return { key: CONTACTS_REV, value: crypto.randomUUID() };
}

interface Upsert {
  id: string;
  updatedAt: string;
  words: string;
}

function isContactRecord(value: unknown): value is Contact {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** Applies upserts and removals to the pages they touch, each page read and written once. */
async function writePages(pages: DBCoreTable, meta: DBCoreTable, trans: DBCoreTransaction, upserts: readonly Upsert[], removals: readonly string[]): Promise<void> {
  const byPage = new Map<number, { upserts: Upsert[]; removals: string[] }>();
  const slot = (id: string) => {
    const page = pageOf(id);
    let entry = byPage.get(page);
    if (!entry) byPage.set(page, (entry = { upserts: [], removals: [] }));
    return entry;
  };
  for (const id of removals) slot(id).removals.push(id);
  for (const upsert of upserts) slot(upsert.id).upserts.push(upsert);
  if (byPage.size === 0) return;

  const keys = [...byPage.keys()];
  const current = (await pages.getMany({ trans, keys })) as (SearchPage | undefined)[];
  const next = keys.map((page, i): SearchPage => {
    const record = current[i];
    const entries = new Map<string, [string, string]>();
    if (record) record.ids.forEach((id, at) => entries.set(id, [record.updated[at]!, record.words[at]!]));
    const change = byPage.get(page)!;
    for (const id of change.removals) entries.delete(id);
    for (const upsert of change.upserts) entries.set(upsert.id, [upsert.updatedAt, upsert.words]);
    return packPage(page, entries);
  });
  await pages.mutate({ trans, type: 'put', values: next, keys });
  await meta.mutate({ trans, type: 'put', values: [newRevision()], keys: [CONTACTS_REV] });
}

function succeeded<T>(items: readonly T[], response: DBCoreMutateResponse): T[] {
  if (response.numFailures === 0) return [...items];
  return items.filter((_, i) => !(i in response.failures));
}

function coversPages(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames as DOMStringList | undefined;
  return (names?.contains(SEARCH_TABLE) && names.contains(META_TABLE)) ?? false;
}

function indexedContacts(contacts: DBCoreTable, down: DBCore): DBCoreTable {
  const write = (trans: DBCoreTransaction, upserts: readonly Upsert[], removals: readonly string[]) =>
    writePages(down.table(SEARCH_TABLE), down.table(META_TABLE), trans, upserts, removals);
  return {
    ...contacts,
    async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      // During an upgrade from a version without the pages (or any foreign transaction) there is nothing to keep.
      if (!coversPages(req.trans)) return contacts.mutate(req);
      let cleared: string[] = [];
      if (req.type === 'deleteRange') {
        const keys = await contacts.query({ trans: req.trans, values: false, query: { index: contacts.schema.primaryKey, range: req.range } });
        cleared = keys.result as string[];
      }
      const response = await contacts.mutate(req);
      if (req.type === 'add' || req.type === 'put') {
        const upserts = succeeded(req.values, response)
          .filter(isContactRecord)
          .map((c) => ({ id: c.id, updatedAt: c.updatedAt, words: contactText(c) }));
        await write(req.trans, upserts, []);
      } else if (req.type === 'delete') {
        await write(req.trans, [], succeeded(req.keys as string[], response));
      } else {
        await write(req.trans, [], cleared);
      }
      return response;
    },
  };
}

/** The middleware; `RapportDB` installs it. */
export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RapportSearchIndex',
  create(down: DBCore): Partial<DBCore> {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(CONTACTS_TABLE) ? [...new Set([...stores, SEARCH_TABLE, META_TABLE])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === CONTACTS_TABLE ? indexedContacts(table, down) : table;
      },
    };
  },
};

/** A contact the search found: its id and when it last changed. */
export interface SearchHit {
  id: string;
  updatedAt: string;
}

/** Where `currentPages` reads from. */
export interface PageSource {
  /** The current revision. */
  rev(): Promise<string>;
  /** Every page. */
  pages(): Promise<SearchPage[]>;
}

/**
 * A page ready to search: its entries' words joined into one string (`\n` between entries, which
 * no needle contains), so a search is one `indexOf` scan per page instead of one test per contact.
 */
export interface SearchablePage {
  ids: readonly string[];
  updated: readonly string[];
  text: string;
  /** Where each entry starts in `text`. */
  starts: Int32Array;
}

export function searchable(page: SearchPage): SearchablePage {
  const starts = new Int32Array(page.ids.length);
  let at = 0;
  page.words.forEach((words, i) => {
    starts[i] = at;
    at += words.length + 1;
  });
  return { ids: page.ids, updated: page.updated, text: page.words.join('\n'), starts };
}

const copies = new WeakMap<object, { rev: string; pages: SearchablePage[] }>();

/**
 * The pages of `owner`'s database, read once per revision: until the next write every search
 * reuses them. A read counts only if the revision was the same before and after it, so a copy
 * never mixes two revisions. Each caller reads for itself (no promise is shared between callers:
 * Dexie ties a promise to the live query or transaction that made it).
 */
export async function currentPages(owner: object, source: PageSource): Promise<SearchablePage[]> {
  for (let attempt = 1; ; attempt++) {
    const rev = await source.rev();
    const copy = copies.get(owner);
    if (copy?.rev === rev) return copy.pages;
    const pages = (await source.pages()).map(searchable);
    if ((await source.rev()) === rev) {
      copies.set(owner, { rev, pages });
      return pages;
    }
    // Written meanwhile: the pages are at least as new as the call, but not one revision to keep.
    if (attempt === 3) return pages;
  }
}

/** Contacts with a word starting with every query word (query words folded like `contactText`). */
export function matchPrefixes(pages: readonly SearchablePage[], query: readonly string[]): SearchHit[] {
  return collect(pages, query.map((q) => ` ${q}`));
}

/** Contacts with exactly this word. */
export function matchWord(pages: readonly SearchablePage[], word: string): SearchHit[] {
  return collect(pages, [` ${word} `]);
}

/** The `limit` most recently changed contacts, newest first, without sorting them all. */
export function newest(pages: readonly SearchablePage[], limit: number): SearchHit[] {
  const top: SearchHit[] = [];
  for (const page of pages) {
    page.ids.forEach((id, i) => {
      const hit = { id, updatedAt: page.updated[i]! };
      if (top.length === limit && byRecent(hit, top[top.length - 1]!) >= 0) return;
      let at = top.length;
      while (at > 0 && byRecent(hit, top[at - 1]!) < 0) at--;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    });
  }
  return top;
}

/** The entry whose text contains position `at` (the last start at or before it). */
function entryAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Entries containing every needle: the longest needle is scanned for, the others checked per hit. */
function collect(pages: readonly SearchablePage[], needles: readonly string[]): SearchHit[] {
  const [lead, ...rest] = [...needles].sort((a, b) => b.length - a.length);
  const hits: SearchHit[] = [];
  if (!lead) return hits;
  for (const page of pages) {
    let at = page.text.indexOf(lead);
    while (at >= 0) {
      const i = entryAt(page.starts, at);
      const end = i + 1 < page.starts.length ? page.starts[i + 1]! - 1 : page.text.length;
      const entry = rest.length > 0 ? page.text.slice(page.starts[i]!, end) : '';
      if (rest.every((needle) => entry.includes(needle))) hits.push({ id: page.ids[i]!, updatedAt: page.updated[i]! });
      at = page.text.indexOf(lead, end + 1);
    }
  }
  return hits;
}

/** Newest `updatedAt` first; ties by id so the order is stable. */
export function byRecent(a: SearchHit, b: SearchHit): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
