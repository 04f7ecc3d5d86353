// npm run bench:restore: restore of a JSON backup of 1 M interactions (≈ 370 MB) in the workspace
// of Debian's Chromium with the built extension, as a user restores it. Prints time, the page's
// peak JS heap and its longest task, checks the database equals the backup (re-export, record by
// record), writes tests/bench/.artifacts/restore.json, and exits 1 when the heap exceeds 300 MB or
// a record differs. Sizes via env: BENCH_RESTORE_CONTACTS (10000) × BENCH_RESTORE_PER_CONTACT (100).
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness.mjs';
import { compareBackups, writeBigBackup } from '../support/big-backup.mjs';
import { exportJson, restoreFile, storeCounts } from '../support/restore-driver.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const contacts = env('BENCH_RESTORE_CONTACTS', 10_000);
const perContact = env('BENCH_RESTORE_PER_CONTACT', 100);
const HEAP_LIMIT = 300 * 1024 * 1024;
const OUT = join(ROOT, 'tests/bench/.artifacts');
mkdirSync(OUT, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-restore-'));
const file = join(dir, 'rapport-backup.json');
let failed = false;
try {
  const written = await writeBigBackup(file, { contacts, perContact, textBytes: 260 });
  const mb = statSync(file).size / 1048576;
  console.log(`backup: ${written.contacts} contacts, ${written.interactions} interactions, ${mb.toFixed(0)} MB`);
  const b = await launch();
  try {
    const page = await b.extensionPage('options.html');
    await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
    const result = await restoreFile(page, file);
    const counts = await storeCounts(page);
    const exported = await exportJson(page);
    const difference = await compareBackups(file, exported);
    const figures = {
      contacts: written.contacts,
      interactions: written.interactions,
      megabytes: Math.round(mb),
      seconds: Math.round(result.ms / 100) / 10,
      peakHeapMB: Math.round(result.peakHeap / 1048576),
      longestTaskMs: Math.round(result.longestTask),
      restoredContacts: counts.contacts,
      restoredInteractions: counts.interactions,
      identical: difference === undefined,
    };
    console.log(`restore: ${figures.seconds} s, peak heap ${figures.peakHeapMB} MB (limit 300), longest task ${figures.longestTaskMs} ms`);
    console.log(`database: ${counts.contacts} contacts, ${counts.interactions} interactions; re-export ${difference ? `differs: ${difference}` : 'identical to the backup'}`);
    writeFileSync(join(OUT, 'restore.json'), JSON.stringify(figures, null, 2));
    if (result.errors > 0) console.error(`restore refused: ${result.text}`);
    failed = result.errors > 0 || result.peakHeap > HEAP_LIMIT || difference !== undefined || counts.interactions !== written.interactions;
  } finally {
    await b.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
