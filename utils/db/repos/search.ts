import type { ContactId, InteractionId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import type { Interaction, InteractionKind } from '../../domain/interaction';
import { matchingLine, queryTerms } from '../../domain/search';
import type { RapportDB } from '../db';
import { sortKey } from './contacts';

/*
 * Full-text search over contacts and their notes, on Dexie's own multi-entry index: every contact
 * and interaction record carries its folded words (`*words`, derived on write by the database's
 * middleware). A term is a prefix range on that index; all terms must match one record. Only keys
 * are read until the hits are known, so a search costs a few index range reads and one `bulkGet`
 * of what is shown, whatever the notebook's size (`npm run bench`).
 */

/** A note (or mail, message, call…) that matched, shown under its contact. */
export interface NoteMatch {
  interactionId: InteractionId;
  kind: InteractionKind;
  occurredAt: string;
  /** The line of the subject or text that matched. */
  line: string;
}

/** One search result: a contact, found by its own words or by one of its interactions. */
export interface SearchHit {
  contact: Contact;
  /** Absent when the contact's own fields matched. */
  note?: NoteMatch;
}

/** Primary keys of a table's records matching every term (the first term is the most selective). */
async function matchingKeys(table: RapportDB['contacts'] | RapportDB['interactions'], terms: readonly string[]): Promise<string[]> {
  let keys: Set<string> | undefined;
  for (const term of terms) {
    const found = (await table.where('words').startsWith(term).primaryKeys()) as string[];
    keys = keys ? new Set(found.filter((key) => keys!.has(key))) : new Set(found);
    if (keys.size === 0) break;
  }
  return [...(keys ?? [])];
}

/** The interactions to show for note hits: read in batches until `limit` contacts are covered. */
async function noteHits(db: RapportDB, keys: readonly string[], terms: readonly string[], skip: Set<string>, limit: number): Promise<{ contactId: string; note: NoteMatch }[]> {
  const hits: { contactId: string; note: NoteMatch }[] = [];
  const covered = new Set(skip);
  const batch = Math.max(limit * 2, 50);
  for (let at = 0; at < keys.length && covered.size - skip.size < limit; at += batch) {
    const rows = (await db.interactions.bulkGet(keys.slice(at, at + batch) as InteractionId[])).filter((r): r is Interaction => Boolean(r));
    rows.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
    for (const row of rows) {
      const line = matchingLine([row.subject ?? '', row.text].join('\n'), terms) ?? row.subject ?? '';
      for (const contactId of row.contactIds) {
        if (covered.has(contactId)) continue;
        covered.add(contactId);
        hits.push({ contactId, note: { interactionId: row.id, kind: row.kind, occurredAt: row.occurredAt, line } });
      }
    }
  }
  return hits;
}

/**
 * Contacts whose own words, or one of whose interactions' subject and text, contain a word
 * starting with every term of the query (case and diacritics aside). Contacts found by their own
 * fields come first (by name), then those found through an interaction (newest first), each
 * contact once; at most `limit`.
 */
export async function search(db: RapportDB, query: string, limit = 50): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0 || limit <= 0) return [];
  return db.transaction('r', db.contacts, db.interactions, async () => {
    const [contactKeys, interactionKeys] = await Promise.all([matchingKeys(db.contacts, terms), matchingKeys(db.interactions, terms)]);
    const direct = (await db.contacts.bulkGet(contactKeys.slice(0, limit) as ContactId[])).filter((c): c is Contact => Boolean(c));
    direct.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const hits: SearchHit[] = direct.map((contact) => ({ contact }));
    if (hits.length >= limit || interactionKeys.length === 0) return hits;
    const notes = await noteHits(db, interactionKeys, terms, new Set(direct.map((c) => c.id)), limit - hits.length);
    const contacts = await db.contacts.bulkGet(notes.map((n) => n.contactId as ContactId));
    notes.forEach(({ note }, i) => {
      const contact = contacts[i];
      if (contact) hits.push({ contact, note });
    });
    return hits.slice(0, limit);
  });
}

/**
 * Recomputes every record's search words from the record itself (the index is derived data): after
 * a change of the word rules, or to repair. Pages through each table by primary key.
 */
export async function rebuildSearchIndex(db: RapportDB, pageSize = 2000): Promise<void> {
  for (const table of [db.contacts, db.interactions] as const) {
    let last: string | undefined;
    for (;;) {
      const page = (await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(pageSize).toArray()) as { id: string }[];
      if (page.length === 0) break;
      // The middleware derives the words on put; the records themselves stay as they are.
      await (table as RapportDB['contacts']).bulkPut(page as Contact[]);
      last = page[page.length - 1]!.id;
    }
  }
}
