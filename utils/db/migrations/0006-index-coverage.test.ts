import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RapportDB, applyMigrations } from '../db';
import { MIGRATIONS } from './index';

/* Before/after: a schema-5 notebook opened by schema 6 keeps every record and answers by coverage. */

const contact = (id: string, coverage?: string) => ({
  id,
  displayName: id,
  emails: [],
  phones: [],
  tags: [],
  value: coverage ? { coverage } : {},
  preferences: { channels: [], topics: [] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  words: [id],
});

describe('migration 6: index coverage', () => {
  it('keeps every schema-5 record and finds contacts by their coverage', async () => {
    const name = `migrate-6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.slice(0, 5));
    await old.open();
    const rows = [contact('ct_a', 'key-account'), contact('ct_b'), contact('ct_c', 'digital-only'), contact('ct_d', 'key-account')];
    await old.table('contacts').bulkAdd(rows);
    await expect(old.table('contacts').where('value.coverage').equals('key-account').toArray()).rejects.toThrow(/value.coverage/);
    old.close();

    const db = new RapportDB(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual(['ct_a', 'ct_b', 'ct_c', 'ct_d']);
    expect(await db.contacts.where('value.coverage').equals('key-account').primaryKeys()).toEqual(['ct_a', 'ct_d']);
    expect(await db.contacts.where('value.coverage').equals('digital-only').primaryKeys()).toEqual(['ct_c']);
    expect(await db.contacts.where('words').equals('ct_b').primaryKeys()).toEqual(['ct_b']);
    db.close();
    await db.delete();
  });
});
