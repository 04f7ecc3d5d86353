// Automatic backups in real Chromium: the schedule's alarm writes the JSON backup into the
// profile's downloads folder under Rapport/, with no Rapport page needed for the file itself
// (service worker + offscreen document); the file restores into a fresh profile with every record
// identical; "Back up now" keeps only the last N files we made; the workspace warns until a backup
// exists.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness.mjs';
import { compareBackups, writeBigBackup } from '../support/big-backup.mjs';
import { dataDigest, importFile } from '../support/restore-driver.mjs';

const CONTACTS = 40;
const PER_CONTACT = 6;

const backupsIn = (dir) => (existsSync(join(dir, 'Rapport')) ? readdirSync(join(dir, 'Rapport')).filter((f) => f.endsWith('.json')).sort() : []);

async function waitFor(check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('automatic backups into Downloads/Rapport/', () => {
  let b;
  let page;
  let work;
  let downloads;
  let seed;
  let digest;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'rapport-backup-'));
    downloads = join(work, 'Downloads');
    seed = join(work, 'seed.json');
    await writeBigBackup(seed, { contacts: CONTACTS, perContact: PER_CONTACT, textBytes: 300 });
    b = await launch({ downloads });
    page = await b.extensionPage('options.html#transfer');
    await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
    const seeded = await importFile(page, seed);
    assert.equal(seeded.imported, CONTACTS, seeded.text);
    digest = await dataDigest(page);
  });
  after(async () => {
    await b?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('with contacts and no backup yet, the workspace warns on every view', async () => {
    await page.goto(`chrome-extension://${b.extensionId}/options.html#today`);
    await page.locator('[data-testid="backup-warning"]').waitFor();
    assert.equal(await page.locator('[data-testid="backup-warning"]').getAttribute('data-last'), '');
  });

  test('the scheduled alarm writes the backup under Rapport/ in the downloads folder', async () => {
    await page.goto(`chrome-extension://${b.extensionId}/options.html#transfer`);
    await page.locator('[data-testid="backup-status"]').waitFor();
    assert.equal(await page.locator('[data-testid="backup-frequency"]').inputValue(), 'weekly', 'weekly by default');
    assert.equal(await page.locator('[data-testid="backup-keep"]').inputValue(), '8', 'keeps 8 by default');
    assert.deepEqual(backupsIn(downloads), []);
    // Close every Rapport page: the backup must not need one.
    await page.close();
    await b.worker.evaluate(() => chrome.alarms.create('rapport-backup', { when: Date.now() + 50 }));
    const [file] = await waitFor(() => backupsIn(downloads).length === 1 && backupsIn(downloads), 'the backup file');
    assert.match(file, /^rapport-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    // The file is the notebook, record by record, in the export's own format.
    assert.equal(await compareBackups(seed, join(downloads, 'Rapport', file)), undefined);
    page = await b.extensionPage('options.html#transfer');
    const last = await page.locator('[data-testid="backup-status"]').getAttribute('data-last');
    assert.ok(last && Date.now() - Date.parse(last) < 10 * 60_000, `last backup recorded (${last})`);
    assert.equal(await page.locator('[data-testid="backup-warning"]').count(), 0, 'no warning after a backup');
  });

  test('a second alarm the same day makes no new file (weekly schedule)', async () => {
    await b.worker.evaluate(() => chrome.alarms.create('rapport-backup', { when: Date.now() + 50 }));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(backupsIn(downloads).length, 1);
  });

  test('the backup restores into a fresh profile with every record identical (same digest)', async () => {
    const [file] = backupsIn(downloads);
    const other = await launch();
    try {
      const fresh = await other.extensionPage('options.html#transfer');
      await fresh.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
      const result = await importFile(fresh, join(downloads, 'Rapport', file));
      assert.equal(result.errors, 0, result.text);
      assert.equal(result.imported, CONTACTS, result.text);
      assert.equal(result.interactions, CONTACTS * PER_CONTACT, result.text);
      const restored = await dataDigest(fresh);
      assert.deepEqual(restored.counts, digest.counts);
      assert.equal(restored.sha256, digest.sha256);
    } finally {
      await other.close();
    }
  });

  test('"Back up now" keeps only the last N files it made', async () => {
    await page.locator('[data-testid="backup-keep"]').fill('2');
    await page.waitForFunction(async () => {
      const r = indexedDB.open('rapport');
      const db = await new Promise((res) => (r.onsuccess = () => res(r.result)));
      const row = await new Promise((res) => (db.transaction('meta').objectStore('meta').get('backup').onsuccess = (e) => res(e.target.result)));
      db.close();
      return row?.value?.keep === 2;
    });
    const first = backupsIn(downloads)[0];
    for (let i = 2; i <= 3; i++) {
      const before = Number(await page.locator('[data-testid="backup-status"]').getAttribute('data-files'));
      await page.click('[data-testid="backup-now"]');
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="backup-status"]')?.getAttribute('data-files')) === n && !document.querySelector('[data-testid="backup-now"]')?.disabled,
        Math.min(before + 1, 2),
      );
    }
    const files = await waitFor(() => backupsIn(downloads).length === 2 && backupsIn(downloads), 'two files left');
    assert.ok(!files.includes(first), `the oldest backup (${first}) was removed`);
    // The browser's download list forgot the removed file too.
    const listed = await page.evaluate(async () => (await chrome.downloads.search({})).map((d) => d.filename));
    assert.equal(listed.length, 2, listed.join(', '));
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
