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
 * known exactly); at most `scan` records of the leading term's range when every term is common (a
 * query whose terms rarely meet in one record shows what was found by then). Tests shrink them to
 * reach every path with a small notebook.
 */
export const searchReads = { probe: 250, scan: 5000 };

/** Primary keys of a term's index range, at most `limit` entries read, in index order, once each. */
async function termKeys(table: SearchTable, term: string, limit: number): Promise<{ term: string; keys: string[]; complete: boolean }> {
  const entries = (await table.where('words').startsWith(term).limit(limit).primaryKeys()) as string[];
  // A record with two words under the prefix comes twice in the range.
  return { term, keys: [...new Set(entries)], complete: entries.length < limit };
}

/** The first `limit` records of a term's index range (one read of the range, cheaper per record than by key). */
async function termRecords<T>(table: SearchTable, term: string, limit: number): Promise<T[]> {
  return (await table.where('words').startsWith(term).limit(limit).toArray()) as unknown as T[];
}

const sharedBy = (keys: readonly string[], others: readonly { keys: readonly string[] }[]) => {
  const sets = others.map((other) => new Set(other.keys));
  return keys.filter((key) => sets.every((set) => set.has(key)));
};

/**
 * Records of a table that match every term, at most `want`, with work bounded by the hits wanted,
 * not by the notebook's size, and no range ever counted (a count walks the whole range).
 * One term: the first records of its range are the answer. Several: each term's range gives its
 * first `probe` primary keys (keys only). A term whose range ended there is known exactly: the
 * candidates are the keys all such terms share, checked on their words for the other terms. When
 * every term is that common, the keys all reads share match for sure; if they are too few, the
 * sparsest term (its keys reach furthest) leads: its records are read from the start of its range,
 * four times more each time, and checked on their words, up to `scan` records.
 */
async function matching<T extends { id: string }>(table: SearchTable, terms: readonly string[], wordsOf: (record: T) => string[], want: number): Promise<T[]> {
  const { probe, scan } = searchReads;
  const found: T[] = [];
  const seen = new Set<string>();
  const check = (rows: readonly (T | undefined)[], unsure: readonly string[]) => {
    for (const row of rows) {
      if (!row || seen.has(row.id) || found.length >= want) continue;
      seen.add(row.id);
      if (unsure.length === 0 || matchesAll(wordsOf(row), unsure)) found.push(row);
    }
  };
  const get = async (keys: readonly string[]) => (await (table as RapportDB['interactions']).bulkGet(keys as InteractionId[])) as unknown as (T | undefined)[];
  if (terms.length === 1) {
    // A record with two words under the prefix comes twice in the range: read a few more than wanted.
    check(await termRecords<T>(table, terms[0]!, want * 2), []);
    return found;
  }
  const reads = await Promise.all(terms.map((term) => termKeys(table, term, probe)));
  const known = reads.filter((read) => read.complete).sort((a, b) => a.keys.length - b.keys.length);
  if (known.length > 0) {
    const candidates = sharedBy(known[0]!.keys, known.slice(1));
    const unsure = reads.filter((read) => !read.complete).map((read) => read.term);
    if (unsure.length === 0) check(await get(candidates.slice(0, want)), []);
    else {
      // The smallest known range holds every candidate: one read of it, kept to the candidates.
      const candidate = new Set(candidates);
      check((await termRecords<T>(table, known[0]!.term, probe)).filter((row) => candidate.has(row.id)), unsure);
    }
    return found;
  }
  const sure = sharedBy(reads[0]!.keys, reads.slice(1));
  if (sure.length >= want) {
    check(await get(sure.slice(0, want)), []);
    return found;
  }
  const lead = reads.reduce((a, b) => (b.keys[b.keys.length - 1]! > a.keys[a.keys.length - 1]! ? b : a));
  const unsure = terms.filter((term) => term !== lead.term);
  for (let limit = probe; found.length < want; limit *= 4) {
    const rows = await termRecords<T>(table, lead.term, Math.min(limit, scan));
    check(rows, unsure);
    if (rows.length < limit || limit >= scan) break;
  }
  return found;
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
  // No explicit transaction: Firefox commits one while the capped reads' promises settle
  // (PrematureCommitError); each read is consistent on its own, and a search is only a read.
  const direct = await matching<Contact>(db.contacts, terms, contactWords, limit);
  direct.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const hits: SearchHit[] = direct.map((contact) => ({ contact }));
  if (hits.length >= limit) return hits;
  // Notes: a few more than the contacts still wanted; more only when several were one contact's.
  const remaining = limit - hits.length;
  const skip = new Set(direct.map((c) => c.id));
  let found: { contactId: string; note: NoteMatch }[] = [];
  for (let want = remaining + 4; ; want *= 2) {
    const notes = await matching<Interaction>(db.interactions, terms, interactionWords, want);
    found = noteHits(notes, terms, skip, remaining);
    if (found.length >= remaining || notes.length < want || want >= remaining * 16) break;
  }
  const contacts = await db.contacts.bulkGet(found.map((n) => n.contactId as ContactId));
  found.forEach(({ note }, i) => {
    const contact = contacts[i];
    if (contact) hits.push({ contact, note });
  });
  return hits;
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
