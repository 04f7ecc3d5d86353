/**
 * Benchmark page code: bundled by tests/bench/run.mjs (not shipped in the extension) and loaded into
 * a page in real Chromium. Each function returns plain numbers for the runner to report.
 */
import Dexie from 'dexie';
import { applyMigrations, RapportDB } from '../../../utils/db/db';
import { MIGRATIONS } from '../../../utils/db/migrations';
import { findByEmail, matchPerson, searchContacts, updateContact } from '../../../utils/db/repos/contacts';
import type { Contact } from '../../../utils/domain/contact';
import type { ContactId } from '../../../utils/domain/common';
import { ADAPTERS } from '../../../utils/sites';
import { benchExportInteractions, benchImportContacts, benchImportFloor, linkedInCsv, seedForBench } from './cases';
import { applyImport } from '../../../utils/db/repos/import-apply';
import { planImport } from '../../../utils/db/repos/import-plan';
import { decodeImport } from '../../../utils/transfer/import';
import { linkedInExportWithBadRows } from './linkedin-export';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const FIRST = ['Amara', 'Jürgen', 'Li', 'Tomás', 'Priya', 'Dana', 'Sofia', 'Jonas', 'Mei', 'Omar'];
const LAST = ['Okafor', 'Weiß', 'Wei', 'Ó Briain', 'Shah', 'Whitfield', 'Rossi', 'Berg', 'Chen', 'Haddad'];

function contactNo(i: number): Contact {
  const stamp = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  return {
    id: `ct_${i}` as ContactId,
    displayName: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`,
    emails: [`person${i}@company${i % 997}.example`, ...(i % 3 === 0 ? [`p${i}@private.example`] : [])],
    phones: [],
    company: `Company ${i % 997}`,
    tags: i % 5 === 0 ? ['key-account'] : [],
    value: {},
    preferences: { channels: [], topics: [] },
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** Writes n generated contacts (in 5 000-row batches) into a fresh database. */
async function seedContacts(name: string, n: number): Promise<{ ms: number }> {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  const start = performance.now();
  const all = Array.from({ length: n }, (_, i) => contactNo(i));
  await seedForBench(db, all, [], 5000);
  db.close();
  // The baseline: the same contacts one record each, with a multi-entry email index.
  await new Promise<void>((resolve, reject) => {
    indexedDB.deleteDatabase(`${name}-raw`);
    const request = indexedDB.open(`${name}-raw`, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('contacts', { keyPath: 'id' }).createIndex('emails', 'emails', { multiEntry: true });
    request.onerror = () => reject(request.error ?? new Error('open failed'));
    request.onsuccess = () => {
      const raw = request.result;
      const tx = raw.transaction('contacts', 'readwrite');
      for (const contact of all) tx.objectStore('contacts').add(contact);
      tx.oncomplete = () => {
        raw.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
    };
  });
  return { ms: performance.now() - start };
}

/**
 * Looks up `lookups` random addresses through the repository (`findByEmail`, packed contact pages)
 * and, interleaved, the same addresses with a raw IndexedDB index get on the same contacts stored
 * one record each (`seedContacts` writes both).
 */
async function emailLookup(name: string, n: number, lookups: number) {
  const db = new RapportDB(name);
  await db.open();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`${name}-raw`, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
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
  for (let i = 0; i < 50; i++) {
    await findByEmail(db, `person${i}@company${i % 997}.example`);
    await rawGet(`person${i}@company${i % 997}.example`);
  }
  for (let k = 0; k < lookups; k += BATCH) {
    const ids = Array.from({ length: BATCH }, () => Math.floor(Math.random() * n));
    const emails = ids.map((i) => `person${i}@company${i % 997}.example`);
    let t = performance.now();
    const found: ({ id: string } | undefined)[] = [];
    for (const email of emails) found.push(await findByEmail(db, email.toUpperCase()));
    repo.push((performance.now() - t) / BATCH);
    t = performance.now();
    const rows: ({ id: string } | undefined)[] = [];
    for (const email of emails) rows.push((await rawGet(email)) as { id: string } | undefined);
    raw.push((performance.now() - t) / BATCH);
    ids.forEach((i, j) => {
      if (found[j]?.id !== `ct_${i}` || rows[j]?.id !== `ct_${i}`) misses++;
    });
  }
  db.close();
  idb.close();
  return {
    repoMedianMs: median(repo),
    repoP95Ms: percentile(repo, 95),
    rawMedianMs: median(raw),
    rawP95Ms: percentile(raw, 95),
    ratio: median(repo) / median(raw),
    misses,
  };
}

/**
 * Contact search over the seeded database: the picker's query (`searchContacts`) and the sidebar's
 * "is this …?" near match for a name it does not know (`matchPerson`). Cold = the first search
 * after a contact changed (the search pages are read); warm = the pages were read before.
 */
async function search(name: string, n: number, runs: number) {
  const db = new RapportDB(name);
  await db.open();
  const queries = ['jurg weiss', 'okafor 4', '', 'company 99', 'li', 'tomas o bri'];
  const cold: number[] = [];
  const warm: number[] = [];
  const near: number[] = [];
  let hits = 0;
  for (let r = 0; r < runs; r++) {
    await updateContact(db, `ct_${Math.floor(Math.random() * n)}` as ContactId, { title: `Run ${r}` });
    let t = performance.now();
    hits += (await searchContacts(db, queries[r % queries.length]!, 8)).length;
    cold.push(performance.now() - t);
    t = performance.now();
    hits += (await searchContacts(db, queries[(r + 1) % queries.length]!, 8)).length;
    warm.push(performance.now() - t);
    t = performance.now();
    const match = await matchPerson(db, { name: `Sofia Berg Unknown${r}`, email: `nobody${r}@unknown.example` });
    near.push(performance.now() - t);
    if (match.contact) throw new Error('near match returned an exact contact');
  }
  db.close();
  return { coldMedianMs: median(cold), coldMaxMs: Math.max(...cold), warmMedianMs: median(warm), warmMaxMs: Math.max(...warm), nearMedianMs: median(near), nearMaxMs: Math.max(...near), hits };
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
    return {
      ...result,
      longTasks: during.length,
      longestTaskMs: { decode: longest(t0, t1), preview: longest(t1, t2), write: longest(t2, t3) },
      blockedMs: during.reduce((sum, t) => sum + t.duration - 50, 0),
      /** Each long task: [start ms after the import began, duration ms]. */
      tasks: during.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
    };
  } finally {
    observer.disconnect();
    db.close();
  }
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

/**
 * A version-2 notebook of n contacts (with the old per-word index) opened by today's code: the time
 * of the upgrade to the packed search pages, which every existing user's first start pays once.
 */
async function upgradeFromV2(name: string, n: number) {
  await Dexie.delete(name);
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 2));
  for (let i = 0; i < n; i += 5000) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 5000); j++) batch.push({ ...contactNo(j), searchWords: ['old', `w${j}`] });
    await old.table('contacts').bulkAdd(batch);
  }
  old.close();
  const db = new RapportDB(name);
  const start = performance.now();
  await db.open();
  const ms = performance.now() - start;
  const found = (await searchContacts(db, `${FIRST[7]} ${n - 3}`, 5)).map((c) => c.id);
  const entries = await db.contacts.count();
  db.close();
  await Dexie.delete(name);
  return { ms, entries, found };
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

async function exportInteractions(name: string, n: number) {
  await RapportDB.delete(name);
  const db = new RapportDB(name);
  try {
    return await benchExportInteractions(db, n);
  } finally {
    db.close();
  }
}

Object.assign(window, { rapportBench: { seedContacts, emailLookup, search, upgradeFromV2, extract, importContacts, importRealExport, importFloor, exportInteractions } });
if (location.hostname === 'bench.example') document.title = 'bench-ready';
