/*
 * Frozen copy (2026-11-25, schema 3 and 4) of the packed layout that migrations 3 and 4 write and
 * migration 5 reads back. Nothing outside `migrations/` may import it and it must never change:
 * databases written with exactly this layout exist on users' disks.
 */

/** Contact page records of schema 4. */
export const CONTACT_PAGES = 8192;
/** Search page records of schema 3 and 4. */
export const SEARCH_PAGES = 256;
/** The schema-4 `meta` row with the number of contacts. */
export const CONTACT_COUNT = 'contactCount';
/** The schema-3/4 `meta` row that changed with every contact write. */
export const CONTACTS_REV = 'contactsRev';

/** FNV-1a over the UTF-16 code units of a contact id. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u115F|\u1160|\u17B4|\u17B5/gu;

function fold(value: string): string {
  return value
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u00DF/g, 'ss')
    .toLowerCase();
}

/** The words of a schema-3 search page entry, with a space before and after. */
export function contactText(contact: { displayName: string; givenName?: string; familyName?: string; company?: string }): string {
  const words = new Set<string>();
  for (const value of [contact.displayName, contact.givenName, contact.familyName, contact.company]) {
    if (!value) continue;
    for (const word of fold(value).split(/[^\p{L}\p{N}@.+_-]+/u)) {
      const trimmed = word.replace(/^[.\-_]+|[.\-_]+$/g, '');
      if (trimmed) words.add(trimmed);
    }
  }
  return ` ${[...words].join(' ')} `;
}

interface PagedContact {
  id: string;
  updatedAt: string;
  displayName: string;
  emails: string[];
  linkedinUrl?: string;
  tags: string[];
  industry?: string;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A schema-4 contact page record. */
export function packContactPage<T extends PagedContact>(page: number, contacts: Iterable<T>) {
  const list = [...contacts].sort(byId);
  return {
    page,
    contacts: list,
    emails: unique(list.flatMap((c) => c.emails)),
    urls: unique(list.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : []))),
    tags: unique(list.flatMap((c) => c.tags)),
    industries: unique(list.flatMap((c) => (c.industry ? [c.industry.toLowerCase()] : []))),
  };
}

/** A schema-3 search page record: parallel lists sorted by id. */
export function packSearchPage(page: number, entries: ReadonlyMap<string, readonly [string, string]>) {
  const ids = [...entries.keys()].sort();
  return { page, ids, updated: ids.map((id) => entries.get(id)![0]), words: ids.map((id) => entries.get(id)![1]) };
}
