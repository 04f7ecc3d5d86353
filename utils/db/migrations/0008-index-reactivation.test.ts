import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../domain/contact';
import { reactivationList } from '../../domain/reactivation';
import { contactKeys, CONTACT_KEY_NAMES, revenueBand } from '../../domain/workspace-figures';
import { RapportDB, applyMigrations } from '../db';
import { reactivateList } from '../repos/workspace';
import { MIGRATIONS } from './index';

/*
 * Before/after: the stored schema-7 notebook (tests/fixtures/db/2026-11-30-schema-7.json, written
 * by the schema-7 code, hidden keys and figures included) opened by schema 8 keeps every record as
 * it was for everything above the database, each contact gains the revenue band today's code
 * derives, and the reactivation list read through the new index is the domain rule's.
 */

type Row = Record<string, unknown>;
const sample = JSON.parse(readFileSync(new URL('../../../tests/fixtures/db/2026-11-30-schema-7.json', import.meta.url), 'utf8')) as { schema: number; tables: Record<string, Row[]> };
const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));
const hiddenless = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'words' && !(CONTACT_KEY_NAMES as readonly string[]).includes(k)));

async function rawContacts(name: string): Promise<Row[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rows = await new Promise<Row[]>((resolve, reject) => {
    const r = idb.transaction('contacts').objectStore('contacts').getAll();
    r.onsuccess = () => resolve(r.result as Row[]);
    r.onerror = () => reject(r.error);
  });
  idb.close();
  return rows;
}

describe('migration 8: index the reactivation list by revenue band', () => {
  it('the frozen band is the live one', () => {
    const step = readFileSync(new URL('./0008-index-reactivation.ts', import.meta.url), 'utf8');
    const band8 = new Function(`${/function band8[\s\S]*?\n}/.exec(step)![0].replace(/\(amount: unknown\): number/, '(amount)').replace(/ as \w+/g, '')}; return band8;`)() as (a: unknown) => number;
    for (const amount of [undefined, 0, 0.5, 1, 1.26, 999, 1000, 1259, 1260, 123_456, 1e6, 9_999_999, 1e13]) expect(band8(amount), String(amount)).toBe(revenueBand(amount));
  });

  it('keeps every schema-7 record and adds the revenue band today\'s code derives', async () => {
    expect(sample.schema).toBe(7);
    // The sample's contacts were never contacted; give those without a cadence a last touchpoint in
    // 2024–2026 (and the schema-7 key it implies), so some are quiet customers to reactivate.
    const contacts = sample.tables.contacts!.map((c, n) => {
      if ((c as { keepInTouchDays?: number }).keepInTouchDays || (c.value as { coverage?: string }).coverage) return c;
      const at = new Date(Date.UTC(2024, n % 30, 15, 10)).toISOString();
      return { ...c, lastInteractionAt: at, lastInteractionChannel: 'email', lastKey: at };
    });
    const name = `migrate-8-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.slice(0, 7));
    await old.open();
    for (const [table, rows] of Object.entries(sample.tables)) await old.table(table).bulkAdd(table === 'contacts' ? contacts : rows);
    old.close();

    const progress: { version?: number; done: number; total: number }[] = [];
    const db = new RapportDB(name, MIGRATIONS, (p) => progress.push(p));
    await db.open();
    expect(db.verno).toBe(8);
    expect(progress.at(-1)).toMatchObject({ version: 8, done: 40, total: 40 });

    // Every record as it was, for everything above the database.
    expect((await db.contacts.toArray()).sort(byId)).toEqual(contacts.map(hiddenless).sort(byId));
    for (const table of ['interactions', 'followUps', 'checks', 'companies', 'pipelines', 'meta', 'interactionLinks', 'contactStats'] as const) {
      expect(await db.table(table).count(), table).toBe(sample.tables[table]!.length);
    }
    expect((await db.interactions.toArray()).sort(byId)).toEqual([...sample.tables.interactions!].map(hiddenless).sort(byId));

    // The hidden keys on disk are the live ones, the new band among them (several bands in the sample).
    const stored = await rawContacts(name);
    for (const row of stored) {
      const hidden = Object.fromEntries(CONTACT_KEY_NAMES.filter((k) => k in row).map((k) => [k, row[k]]));
      expect(hidden, String(row.id)).toEqual(contactKeys(row as unknown as Contact));
      expect(row.words, String(row.id)).toEqual(contacts.find((c) => c.id === row.id)!.words);
    }
    expect(new Set(stored.map((r) => r.revBand)).size).toBeGreaterThan(3);
    // A row of priority keys per contact, the keys schema 7 stored with it.
    expect(((await db.priorityKeys.toArray()) as unknown as Row[]).sort(byId)).toEqual(contacts.map((c) => ({ id: c.id, prioBase: c.prioBase, lastKey: c.lastKey })).sort(byId));

    // And the reactivation list reads the new index: the domain rule over every contact.
    const now = new Date('2026-11-30T12:00:00.000Z');
    const all = await db.contacts.toArray();
    const expected = reactivationList(all, now, 6);
    expect(expected.rows.length).toBeGreaterThan(3);
    expect((await reactivateList(db, now, 6, 1000)).rows.map((r) => r.contact.id)).toEqual(expected.rows.map((c) => c.id));
    expect((await reactivateList(db, now, 6, 2)).rows.map((r) => r.contact.id)).toEqual(expected.rows.slice(0, 2).map((c) => c.id));
    db.close();
    await db.delete();
  });
});
