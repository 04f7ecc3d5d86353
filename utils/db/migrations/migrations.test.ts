import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactWords, interactionWords } from '../../domain/search';
import { RapportDB, applyMigrations } from '../db';
import { continueSearchBackfill, search, searchBackfillPending, SEARCH_BACKFILL } from '../repos/search';
import { MIGRATIONS } from './index';

/*
 * Bitwarden's pattern: for every earlier schema, a stored database written at that version
 * (tests/fixtures/db/2026-11-30-schema-N.json, made by the schema-N code itself) is opened by
 * today's code, and every record must be found, with nothing else changed.
 */

type Row = Record<string, unknown>;
interface Fixture {
  schema: number;
  tables: Record<string, Row[]>;
}

const fixture = (version: number): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/db/2026-11-30-schema-${version}.json`, import.meta.url), 'utf8')) as Fixture;

/** What every upgrade must arrive at: the schema-1 records, without the derived fields of old layouts. */
const original = fixture(1).tables;
const expectedContacts = original.contacts!.map(({ searchWords: _old, ...rest }) => rest);
const byKey = (key: string) => (a: Row, b: Row) => String(a[key]).localeCompare(String(b[key]));

async function writeAt(version: number): Promise<string> {
  const name = `migrate-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, version));
  await old.open();
  expect(old.verno).toBe(version);
  for (const [table, rows] of Object.entries(fixture(version).tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

/** The stored `words` of every record of a table, read under the index (the app never sees them). */
async function storedWords(db: RapportDB, table: 'contacts' | 'interactions'): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await db.table(table).orderBy('words').eachKey((word, cursor) => {
    const id = String(cursor.primaryKey);
    out.set(id, [...(out.get(id) ?? []), String(word)]);
  });
  return out;
}

describe('search backfill after migration 5', () => {
  it('goes on where it stopped after an interruption, and loses no write made meanwhile', async () => {
    const db = new RapportDB(await writeAt(4));
    await db.open();
    const seen: number[] = [];
    // Interrupted after the second page (a closed page, a stopped service worker).
    await expect(
      continueSearchBackfill(db, {
        pageSize: 20,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 40) throw new Error('page closed');
        },
      }),
    ).rejects.toThrow('page closed');
    expect(((await db.meta.get(SEARCH_BACKFILL))?.value as { done: number }).done).toBe(40);
    // A write meanwhile, to an interaction the backfill has not reached yet.
    await db.interactions.update('ix_089' as never, { text: 'Zeppelinfahrt gebucht' });
    await continueSearchBackfill(db, { pageSize: 20 });
    expect(seen).toEqual([20, 40]);
    expect(await searchBackfillPending(db)).toBeUndefined();
    expect((await db.interactions.get('ix_089' as never))?.text).toBe('Zeppelinfahrt gebucht');
    expect((await search(db, 'zeppelin')).length).toBe(1);
    expect((await search(db, 'rahmenvertrag')).length).toBeGreaterThan(0);
    db.close();
    await db.delete();
  });
});

describe('migrations', () => {
  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('the fixtures hold what each schema stored', () => {
    expect(fixture(1).tables.contacts).toHaveLength(40);
    expect(fixture(3).tables.searchPages!.length).toBeGreaterThan(10);
    expect(fixture(4).tables.contacts).toBeUndefined();
    expect(fixture(4).tables.contactPages!.length).toBeGreaterThan(10);
  });

  for (const version of [1, 2, 3, 4]) {
    it(`upgrade a schema-${version} notebook to ${MIGRATIONS.length}: every record found, nothing else changed`, async () => {
      const name = await writeAt(version);
      const progress: { version: number; done: number; total: number }[] = [];
      const db = new RapportDB(name, MIGRATIONS, (p) => progress.push({ version: 0, ...p }));
      await db.open();
      expect(db.verno).toBe(MIGRATIONS.length);
      expect(db.tables.map((t) => t.name).sort()).toEqual(['checks', 'companies', 'contactStats', 'contacts', 'followUps', 'interactionLinks', 'interactions', 'meta', 'pipelines', 'priorityKeys']);

      // Every contact, field for field (the packed layouts and old word lists leave no trace).
      expect((await db.contacts.toArray()).sort(byKey('id'))).toEqual([...expectedContacts].sort(byKey('id')));
      // The other tables exactly as they were written.
      expect((await db.interactions.toArray()).sort(byKey('id'))).toEqual([...original.interactions!].sort(byKey('id')));
      for (const table of ['followUps', 'checks', 'companies', 'pipelines'] as const) {
        expect(await db.table(table).toArray()).toEqual(original[table]);
      }
      // The interactions' words are derived after the upgrade, resumably (a notebook may hold a million).
      expect(await searchBackfillPending(db)).toEqual({ done: 0, total: 90 });
      await continueSearchBackfill(db, { pageSize: 25 });
      expect(await db.meta.toArray()).toEqual([{ key: 'settings', value: { locale: 'de' } }]);
      expect((await db.interactions.toArray()).sort(byKey('id'))).toEqual([...original.interactions!].sort(byKey('id')));
      // The timeline index: written by migration 2 for a schema-1 notebook, kept as it was after.
      const links = await db.interactionLinks.toArray();
      expect(links).toHaveLength(original.interactions!.reduce((n, i) => n + (i.contactIds as string[]).length, 0));
      if (version >= 2) expect(links).toEqual(fixture(version).tables.interactionLinks);

      // The search words written by the frozen step are the ones today's code derives (if the live
      // word rules change, this fails: add a step that rebuilds them).
      const words = await storedWords(db, 'contacts');
      for (const contact of expectedContacts) expect(words.get(contact.id as string)?.sort()).toEqual(contactWords(contact).sort());
      const noteWords = await storedWords(db, 'interactions');
      for (const ix of original.interactions!) expect(noteWords.get(ix.id as string)?.sort()).toEqual(interactionWords(ix).sort());
      // The workspace indexes answer.
      expect((await db.contacts.where('emails').equals('person7@example1.de').toArray()).map((c) => c.id)).toEqual(['ct_007']);
      expect(await db.contacts.where('value.tier').equals('A').count()).toBe(expectedContacts.filter((c) => (c.value as { tier?: string }).tier === 'A').length);
      expect((await search(db, 'rahmen')).length).toBeGreaterThan(0);
      if (version === 4) expect(progress).toContainEqual({ version: 5, done: 40, total: 40 });

      db.close();
      await db.delete();
    });
  }
});
