import type { ContactId, InteractionId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import type { Interaction, InteractionKind } from '../../domain/interaction';
import { contactWords, interactionWords, matchesAll, matchingLine, queryTerms } from '../../domain/search';
import type { RapportDB } from '../db';
import { sortKey } from './contacts';

/*
 * Full-text search over contacts and their notes, on Dexie's own multi-entry index: every contact
 * and interaction record carries its folded words (`*words`, derived on write by the database's
 * middleware). A term is a prefix range on that index; all terms must match one record. The work is
 * bounded by the number of hits shown, not by the notebook's size: each term's range gives a capped
 * read of its keys, the keys the terms share are the candidates, and only those records are read
 * (`npm run bench`).
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

type SearchTable = RapportDB['contacts'] | RapportDB['interactions'];

/**
 * How much the search reads: `probe` keys of each term's range first (a range shorter than that is
 * known exactly), at most `cap` keys per term (a query whose terms are all that common shows what
 * was found by then), candidates checked `step` records at a time. Tests shrink them to reach every
 * path with a small notebook.
 */
export const searchReads = { probe: 1000, cap: 64_000, step: 100 };

/** Primary keys of a term's index range, at most `limit` entries read (a record with two words under the prefix comes twice). */
async function termKeys(table: SearchTable, term: string, limit: number): Promise<{ keys: Set<string>; complete: boolean }> {
  const keys = (await table.where('words').startsWith(term).limit(limit).primaryKeys()) as string[];
  return { keys: new Set(keys), complete: keys.length < limit };
}

/**
 * Records of a table that match every term, at most `want`, with work bounded by the hits wanted,
 * not by the notebook's size, and no range ever counted (a count walks the whole range).
 * One term: the first records of its range are the answer. Several: each term's range gives its
 * first `searchReads.probe` primary keys (keys only, no record read). A term whose range ended there is known
 * exactly: the candidates are the keys all such terms share, read a step at a time and checked on
 * their words for the other terms. When every term is that common, the keys every term's read
 * shares match for sure; the reads grow eightfold until `want` of those are found or a range ends.
 */
async function matching<T extends { id: string }>(table: SearchTable, terms: readonly string[], wordsOf: (record: T) => string[], want: number): Promise<T[]> {
  if (terms.length === 1) {
    // A record with two words under the prefix comes twice in the range: read a few more than wanted.
    const rows = (await table.where('words').startsWith(terms[0]!).limit(want * 2).toArray()) as unknown as T[];
    return [...new Map(rows.map((row) => [row.id, row])).values()].slice(0, want);
  }
  for (let limit = searchReads.probe; ; limit *= 8) {
    const reads = await Promise.all(terms.map((term) => termKeys(table, term, limit)));
    const known = reads.filter((read) => read.complete).sort((a, b) => a.keys.size - b.keys.size);
    const [smallest, ...others] = known.length > 0 ? known : [...reads].sort((a, b) => a.keys.size - b.keys.size);
    const shared = [...smallest!.keys].filter((key) => others.every((read) => read.keys.has(key)));
    if (known.length === 0 && shared.length < want && limit < searchReads.cap) continue;
    // Terms whose range was read only in part are checked on the candidates' words.
    const unsure = known.length === 0 ? [] : terms.filter((_, i) => !reads[i]!.complete);
    const found: T[] = [];
    const step = unsure.length > 0 ? searchReads.step : want;
    for (let at = 0; found.length < want && at < shared.length; at += step) {
      const rows = (await (table as RapportDB['interactions']).bulkGet(shared.slice(at, at + step) as InteractionId[])) as unknown as (T | undefined)[];
      for (const row of rows) if (row && found.length < want && (unsure.length === 0 || matchesAll(wordsOf(row), unsure))) found.push(row);
    }
    return found;
  }
}

/** Note hits for `limit` contacts not in `skip`, newest first among the matches read. */
function noteHits(rows: readonly Interaction[], terms: readonly string[], skip: Set<string>, limit: number): { contactId: string; note: NoteMatch }[] {
  const hits: { contactId: string; note: NoteMatch }[] = [];
  const covered = new Set(skip);
  const newest = [...rows].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
  for (const row of newest) {
    const line = matchingLine([row.subject ?? '', row.text].join('\n'), terms) ?? row.subject ?? '';
    for (const contactId of row.contactIds) {
      if (covered.has(contactId) || hits.length >= limit) continue;
      covered.add(contactId);
      hits.push({ contactId, note: { interactionId: row.id, kind: row.kind, occurredAt: row.occurredAt, line } });
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
    const direct = await matching<Contact>(db.contacts, terms, contactWords, limit);
    direct.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const hits: SearchHit[] = direct.map((contact) => ({ contact }));
    if (hits.length >= limit) return hits;
    // Notes: enough to cover the remaining contacts (a contact may have several matching notes).
    const notes = await matching<Interaction>(db.interactions, terms, interactionWords, (limit - hits.length) * 2);
    const found = noteHits(notes, terms, new Set(direct.map((c) => c.id)), limit - hits.length);
    const contacts = await db.contacts.bulkGet(found.map((n) => n.contactId as ContactId));
    found.forEach(({ note }, i) => {
      const contact = contacts[i];
      if (contact) hits.push({ contact, note });
    });
    return hits;
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

/** The `meta` row of a pending backfill of interaction words (written by migration 5). */
export const SEARCH_BACKFILL = 'searchBackfill';

/** How far a backfill has come. */
export interface BackfillProgress {
  done: number;
  total: number;
}

interface BackfillRow {
  after: string;
  done: number;
  total: number;
}

/**
 * Derives the search words of interactions left without them by migration 5, `pageSize` records
 * per transaction in primary-key order, recording where it stopped in the same transaction: it can
 * be interrupted at any point (a page closed, a service worker stopped) and goes on from there next
 * time. A user's write meanwhile is never lost: each page is read and rewritten in one transaction.
 * Resolves when nothing is pending.
 */
export async function continueSearchBackfill(db: RapportDB, options: { pageSize?: number; onProgress?: (progress: BackfillProgress) => void } = {}): Promise<void> {
  const pageSize = options.pageSize ?? 1000;
  for (;;) {
    const progress = await db.transaction('rw', db.interactions, db.meta, async () => {
      const row = (await db.meta.get(SEARCH_BACKFILL))?.value as BackfillRow | undefined;
      if (!row) return undefined;
      const page = await (row.after ? db.interactions.where(':id').above(row.after) : db.interactions.orderBy(':id')).limit(pageSize).toArray();
      if (page.length === 0) {
        await db.meta.delete(SEARCH_BACKFILL);
        return undefined;
      }
      // The middleware derives the words on put; the records themselves stay as they are.
      await db.interactions.bulkPut(page);
      const next: BackfillRow = { after: page[page.length - 1]!.id, done: row.done + page.length, total: Math.max(row.total, row.done + page.length) };
      await db.meta.put({ key: SEARCH_BACKFILL, value: next });
      return next;
    });
    if (!progress) return;
    options.onProgress?.({ done: progress.done, total: progress.total });
    // Let the page paint between pages.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Whether interaction words are still being derived (search over notes is incomplete meanwhile). */
export async function searchBackfillPending(db: RapportDB): Promise<BackfillProgress | undefined> {
  const row = (await db.meta.get(SEARCH_BACKFILL))?.value as BackfillRow | undefined;
  return row && { done: row.done, total: row.total };
}

/**
 * Runs `continueSearchBackfill` in at most one extension context at a time (a Web Lock); returns
 * at once where another context holds it.
 */
export async function runSearchBackfill(db: RapportDB, onProgress?: (progress: BackfillProgress) => void): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return continueSearchBackfill(db, { onProgress });
  await locks.request('rapport-search-backfill', { ifAvailable: true }, async (lock) => {
    if (lock) await continueSearchBackfill(db, { onProgress });
  });
}
