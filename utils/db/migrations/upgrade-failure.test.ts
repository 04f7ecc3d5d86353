import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMigrations, RapportDB } from '../db';
import { MIGRATIONS } from './index';
import type { Migration } from './types';

/*
 * A migration that throws leaves the previous version intact: Dexie runs every step of an upgrade
 * in the one `versionchange` transaction, so a throw aborts it, including what earlier steps (and
 * the failing step itself) already wrote. For every stored notebook of an earlier schema and every
 * later step failing, the database must still be at its old version with every record as it was.
 */

type Row = Record<string, unknown>;
const fixture = (version: number): Record<string, Row[]> =>
  (JSON.parse(readFileSync(new URL(`../../../tests/fixtures/db/2026-11-30-schema-${version}.json`, import.meta.url), 'utf8')) as { tables: Record<string, Row[]> }).tables;

async function writeAt(version: number): Promise<string> {
  const name = `fail-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, version));
  await old.open();
  for (const [table, rows] of Object.entries(fixture(version))) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

/** Today's migrations, with step `failing` doing its real work and then throwing. */
function withFailingStep(failing: number): Migration[] {
  return MIGRATIONS.map((step) =>
    step.version !== failing
      ? step
      : {
          ...step,
          upgrade: async (tx, progress) => {
            await step.upgrade?.(tx, progress);
            throw new Error(`step ${failing} failed`);
          },
        },
  );
}

async function dump(name: string, version: number): Promise<{ verno: number; tables: Record<string, Row[]> }> {
  const db = new Dexie(name);
  applyMigrations(db, MIGRATIONS.slice(0, version));
  await db.open();
  const tables: Record<string, Row[]> = {};
  for (const table of db.tables) tables[table.name] = (await table.toArray()) as Row[];
  const verno = db.verno;
  db.close();
  return { verno, tables };
}

describe('a migration that throws', () => {
  const cases: [number, number][] = [];
  for (let from = 1; from < MIGRATIONS.length; from++) for (let failing = from + 1; failing <= MIGRATIONS.length; failing++) cases.push([from, failing]);

  it.each(cases)('schema-%i notebook, step %i throws: still at its old version, every record as it was', async (from, failing) => {
    const name = await writeAt(from);
    const before = await dump(name, from);
    const db = new RapportDB(name, withFailingStep(failing));
    await expect(db.open()).rejects.toThrow(new RegExp(`step ${failing} failed`));
    db.close();
    const after = await dump(name, from);
    expect(after.verno).toBe(from);
    expect(after.tables).toEqual(before.tables);
    for (const [table, rows] of Object.entries(fixture(from))) expect(after.tables[table], table).toHaveLength(rows.length);
    // And the real upgrade still goes through afterwards.
    const fixed = new RapportDB(name);
    await fixed.open();
    expect(fixed.verno).toBe(MIGRATIONS.length);
    expect(await fixed.contacts.count()).toBe(fixture(1).contacts!.length);
    fixed.close();
  });
});
