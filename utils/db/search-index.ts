import type { Contact } from '../domain/contact';
import { searchWords } from '../domain/normalize';

/*
 * The contact search index, packed. IndexedDB in Chromium charges per record and per index entry
 * (see utils/transfer/README.md); a multi-entry index over every name and company word cost five
 * entries per contact and doubled the time of a 100 000-contact import. Instead, each contact's
 * words live in one of `SEARCH_PAGES` page records, picked by a hash of the contact id, and a
 * search reads the pages and filters in memory.
 *
 * The contact store (contact-store.ts) is the only writer: every write of contacts rewrites the
 * search pages it touches (`nextSearchPages`) and the revision row in the same transaction, so an
 * aborted transaction rolls back both.
 */

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

/** FNV-1a over the UTF-16 code units of a contact id: the one hash both page kinds use. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The search page that holds a contact id. */
export function pageOf(id: string): number {
  return idHash(id) % SEARCH_PAGES;
}

/** The words a contact is found by (name parts and company), as stored in its page. */
export function contactText(contact: Pick<Contact, 'displayName' | 'givenName' | 'familyName' | 'company'>): string {
  return ` ${searchWords(contact.displayName, contact.givenName, contact.familyName, contact.company).join(' ')} `;
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

/**
 * The search pages `keys` after upserts (contacts as now stored) and removals (ids), given their
 * current records (`undefined` where a page does not exist yet). Every id must live in one of `keys`.
 */
export function nextSearchPages(keys: readonly number[], current: readonly (SearchPage | undefined)[], upserts: readonly Contact[], removals: readonly string[]): SearchPage[] {
  const entries = new Map<number, Map<string, [string, string]>>();
  keys.forEach((page, i) => {
    const record = current[i];
    const map = new Map<string, [string, string]>();
    if (record) record.ids.forEach((id, at) => map.set(id, [record.updated[at]!, record.words[at]!]));
    entries.set(page, map);
  });
  const of = (id: string) => {
    const map = entries.get(pageOf(id));
    if (!map) throw new Error(`search page ${pageOf(id)} was not read`);
    return map;
  };
  for (const id of removals) of(id).delete(id);
  for (const contact of upserts) of(contact.id).set(contact.id, [contact.updatedAt, contactText(contact)]);
  return keys.map((page) => packPage(page, entries.get(page)!));
}

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
