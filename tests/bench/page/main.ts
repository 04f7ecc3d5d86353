/**
 * Benchmark page code: bundled by tests/bench/run.mjs (not shipped in the extension) and loaded into
 * a page in real Chromium. Each function returns plain numbers for the runner to report.
 */
import { RapportDB } from '../../../utils/db/db';
import { findByEmail, matchPerson, searchContacts } from '../../../utils/db/repos/contacts';
import { addInteraction } from '../../../utils/db/repos/interactions';
import { continueSearchBackfill, search } from '../../../utils/db/repos/search';
import { applyImport } from '../../../utils/db/repos/import-apply';
import { planImport } from '../../../utils/db/repos/import-plan';
import { decodeImport } from '../../../utils/transfer/import';
import { linkedInExportWithBadRows } from './linkedin-export';
import { remindersBench } from './reminders';
import { contactWords, queryTerms } from '../../../utils/domain/search';
import { ADAPTERS } from '../../../utils/sites';
import { databaseChecksum } from '../../support/db-checksum';
import {
  benchCancelImport,
  benchAutoLog,
  benchCapture,
  benchContact,
  benchContactId,
  benchExportInteractions,
  benchImportContacts,
  benchImportFloor,
  benchMiniSearch,
  benchNote,
  benchQueries,
  heapBytes,
  linkedInCsv,
  mb,
  median,
  percentile,
  seedNotebook,
  writeSchema4Notebook,
} from './cases';

/** A full garbage collection when the browser exposes it (`--js-flags=--expose-gc`). */
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function openRaw(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

/**
 * Brings the notebook `name` to `contacts` contacts and `notes` notes (adding only what is
 * missing) and, with `raw`, writes the same contact records (with the same search words) one
 * each into `${name}-raw`, a bare IndexedDB store with only a multi-entry `emails` index.
 */
async function seed(name: string, contacts: number, notes: number, raw = false) {
  const db = new RapportDB(name);
  const r = await seedNotebook(db, contacts, notes);
  db.close();
  if (raw) {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(`${name}-raw`);
      request.onsuccess = request.onerror = resolve;
    });
    const idb = await openRaw(`${name}-raw`, (created) => created.createObjectStore('contacts', { keyPath: 'id' }).createIndex('emails', 'emails', { multiEntry: true }));
    for (let i = 0; i < contacts; i += 10_000) {
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction('contacts', 'readwrite');
        for (let j = i; j < Math.min(contacts, i + 10_000); j++) {
          const contact = benchContact(j);
          tx.objectStore('contacts').add({ ...contact, words: contactWords(contact) });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
      });
    }
    idb.close();
  }
  return r;
}

/**
 * Looks up `lookups` random addresses through the repository (`findByEmail`, given in upper case
 * as a page shows them) and, interleaved, the same addresses with a raw `index('emails').get` on
 * the same records in `${name}-raw` (`seed(…, raw)` writes both).
 */
async function emailLookup(name: string, n: number, lookups: number) {
  const db = new RapportDB(name);
  await db.open();
  const idb = await openRaw(`${name}-raw`);
  const rawGet = (email: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = idb.transaction('contacts', 'readonly').objectStore('contacts').index('emails').get(email);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  // performance.now() is coarse (0.1 ms) in a page that is not cross-origin isolated: time batches of
  // BATCH sequential lookups and report the per-lookup median of the batches.
  const BATCH = 50;
  const repo: number[] = [];
  const raw: number[] = [];
  let misses = 0;
  for (let i = 0; i < 100; i++) {
    await findByEmail(db, benchContact(i).emails[0]!);
    await rawGet(benchContact(i).emails[0]!);
  }
  for (let k = 0; k < lookups; k += BATCH) {
    const ids = Array.from({ length: BATCH }, () => Math.floor(Math.random() * n));
    const emails = ids.map((i) => benchContact(i).emails[0]!);
    // Alternate which goes first, so neither profits from the other's warm cache more.
    const order = (k / BATCH) % 2 ? ['raw', 'repo'] : ['repo', 'raw'];
    const found: ({ id: string } | undefined)[] = [];
    const rows: ({ id: string } | undefined)[] = [];
    for (const which of order) {
      const t = performance.now();
      if (which === 'repo') {
        for (const email of emails) found.push(await findByEmail(db, email.toUpperCase()));
        repo.push((performance.now() - t) / BATCH);
      } else {
        for (const email of emails) rows.push((await rawGet(email)) as { id: string } | undefined);
        raw.push((performance.now() - t) / BATCH);
      }
    }
    ids.forEach((i, j) => {
      if (found[j]?.id !== benchContactId(i) || rows[j]?.id !== benchContactId(i)) misses++;
    });
  }
  db.close();
  idb.close();
  return { repoMedianMs: median(repo), repoP95Ms: percentile(repo, 95), rawMedianMs: median(raw), rawP95Ms: percentile(raw, 95), ratio: median(repo) / median(raw), misses };
}

/** The interaction keys matching every term, read as `search` reads them: one index range per term. */
async function noteKeys(db: RapportDB, query: string): Promise<number> {
  let keys: Set<string> | undefined;
  for (const term of queryTerms(query)) {
    const found = (await db.interactions.where('words').startsWith(term).primaryKeys()) as string[];
    keys = keys ? new Set(found.filter((key) => keys!.has(key))) : new Set(found);
  }
  return keys?.size ?? 0;
}

/** Where a query's time goes: each term's index range read (keys only) on contacts and on interactions. */
async function searchPhases(db: RapportDB, query: string) {
  const terms = [];
  for (const term of queryTerms(query)) {
    let t = performance.now();
    const contactKeys = (await db.contacts.where('words').startsWith(term).primaryKeys()).length;
    const contactsMs = performance.now() - t;
    t = performance.now();
    const noteKeyCount = (await db.interactions.where('words').startsWith(term).primaryKeys()).length;
    terms.push({ term, contactKeys, contactsMs, noteKeys: noteKeyCount, notesMs: performance.now() - t });
  }
  const t = performance.now();
  const hits = (await search(db, query, 20)).length;
  return { query, terms, searchMs: performance.now() - t, hits };
}

/**
 * Full-text search (`search`, contacts and notes, 20 hits as the workspace shows) over the
 * notebook: `rounds` passes over the bench queries warm; then `writes` times a note added with
 * `addInteraction` followed by one search (the first search after a write). Also the picker's
 * `searchContacts` and the sidebar's near match, and the page's JS heap after a full GC and at
 * its highest during the searches.
 */
async function searchBench(name: string, contacts: number, rounds: number, writes: number) {
  const db = new RapportDB(name);
  await db.open();
  const notes = await db.interactions.count();
  const queries = benchQueries();
  gc();
  const heapStart = heapBytes();
  let heapPeak = heapStart ?? 0;
  const sampleHeap = () => {
    heapPeak = Math.max(heapPeak, heapBytes() ?? 0);
  };
  for (const query of queries) await search(db, query, 20);
  const warm: number[] = [];
  const perQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
  const hits = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const t = performance.now();
      const found = await search(db, query, 20);
      const ms = performance.now() - t;
      warm.push(ms);
      perQuery.get(query)!.push(ms);
      hits.set(query, found.length);
      sampleHeap();
    }
  }
  const afterWrite: number[] = [];
  const writeMs: number[] = [];
  for (let r = 0; r < writes; r++) {
    const note = benchNote(notes + 1_000_000 + r, contacts);
    let t = performance.now();
    await addInteraction(db, { contactIds: note.contactIds, kind: 'note', channel: 'other', direction: 'internal', occurredAt: note.occurredAt, text: note.text });
    writeMs.push(performance.now() - t);
    t = performance.now();
    await search(db, queries[r % queries.length]!, 20);
    afterWrite.push(performance.now() - t);
    sampleHeap();
  }
  const picker: number[] = [];
  const near: number[] = [];
  for (let r = 0; r < 20; r++) {
    let t = performance.now();
    await searchContacts(db, queries[r % queries.length]!, 8);
    picker.push(performance.now() - t);
    t = performance.now();
    const match = await matchPerson(db, { name: `Sofia Bergmann-Unknown${r}`, email: `nobody${r}@unknown.example` });
    near.push(performance.now() - t);
    if (match.contact) throw new Error('near match returned an exact contact');
  }
  const slowest = [...perQuery].sort((a, b) => median(b[1]) - median(a[1]))[0]![0];
  const phases = await searchPhases(db, slowest);
  db.close();
  return {
    contacts: await countOf(name, 'contacts'),
    notes,
    warmMedianMs: median(warm),
    warmP95Ms: percentile(warm, 95),
    warmMaxMs: Math.max(...warm),
    afterWriteMedianMs: median(afterWrite),
    afterWriteP95Ms: percentile(afterWrite, 95),
    afterWriteMaxMs: Math.max(...afterWrite),
    addNoteMedianMs: median(writeMs),
    perQuery: queries.map((q) => ({ query: q, medianMs: median(perQuery.get(q)!), maxMs: Math.max(...perQuery.get(q)!), hits: hits.get(q) })),
    phases,
    pickerMedianMs: median(picker),
    nearMedianMs: median(near),
    heapStartMB: mb(heapStart),
    heapPeakMB: mb(heapPeak || undefined),
  };
}

async function countOf(name: string, table: 'contacts' | 'interactions'): Promise<number> {
  const db = new RapportDB(name);
  try {
    return await db[table].count();
  } finally {
    db.close();
  }
}

/**
 * MiniSearch in this page over the same notes (regenerated: the bench notes are deterministic)
 * and the same queries: build time, the heap the index holds after a full GC, query p95. The
 * Dexie index's note-key counts are read for the same queries, to show both find the same notes.
 */
async function miniSearchBench(name: string, contacts: number, notes: number, rounds: number) {
  const queries = benchQueries();
  gc();
  const before = heapBytes();
  const r = benchMiniSearch(notes, contacts, queries, rounds);
  gc();
  const after = heapBytes();
  const documents = r.index.documentCount;
  const db = new RapportDB(name);
  const dexieHits: number[] = [];
  for (const q of queries) dexieHits.push(await noteKeys(db, q));
  db.close();
  const result = {
    notes: documents,
    buildMs: r.buildMs,
    medianMs: r.medianMs,
    p95Ms: r.p95Ms,
    heapMB: before !== undefined && after !== undefined ? mb(after - before) : undefined,
    heapAfterMB: mb(after),
    queries: queries.map((q, i) => ({ query: q, miniSearchHits: r.hits[i], dexieNoteHits: dexieHits[i] })),
  };
  return result;
}

/**
 * Automatic logging of a 30-message mail thread with a known contact (`autoLogConversation`): the
 * first view logs the 30 messages, every later view of the same thread finds them logged. Medians
 * of `runs` threads after 2 warm-up runs.
 */
async function autoLogBench(name: string, runs: number) {
  const db = new RapportDB(name);
  await db.open();
  const times = await benchAutoLog(db, runs);
  db.close();
  return times;
}

/** Saves `runs` 30-message conversations, each in one `captureInteractions` call (2 warm-up runs first). */
async function captureBench(name: string, contacts: number, runs: number) {
  const db = new RapportDB(name);
  await db.open();
  const before = await db.interactions.count();
  const times: number[] = [];
  const js: number[] = [];
  const nonce = Math.floor(Math.random() * 1e6) * 100;
  for (let r = 0; r < runs + 2; r++) {
    const { ms, stored, validateMs, wordsMs } = await benchCapture(db, benchContactId((r * 7919) % contacts), nonce + r);
    if (stored !== 30) throw new Error(`captured ${stored} of 30 messages`);
    if (r >= 2) {
      times.push(ms);
      js.push(validateMs + wordsMs);
    }
  }
  const added = (await db.interactions.count()) - before;
  db.close();
  return { medianMs: median(times), maxMs: Math.max(...times), runs: times.length, added, validateAndWordsMedianMs: median(js) };
}

/** Median time of one adapter extraction of the current document (run on the fixture page). */
function extract(site: string, runs: number) {
  const adapter = ADAPTERS.find((a) => a.site === site)!;
  const url = new URL(location.href);
  const times: number[] = [];
  let people = 0;
  for (let i = 0; i < 5; i++) adapter.extract(document, url);
  // performance.now() is coarse here: time batches of 20 extractions.
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    for (let k = 0; k < 20; k++) people = adapter.extract(document, url).people.length;
    times.push((performance.now() - t) / 20);
  }
  return { medianMs: median(times), p95Ms: percentile(times, 95), people };
}

/**
 * Imports n contacts as the options page does, and records the page's long tasks meanwhile: the
 * longest one is how long the UI could not react (a click, the progress bar), per import phase.
 */
async function importContacts(name: string, n: number) {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  const bytes = linkedInCsv(n);
  gc();
  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  try {
    const result = await benchImportContacts(db, n, bytes);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const entry of observer.takeRecords()) tasks.push({ start: entry.startTime, duration: entry.duration });
    const [t0, t1, t2, t3] = result.marks;
    const longest = (from: number, to: number) => Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
    const during = tasks.filter((t) => t.start >= t0 && t.start < t3);
    const count = await db.contacts.count();
    const found = (await search(db, `${benchContact(n - 3).givenName} ${benchContact(n - 3).company!.split(' ')[0]}`, 50)).length;
    return {
      ...result,
      count,
      found,
      longTasks: during.length,
      longestTaskMs: { decode: longest(t0, t1), preview: longest(t1, t2), write: longest(t2, t3), all: Math.max(0, ...during.map((t) => t.duration)) },
      blockedMs: during.reduce((sum, t) => sum + t.duration - 50, 0),
      /** Each long task: [start ms after the import began, duration ms]. */
      tasks: during.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
    };
  } finally {
    observer.disconnect();
    db.close();
    await RapportDB.delete(name);
  }
}

/**
 * A notebook with `contacts` contacts and `notes` notes; an import of `n` new contacts cancelled
 * half-way through its write: the checksum of every table before and after, and the counts.
 */
async function cancelImport(name: string, contacts: number, notes: number, n: number) {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  await seedNotebook(db, contacts, notes);
  const before = await databaseChecksum(db);
  const r = await benchCancelImport(db, n, 0.5);
  const after = await databaseChecksum(db);
  const count = await db.contacts.count();
  db.close();
  await RapportDB.delete(name);
  return { ...r, before, after, same: before === after, contactsAfter: count };
}

/**
 * A schema-4 notebook (packed contact and search pages, written with the frozen layout code) of
 * `contacts` contacts and `interactions` notes opened by today's code: the time of the upgrade to
 * schema 5, which every existing user's first start pays once, and its progress messages.
 */
async function upgradeFromV4(name: string, contacts: number, interactions: number) {
  let t = performance.now();
  await writeSchema4Notebook(name, contacts, interactions);
  const writeMs = performance.now() - t;
  // Progress comes as the migration's cursors visit records: contacts (the unpacked pages) first,
  // then interactions; the times say where the upgrade spends its time.
  const progress: { done: number; at: number }[] = [];
  const db = new RapportDB(name, undefined, (p) => progress.push({ done: p.done, at: performance.now() }));
  t = performance.now();
  await db.open();
  const opened = performance.now();
  const ms = opened - t;
  const first = progress[0]?.at ?? t;
  const contactsDone = progress.find((p) => p.done >= contacts)?.at ?? first;
  const last = progress.at(-1)?.at ?? opened;
  const phases = { beforeUpgradeMs: first - t, contactsMs: contactsDone - first, interactionsMs: last - contactsDone, commitMs: opened - last };
  const probe = benchContact(contacts - 3);
  const found = (await findByEmail(db, probe.emails[0]!))?.id === probe.id;
  const counted = { contacts: await db.contacts.count(), interactions: await db.interactions.count() };
  const hitsBeforeBackfill = (await search(db, 'rahmenvertrag', 5)).length;
  // Migration 5 leaves the interactions' words to a resumable backfill after the upgrade.
  t = performance.now();
  await continueSearchBackfill(db);
  const backfillMs = performance.now() - t;
  const noteHits = (await search(db, 'rahmenvertrag', 5)).length;
  db.close();
  await RapportDB.delete(name);
  return { ms, writeMs, progressMessages: progress.length, phases, found, hitsBeforeBackfill, backfillMs, noteHits, ...counted, version: db.verno };
}

/**
 * Issue 12: a 30 000-row LinkedIn export with 1 % bad rows, imported as the options page does:
 * decode, preview (plan), write. Returns the phase times, the longest main-thread task per phase
 * and what was imported, invalid and warned about.
 */
async function importRealExport(name: string, n: number) {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  const file = linkedInExportWithBadRows(n);
  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  try {
    const t0 = performance.now();
    const decoded = await decodeImport(file.bytes);
    const t1 = performance.now();
    const plan = await planImport(db, decoded);
    const t2 = performance.now();
    const report = await applyImport(db, plan);
    const t3 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const entry of observer.takeRecords()) tasks.push({ start: entry.startTime, duration: entry.duration });
    const longest = (from: number, to: number) => Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration));
    return {
      ms: t3 - t0,
      decodeMs: t1 - t0,
      planMs: t2 - t1,
      writeMs: t3 - t2,
      imported: report.imported,
      invalid: plan.invalid.length,
      warnings: decoded.contacts.reduce((sum, row) => sum + (row.warnings?.length ?? 0), 0),
      expected: { imported: n - file.invalid, invalid: file.invalid, warnings: file.warnings },
      longestTaskMs: { decode: longest(t0, t1), preview: longest(t1, t2), write: longest(t2, t3) },
    };
  } finally {
    observer.disconnect();
    db.close();
  }
}

async function importFloor(name: string, n: number) {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  try {
    return await benchImportFloor(db, n);
  } finally {
    db.close();
    await RapportDB.delete(name);
  }
}

async function exportInteractions(name: string, n: number, contacts: number) {
  const db = new RapportDB(name);
  try {
    return await benchExportInteractions(db, n, 'json', contacts);
  } finally {
    db.close();
  }
}

async function drop(name: string) {
  await RapportDB.delete(name);
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(`${name}-raw`);
    request.onsuccess = request.onerror = resolve;
  });
}

Object.assign(window, {
  rapportBench: { remindersBench, autoLogBench, importRealExport, seed, emailLookup, searchBench, miniSearchBench, captureBench, extract, importContacts, importFloor, cancelImport, upgradeFromV4, exportInteractions, drop, heap: () => mb(heapBytes()) },
});
if (location.hostname === 'bench.example') document.title = 'bench-ready';
