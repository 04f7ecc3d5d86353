import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../domain/interaction';
import { contactKeys, contactStatsOf, CONTACT_KEY_NAMES } from '../../domain/workspace-figures';
import { RapportDB, applyMigrations } from '../db';
import { countAwaitingReply, responsivenessList } from '../repos/workspace';
import { MIGRATIONS } from './index';

/*
 * Before/after (Bitwarden's pattern): the stored schema-6 notebook (tests/fixtures/db/
 * 2026-11-30-schema-6.json) opened by today's schema keeps every record as it was, and the figures the
 * frozen step derives are exactly those today's code derives (if the live rules change, this
 * fails: add a step that recomputes them).
 */

type Row = Record<string, unknown>;
const tables = (JSON.parse(readFileSync(new URL('../../../tests/fixtures/db/2026-11-30-schema-6.json', import.meta.url), 'utf8')) as { tables: Record<string, Row[]> }).tables;
const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));
const withoutWords = ({ words: _w, ...rest }: Row) => rest;

/** Every record of a store as stored, read with bare IndexedDB (hidden fields included). */
async function raw(name: string, store: string): Promise<Row[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rows = await new Promise<Row[]>((resolve, reject) => {
    const r = idb.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => resolve(r.result as Row[]);
    r.onerror = () => reject(r.error);
  });
  idb.close();
  return rows;
}

describe('migration 7: derive the workspace figures', () => {
  it('keeps every schema-6 record and stores the figures the live code derives', async () => {
    const name = `migrate-7-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.slice(0, 6));
    await old.open();
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
    old.close();

    const progress: { version?: number; done: number; total: number }[] = [];
    const db = new RapportDB(name, MIGRATIONS, (p) => progress.push(p));
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.at(-1)!.version);
    expect(progress.filter((p) => p.version === 7).at(-1)).toMatchObject({ version: 7, done: 40, total: 40 });

    // Every record as it was, for everything above the database.
    expect((await db.contacts.toArray()).sort(byId)).toEqual(tables.contacts!.map(withoutWords).sort(byId));
    expect(await db.followUps.toArray()).toEqual(tables.followUps);
    expect((await db.interactions.toArray()).sort(byId)).toEqual([...tables.interactions!].sort(byId));

    // The hidden keys on disk are the live ones.
    for (const stored of await raw(name, 'contacts')) {
      const original = tables.contacts!.find((c) => c.id === stored.id)!;
      const hidden = Object.fromEntries(CONTACT_KEY_NAMES.filter((k) => k in stored).map((k) => [k, stored[k]]));
      expect(hidden, String(stored.id)).toEqual(contactKeys(original as never));
    }
    const followUps = await raw(name, 'followUps');
    expect(followUps.map((f) => [f.id, f.openDue])).toEqual(tables.followUps!.map((f) => [f.id, f.doneAt ? undefined : f.due]));

    // The conversation figures are the live ones, for every contact with interactions.
    const interactions = tables.interactions as unknown as Interaction[];
    const expected = tables.contacts!.map((c) => contactStatsOf(String(c.id), interactions)).filter(Boolean);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.some((s) => s!.awaitingSince)).toBe(true);
    const stored = (await db.contactStats.toArray()).sort((a, b) => a.contactId.localeCompare(b.contactId));
    expect(stored).toEqual([...expected].sort((a, b) => a!.contactId.localeCompare(b!.contactId)));

    // And the lists answer from them.
    const now = new Date('2026-11-30T12:00:00.000Z');
    expect(await countAwaitingReply(db, now)).toBe(expected.filter((s) => s!.awaitingSince && s!.awaitingSince > '2026-10-01T12:00:00.000Z' && s!.awaitingSince < '2026-11-29T12:00:00.000Z').length);
    expect((await responsivenessList(db)).length).toBe(expected.filter((s) => s!.slowKey).length);
    db.close();
    await db.delete();
  });
});
