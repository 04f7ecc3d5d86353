import type { RapportDB } from '../../../utils/db/db';
import { exportDatabase } from '../../../utils/db/repos/export-source';
import { applyImport } from '../../../utils/db/repos/import-apply';
import { planImport } from '../../../utils/db/repos/import-plan';
import type { ContactId, InteractionId } from '../../../utils/domain/common';
import type { Contact } from '../../../utils/domain/contact';
import type { Interaction } from '../../../utils/domain/interaction';
import { decodeImport } from '../../../utils/transfer/import';
import type { ExportFormat } from '../../../utils/transfer/model';

/**
 * Writes already-valid contacts and interactions with bulk writes (no per-record validation), with
 * their timeline links; search words come from the database's middleware as on every write. Real
 * imports go through `planImport` + `applyImport`.
 */
export async function seedForBench(db: RapportDB, contacts: readonly Contact[], interactions: readonly Interaction[], chunkSize = 10_000): Promise<void> {
  for (let i = 0; i < contacts.length; i += chunkSize) await db.contacts.bulkAdd(contacts.slice(i, i + chunkSize));
  for (let i = 0; i < interactions.length; i += chunkSize) {
    const chunk = interactions.slice(i, i + chunkSize);
    await db.transaction('rw', db.interactions, db.interactionLinks, async () => {
      await db.interactions.bulkAdd(chunk);
      await db.interactionLinks.bulkAdd(chunk.flatMap((x) => x.contactIds.map((contactId) => ({ contactId, interactionId: x.id, occurredAt: x.occurredAt }))));
    });
  }
}

/*
 * Benchmarks for the real-Chromium bench page (`npm run bench`). Test data is generated and
 * seeded outside the timed part. Under Node with fake-indexeddb the numbers only hint at the
 * real ones (and there is no `performance.memory`).
 */

function heapBytes(): number | undefined {
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}

/** A LinkedIn Connections.csv with `n` people (notes lines and all), as bytes. */
export function linkedInCsv(n: number): Uint8Array {
  const lines = ['Notes:', '"Generated for the import benchmark."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    lines.push(`Person${i},Bench${i % 997},https://www.linkedin.com/in/bench-person-${i},person${i}@bench${i % 50}.example,"Company ${i % 1000}, GmbH",Role ${i % 37},0${1 + (i % 9)} Mar 2024`);
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/**
 * Imports `n` new contacts from a LinkedIn CSV into `db` the way the UI does: decode, plan
 * (preview), apply in one transaction. Target in Chromium: 100 000 contacts in ≤ 10 s. The phase
 * boundaries are `performance.now()` times, so a caller can attribute long tasks to phases.
 */
export async function benchImportContacts(
  db: RapportDB,
  n: number,
  bytes: Uint8Array = linkedInCsv(n),
): Promise<{ ms: number; imported: number; decodeMs: number; planMs: number; writeMs: number; marks: [number, number, number, number] }> {
  const t0 = performance.now();
  const decoded = await decodeImport(bytes);
  const t1 = performance.now();
  const plan = await planImport(db, decoded);
  const t2 = performance.now();
  const report = await applyImport(db, plan);
  const t3 = performance.now();
  return { ms: t3 - t0, imported: report.imported, decodeMs: t1 - t0, planMs: t2 - t1, writeMs: t3 - t2, marks: [t0, t1, t2, t3] };
}

function written(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** One `add` per record in one read-write transaction on `store`, with nothing else around it. */
async function rawAdds(idb: IDBDatabase, store: string, records: readonly object[]): Promise<number> {
  const t0 = performance.now();
  const tx = idb.transaction(store, 'readwrite');
  const done = written(tx);
  const target = tx.objectStore(store);
  for (const record of records) target.add(record);
  await done;
  return performance.now() - t0;
}

/** A scratch database with one store `records` (keyPath `key`), with these multi-entry indexes. */
function scratchDb(name: string, indexes: readonly string[], key: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('records', { keyPath: key });
      for (const index of indexes) store.createIndex(index, index, { multiEntry: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

async function timedScratch(name: string, indexes: readonly string[], key: string, records: readonly object[]): Promise<number> {
  const idb = await scratchDb(name, indexes, key);
  try {
    return await rawAdds(idb, 'records', records);
  } finally {
    idb.close();
    indexedDB.deleteDatabase(name);
  }
}

/**
 * The floors under `benchImportContacts`' write step: the very contacts its plan creates, written
 * with bare IndexedDB (no Dexie, no validation, no checks) into scratch databases, three ways:
 * one record per contact with the email and LinkedIn URL indexes (the layout before migration 4),
 * one record per contact with no index, and packed into contact pages as the store writes them.
 * The plan is made against `db`, which stays empty.
 */
export async function benchImportFloor(db: RapportDB, n: number): Promise<{ records: number; indexEntries: number; perContactIndexedMs: number; perContactBareMs: number }> {
  const plan = await planImport(db, await decodeImport(linkedInCsv(n)), { chunkSize: 2000 });
  const stored = plan.creates;
  const indexEntries = stored.reduce((sum, c) => sum + c.emails.length + (c.linkedinUrl ? 1 : 0), 0);
  const perContactIndexedMs = await timedScratch(`${db.name}-per-contact`, ['emails', 'linkedinUrl'], 'id', stored);
  const perContactBareMs = await timedScratch(`${db.name}-bare`, [], 'id', stored);
  return { records: stored.length, indexEntries, perContactIndexedMs, perContactBareMs };
}

/** Seeds `interactions` interactions spread over `contacts` contacts (bulk writes, not timed). */
export async function seedInteractions(db: RapportDB, interactions: number, contacts = Math.max(1, Math.ceil(interactions / 100))): Promise<void> {
  const stamp = '2026-01-01T00:00:00.000Z';
  const people: Contact[] = Array.from({ length: contacts }, (_, i) => ({
    id: `ct_bench-${i}` as ContactId,
    displayName: `Bench Person ${i}`,
    emails: [`bench${i}@seed.example`],
    phones: [],
    tags: ['bench'],
    value: {},
    preferences: { channels: [], topics: [] },
    createdAt: stamp,
    updatedAt: stamp,
  }));
  await seedForBench(db, people, []);
  const chunk = 20_000;
  for (let start = 0; start < interactions; start += chunk) {
    const rows: Interaction[] = [];
    for (let i = start; i < Math.min(interactions, start + chunk); i++) {
      const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
      rows.push({
        id: `ix_bench-${String(i).padStart(8, '0')}` as InteractionId,
        contactIds: [people[i % contacts]!.id],
        kind: i % 3 === 0 ? 'email' : 'note',
        channel: i % 3 === 0 ? 'email' : 'other',
        direction: i % 3 === 0 ? 'inbound' : 'internal',
        department: 'sales',
        occurredAt: at,
        subject: `Touchpoint ${i}`,
        text: `Short note number ${i}: called about the offer, "follow up" next week.`,
        createdAt: at,
        updatedAt: at,
      });
    }
    await seedForBench(db, [], rows);
  }
}

/**
 * Exports a database holding `n` interactions (seeded first when it has fewer) and times the
 * export alone. `peakHeapMB` is the highest `performance.memory.usedJSHeapSize` seen during the
 * export (Chromium only). Target: 1 000 000 interactions with a peak ≤ 200 MB.
 */
export async function benchExportInteractions(
  db: RapportDB,
  n: number,
  format: ExportFormat = 'json',
): Promise<{ ms: number; peakHeapMB?: number; startHeapMB?: number; bytes: number; records: number }> {
  if ((await db.interactions.count()) < n) await seedInteractions(db, n);
  const start = heapBytes();
  let peak = start;
  const t0 = performance.now();
  const result = await exportDatabase(db, {
    format,
    appVersion: 'bench',
    onProgress: () => {
      const now = heapBytes();
      if (now !== undefined && (peak === undefined || now > peak)) peak = now;
    },
  });
  const ms = performance.now() - t0;
  const mb = (bytes: number | undefined) => (bytes === undefined ? undefined : Math.round((bytes / 1048576) * 10) / 10);
  return { ms, peakHeapMB: mb(peak), startHeapMB: mb(start), bytes: result.blob.size, records: result.records };
}
