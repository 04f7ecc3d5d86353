import type { Transaction } from 'dexie';
import { CONTACT_COUNT, CONTACTS_REV } from './frozen-page-layout';
import { eachRecord } from './raw';
import type { Migration } from './types';

/*
 * Schema 5 (2026-11-30): one record per contact again, in a `contacts` table with the indexes the
 * workspace queries use, and full-text search words (`*words`) on contacts and interactions. The
 * contact pages of schema 4 are unpacked losslessly (with their words) and, with the search pages,
 * deleted. The interactions are not rewritten here: a notebook may hold a million, and this
 * transaction blocks every page until it ends. The step leaves a `searchBackfill` row in `meta`
 * instead; `continueSearchBackfill` (repos/search.ts) derives their words after the upgrade, a page
 * at a time, resumably.
 *
 * The words below are a frozen copy of `utils/domain/search.ts` as of this step. When the live
 * words change, a new step (or `rebuildSearchIndex`) recomputes them; this one never changes.
 */

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u115F|\u1160|\u17B4|\u17B5/gu;
const SPLIT = /[^\p{L}\p{N}@.+_'’-]+/u;
const PARTS = /[@.+_'’-]+/u;
const EDGES = /^[@.+_'’-]+|[@.+_'’-]+$/gu;
const CONTACT_TEXT_FIELDS = ['displayName', 'givenName', 'familyName', 'emails', 'company', 'title', 'location', 'industry', 'tags', 'about'];

function words5(texts: readonly unknown[]): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    if (word.length >= 2 && words.size < 4000) words.add(word.slice(0, 32));
  };
  for (const text of texts) {
    if (typeof text !== 'string' || !text) continue;
    const folded = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\u00DF/g, 'ss').toLowerCase();
    for (const raw of folded.split(SPLIT)) {
      const word = raw.replace(EDGES, '');
      if (!word) continue;
      add(word);
      if (!PARTS.test(word)) continue;
      for (const part of word.split(PARTS)) add(part);
      const at = word.indexOf('@');
      if (at > 0) add(word.slice(at + 1));
    }
  }
  return [...words];
}

/** The `meta` row of a pending search-words backfill (its shape is read by `continueSearchBackfill`). */
const SEARCH_BACKFILL = 'searchBackfill';

function contactWords5(contact: Record<string, unknown>): string[] {
  return words5(CONTACT_TEXT_FIELDS.flatMap((field) => {
    const value = contact[field];
    return Array.isArray(value) ? value : [value];
  }));
}

export const unpackContacts: Migration = {
  version: 5,
  stores: {
    contactPages: null,
    searchPages: null,
    contacts: 'id, *emails, linkedinUrl, *tags, industry, value.tier, value.loyalty, [pipeline.pipelineId+pipeline.stage], owner, updatedAt, lastInteractionAt, keepInTouchDays, *words',
    interactions: 'id, *contactIds, occurredAt, &sourceKey, *words',
  },
  async upgrade(tx: Transaction, progress) {
    const idb = tx.idbtrans;
    const meta = idb.objectStore('meta');
    const [total, interactionTotal] = await Promise.all([
      request<{ value?: unknown } | undefined>(meta.get(CONTACT_COUNT)).then((row) => Number(row?.value ?? 0)),
      request<number>(idb.objectStore('interactions').count()),
    ]);
    let done = 0;
    const tick = () => {
      if (++done % 5000 === 0) progress({ done, total });
    };
    progress({ done, total });

    const contacts = idb.objectStore('contacts');
    await eachRecord(idb.objectStore('contactPages'), (value) => {
      for (const contact of (value as { contacts: Record<string, unknown>[] }).contacts) {
        contacts.put({ ...contact, words: contactWords5(contact) });
        tick();
      }
    });
    if (interactionTotal > 0) meta.put({ key: SEARCH_BACKFILL, value: { after: '', done: 0, total: interactionTotal } });
    meta.delete(CONTACT_COUNT);
    meta.delete(CONTACTS_REV);
    progress({ done: total, total });
  },
};

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('reading failed'));
  });
}
