// @vitest-environment happy-dom
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { withTestRoot } from '../../tests/support/react-root';
import { expect, it } from 'vitest';
import { applyMigrations, RapportDB, UPGRADE_CHANNEL } from '../../utils/db/db';
import { MIGRATIONS } from '../../utils/db/migrations';
import { NotebookGate } from './NotebookGate';

const view = withTestRoot();

/** A database whose open the test controls. */
function pendingDb() {
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const opened = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let open = false;
  const db = {
    on: () => ({ unsubscribe: () => undefined }),
    isOpen: () => open,
    open: () => opened.then(() => void (open = true)),
  } as unknown as RapportDB;
  return { db, settle };
}

const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

it('says "Updating your notebook…" with the progress another page announces, then shows the app', async () => {
  const { db, settle } = pendingDb();
  act(() => view.root.render(<NotebookGate db={db}><p data-testid="app">app</p></NotebookGate>));
  expect(view.container.textContent).toBe('');
  const channel = new BroadcastChannel(UPGRADE_CHANNEL);
  channel.postMessage({ version: 5, done: 5000, total: 20000 });
  await wait(50);
  expect(view.container.querySelector('[data-testid="notebook-updating"]')?.textContent).toContain('Updating your notebook… 5,000 of 20,000 records');
  expect(view.container.querySelector('progress')?.getAttribute('value')).toBe('5000');
  channel.close();
  settle.resolve();
  await wait(10);
  expect(view.container.querySelector('[data-testid="app"]')).not.toBeNull();
  expect(view.container.querySelector('[data-testid="notebook-updating"]')).toBeNull();
});

it('says it is updating when opening is slow even before any progress', async () => {
  const { db } = pendingDb();
  act(() => view.root.render(<NotebookGate db={db}><p>app</p></NotebookGate>));
  await wait(400);
  expect(view.container.querySelector('[data-testid="notebook-updating"]')?.textContent).toBe('Updating your notebook…');
});

it('a notebook that cannot be opened gets a clear message, not a blank panel', async () => {
  const { db, settle } = pendingDb();
  act(() => view.root.render(<NotebookGate db={db}><p>app</p></NotebookGate>));
  settle.reject(new Error('UpgradeError: step 5 failed'));
  await wait(10);
  expect(view.container.querySelector('[data-testid="notebook-failed"]')?.textContent).toMatch(/could not open your notebook \(UpgradeError: step 5 failed\)\. Nothing was changed/);
});

it('a real schema-4 notebook upgrades behind the gate and the app appears', async () => {
  const name = `gate-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, 4));
  await old.open();
  const tables = (JSON.parse(readFileSync('tests/fixtures/db/2026-11-30-schema-4.json', 'utf8')) as { tables: Record<string, unknown[]> }).tables;
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  old.close();
  const db = new RapportDB(name);
  act(() => view.root.render(<NotebookGate db={db}><p data-testid="app">app</p></NotebookGate>));
  for (let i = 0; i < 50 && !view.container.querySelector('[data-testid="app"]'); i++) await wait(20);
  expect(view.container.querySelector('[data-testid="app"]')).not.toBeNull();
  expect(await db.contacts.count()).toBe(40);
  db.close();
});

it('a page on the old version lets the upgrade through and asks to be reloaded', async () => {
  const name = `gate-old-${crypto.randomUUID()}`;
  const oldDb = new RapportDB(name);
  await oldDb.open();
  act(() => view.root.render(<NotebookGate db={oldDb}><p data-testid="app">app</p></NotebookGate>));
  await wait(10);
  expect(view.container.querySelector('[data-testid="app"]')).not.toBeNull();
  // A newer Rapport (one more schema step) opens the same notebook in another page.
  const newer = new RapportDB(name, [...MIGRATIONS, { version: MIGRATIONS.length + 1, stores: { followUps: 'id, contactId, due, [contactId+due], doneAt' } }]);
  await newer.open();
  expect(newer.verno).toBe(MIGRATIONS.length + 1);
  await wait(10);
  expect(view.container.querySelector('[data-testid="notebook-outdated"]')?.textContent).toMatch(/updated in another tab\. Reload this page/);
  expect(view.container.querySelector('[data-testid="app"]')).toBeNull();
  newer.close();
});

it('a real schema-4 notebook whose upgrade throws: the message shows and the old version stays', async () => {
  const name = `gate-fail-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, 4));
  await old.open();
  const tables = (JSON.parse(readFileSync('tests/fixtures/db/2026-11-30-schema-4.json', 'utf8')) as { tables: Record<string, unknown[]> }).tables;
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  old.close();
  const failing = MIGRATIONS.map((step) => (step.version === 5 ? { ...step, upgrade: async () => Promise.reject(new Error('step 5 broke')) } : step));
  const db = new RapportDB(name, failing);
  act(() => view.root.render(<NotebookGate db={db}><p data-testid="app">app</p></NotebookGate>));
  for (let i = 0; i < 50 && !view.container.querySelector('[data-testid="notebook-failed"]'); i++) await wait(20);
  expect(view.container.querySelector('[data-testid="notebook-failed"]')?.textContent).toMatch(/could not open your notebook \(.*step 5 broke.*\)\. Nothing was changed/);
  expect(view.container.querySelector('[data-testid="app"]')).toBeNull();
  db.close();
  const check = new Dexie(name);
  applyMigrations(check, MIGRATIONS.slice(0, 4));
  await check.open();
  expect(check.verno).toBe(4);
  expect(await check.table('contactPages').count()).toBe(tables.contactPages!.length);
  check.close();
});
