// Firefox: automatic backups. The background page (Firefox has no service worker here) makes the
// Blob URL itself: the schedule's alarm writes the JSON backup into the profile's downloads folder
// under Rapport/, and "Back up now" with keep = 1 leaves only the newest file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_FIXTURES } from '../harness.mjs';
import { launch } from './harness.mjs';

const LINKEDIN_CSV = join(OWN_FIXTURES, 'imports/linkedin-Connections.csv');

const backupsIn = (dir) => {
  const folder = join(dir, 'Rapport');
  if (!existsSync(folder)) return [];
  const names = readdirSync(folder);
  return names.some((f) => f.endsWith('.part')) ? [] : names.filter((f) => f.endsWith('.json')).sort();
};

async function until(check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Firefox: automatic backups into Downloads/Rapport/', () => {
  let b;
  let page;
  let downloads;
  const rows = readFileSync(LINKEDIN_CSV, 'utf8').split('\n').filter((l) => /linkedin\.com\/in\//.test(l)).length;
  before(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'rapport-ff-backup-'));
    b = await launch({ downloads });
    page = await b.extensionPage('options.html#transfer');
    const input = await page.waitForSelector('[data-testid="import-file"]');
    await input.uploadFile(LINKEDIN_CSV);
    await page.waitForSelector('[data-testid="import-confirm"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-report"]');
  });
  after(async () => {
    await b?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  test('the alarm writes a backup with every contact under Rapport/', async () => {
    await page.evaluate(() => browser.alarms.create('rapport-backup', { when: Date.now() + 50 }));
    const [file] = await until(() => backupsIn(downloads).length === 1 && backupsIn(downloads), 'the backup file');
    assert.match(file, /^rapport-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    const backup = JSON.parse(readFileSync(join(downloads, 'Rapport', file), 'utf8'));
    assert.equal(backup.format, 'rapport-backup');
    assert.equal(backup.data.contacts.length, rows);
    await page.waitForFunction(() => document.querySelector('[data-testid="backup-status"]')?.getAttribute('data-last') !== '');
  });

  test('"Back up now" with keep = 1 leaves only the newest file', async () => {
    const first = backupsIn(downloads)[0];
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="backup-keep"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '1');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="backup-keep"]')?.value === '1');
    // Let the new setting reach the database before asking for the backup.
    await new Promise((r) => setTimeout(r, 500));
    await page.click('[data-testid="backup-now"]');
    await until(() => {
      const files = backupsIn(downloads);
      return files.length === 1 && files[0] !== first && files;
    }, 'the older file removed');
  });

  test('no extension script logged an error, no request left the machine', () => {
    assert.deepEqual(b.extensionErrors(), []);
    assert.deepEqual(b.extensionRequests(), []);
  });
});
