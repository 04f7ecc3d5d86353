// Upgrades in real Chromium: a notebook stored by every earlier schema (the dated samples in
// tests/fixtures/db/, written by each schema's own code) is put into the profile's IndexedDB at its
// old version, then the workspace opens it: the real migrations run in the browser and every record
// is there, and searchable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, OWN_FIXTURES, ROOT } from './harness.mjs';

const MIGRATIONS_DIR = join(ROOT, 'utils/db/migrations');
const DEXIE = readFileSync(join(ROOT, 'node_modules/dexie/dist/dexie.js'), 'utf8');
const fixture = (n) => JSON.parse(readFileSync(join(OWN_FIXTURES, `db/2026-11-30-schema-${n}.json`), 'utf8'));
const VERSIONS = readdirSync(join(OWN_FIXTURES, 'db'))
  .map((f) => /^2026-11-30-schema-(\d+)\.json$/.exec(f)?.[1])
  .filter(Boolean)
  .map(Number)
  .sort((a, b) => a - b);

/** Each migration's store declarations, read from its source (`stores: { name: 'spec' | null }`). */
function storeSpecs() {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => {
      const source = readFileSync(join(MIGRATIONS_DIR, f), 'utf8');
      const block = /stores:\s*\{([\s\S]*?)\n\s*\},/.exec(source)?.[1] ?? '';
      const stores = {};
      for (const [, name, spec] of block.matchAll(/(\w+):\s*(null|'[^']*')/g)) stores[name] = spec === 'null' ? null : spec.slice(1, -1);
      return stores;
    });
}

/** Writes a schema-`version` notebook into the profile with Dexie and that version's stores. */
async function storeOldNotebook(page, version, specs, tables) {
  await page.evaluate(DEXIE);
  return page.evaluate(
    async ({ version, specs, tables }) => {
      await new Promise((resolve, reject) => {
        const r = indexedDB.deleteDatabase('rapport');
        r.onsuccess = resolve;
        r.onerror = () => reject(r.error);
      });
      const db = new window.Dexie('rapport');
      specs.slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
      await db.open();
      for (const [table, rows] of Object.entries(tables)) await db.table(table).bulkAdd(rows);
      const stored = db.verno;
      db.close();
      return stored;
    },
    { version, specs, tables },
  );
}

async function readAll(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out = { version: db.version, stores: [...db.objectStoreNames].sort() };
    for (const name of ['contacts', 'interactions', 'followUps', 'checks', 'companies', 'pipelines']) {
      out[name] = await new Promise((resolve) => (db.transaction(name).objectStore(name).getAllKeys().onsuccess = (e) => resolve(e.target.result.map(String).sort())));
    }
    db.close();
    return out;
  });
}

describe('upgrades in the real browser', () => {
  let b;
  const specs = storeSpecs();
  const original = fixture(1).tables;
  const ids = (rows) => (rows ?? []).map((r) => String(r.id)).sort();
  before(async () => {
    b = await launch();
  });
  after(async () => {
    await b?.close();
  });

  test('the samples cover every earlier schema', () => {
    assert.deepEqual(VERSIONS, specs.slice(0, -1).map((_, i) => i + 1));
  });

  for (const version of VERSIONS) {
    test(`a schema-${version} notebook opens in the workspace with every record`, async () => {
      // A packaged page that does not open the database itself.
      const page = await b.extensionPage('offscreen.html');
      assert.equal(await storeOldNotebook(page, version, specs, fixture(version).tables), version, 'stored at the old version');
      await page.goto(`chrome-extension://${b.extensionId}/options.html#contacts`);
      await page.locator('[data-testid="search-input"]').waitFor({ timeout: 60_000 });
      const stored = await readAll(page);
      assert.equal(stored.version, specs.length * 10, 'upgraded to the current schema');
      assert.deepEqual(stored.contacts, ids(original.contacts));
      assert.deepEqual(stored.interactions, ids(original.interactions));
      for (const table of ['followUps', 'checks', 'companies', 'pipelines']) assert.deepEqual(stored[table], ids(original[table]), table);
      // And the workspace finds them.
      await page.fill('[data-testid="search-input"]', 'Sommerfeld');
      await page.locator('[data-testid="search-result"][data-contact-id="ct_001"]').waitFor({ timeout: 30_000 });
      await page.close();
    });
  }
});
