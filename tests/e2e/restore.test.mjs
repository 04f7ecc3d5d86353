// Restore of a JSON backup over the whole-file import limit (40 MB), in the real workspace page:
// streamed into an empty notebook, identical on re-export, heap bounded; cancel and a notebook that
// already holds contacts leave everything as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness.mjs';
import { compareBackups, writeBigBackup } from '../support/big-backup.mjs';
import { exportJson, restoreFile, storeCounts } from '../support/restore-driver.mjs';

const CONTACTS = 300;
const PER_CONTACT = 150;

describe('restore of a large JSON backup', () => {
  let b;
  let page;
  let dir;
  let file;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-restore-'));
    file = join(dir, 'rapport-backup-big.json');
    await writeBigBackup(file, { contacts: CONTACTS, perContact: PER_CONTACT, textBytes: 700 });
    assert.ok(statSync(file).size > 40 * 1024 * 1024, 'the backup is over the whole-file limit');
    b = await launch();
    page = await b.extensionPage('options.html');
    await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  });
  after(async () => {
    await b?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('cancel part-way leaves the notebook empty', async () => {
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="restore-progress"]')?.getAttribute('data-done')) > 5_000_000, undefined, { timeout: 120_000 });
    await page.click('[data-testid="import-cancel"]');
    // The rollback runs after the cancel: wait until the marker is gone and every table is empty.
    await page.waitForFunction(async () => {
      const db = await new Promise((resolve) => {
        const r = indexedDB.open('rapport');
        r.onsuccess = () => resolve(r.result);
      });
      const tx = db.transaction(['meta', 'contacts', 'interactions']);
      const count = (name) => new Promise((resolve) => (tx.objectStore(name).count().onsuccess = (e) => resolve(e.target.result)));
      const marker = await new Promise((resolve) => (tx.objectStore('meta').get('restoreInProgress').onsuccess = (e) => resolve(e.target.result)));
      const total = (await count('contacts')) + (await count('interactions'));
      db.close();
      return !marker && total === 0;
    }, undefined, { timeout: 120_000, polling: 500 });
    const counts = await storeCounts(page);
    for (const [name, n] of Object.entries(counts)) if (name !== 'meta') assert.equal(n, 0, `${name} after cancel`);
  });

  test('restores every record, with the page heap under 300 MB, identical on re-export', async () => {
    const result = await restoreFile(page, file);
    assert.equal(result.restore, true, result.text);
    assert.equal(result.errors, 0, result.text);
    assert.equal(result.imported, CONTACTS, result.text);
    assert.equal(result.interactions, CONTACTS * PER_CONTACT, result.text);
    assert.equal(result.skipped, 0);
    assert.ok(result.peakHeap <= 300 * 1024 * 1024, `peak heap ${(result.peakHeap / 1048576).toFixed(0)} MB`);
    const counts = await storeCounts(page);
    assert.equal(counts.contacts, CONTACTS);
    assert.equal(counts.interactions, CONTACTS * PER_CONTACT);
    assert.equal(counts.interactionLinks, CONTACTS * PER_CONTACT);
    const exported = await exportJson(page);
    assert.equal(await compareBackups(file, exported), undefined);
  });

  test('a notebook that holds contacts is not restored over, and says why', async () => {
    const before = await storeCounts(page);
    const result = await restoreFile(page, file);
    assert.equal(result.code, 'not-empty', result.text);
    assert.match(result.text, /empty notebook/);
    assert.deepEqual(await storeCounts(page), before);
  });
});
