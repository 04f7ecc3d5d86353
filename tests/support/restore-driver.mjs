// Drives a restore in the workspace (options page) of a launched browser and measures it: the
// page's peak JS heap (CDP Performance.getMetrics, sampled), its longest task (PerformanceObserver
// 'longtask') and the time. Used by tests/e2e/restore.test.mjs and tests/bench/restore.mjs.

/** Counts of every object store of the extension's database, read with bare IndexedDB. */
export async function storeCounts(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('rapport');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const counts = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise((resolve) => {
            const q = tx.objectStore(name).count();
            q.onsuccess = () => {
              counts[name] = q.result;
              resolve();
            };
          }),
      ),
    );
    db.close();
    return counts;
  });
}

/** Starts sampling the page's JS heap; `stop()` returns the peak in bytes. */
export async function heapSampler(page, everyMs = 100) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        if (used > peak) peak = used;
      } catch {
        // the page is busy or navigating; try again
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}

/** Starts recording long tasks in the page; `stop()` returns the longest, in ms. */
export async function longTasks(page) {
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return { stop: () => page.evaluate(() => window.__longest) };
}

/** Picks `file` in the import panel and waits for the report; returns its numbers and the measures. */
export async function restoreFile(page, file, { timeout = 30 * 60_000 } = {}) {
  const heap = await heapSampler(page);
  const tasks = await longTasks(page);
  const started = Date.now();
  await page.setInputFiles('[data-testid="import-file"]', file);
  const report = page.locator('[data-testid="import-report"]');
  await report.waitFor({ timeout });
  const ms = Date.now() - started;
  return {
    ms,
    peakHeap: await heap.stop(),
    longestTask: await tasks.stop(),
    restore: (await report.getAttribute('data-restore')) === 'true',
    imported: Number(await report.getAttribute('data-imported')),
    interactions: Number(await report.getAttribute('data-interactions')),
    skipped: Number(await report.getAttribute('data-skipped')),
    errors: Number(await report.getAttribute('data-errors')),
    code: await report.getAttribute('data-code'),
    text: await report.innerText(),
  };
}

/**
 * Imports a file through the import panel the way a user does: pick it, confirm the preview when
 * one is shown (files under the whole-file limit), wait for the report. Returns its numbers.
 */
export async function importFile(page, file, { timeout = 120_000 } = {}) {
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.locator('[data-testid="import-preview"], [data-testid="import-report"]').first().waitFor({ timeout });
  if (await page.locator('[data-testid="import-preview"]').count()) await page.click('[data-testid="import-confirm"]');
  const report = page.locator('[data-testid="import-report"]');
  await report.waitFor({ timeout });
  return {
    imported: Number(await report.getAttribute('data-imported')),
    updated: Number(await report.getAttribute('data-updated')),
    interactions: Number(await report.getAttribute('data-interactions')),
    skipped: Number(await report.getAttribute('data-skipped')),
    errors: Number(await report.getAttribute('data-errors')),
    text: await report.innerText(),
  };
}

/** Exports the JSON backup from the export panel to a file; returns its path. */
export async function exportJson(page, timeout = 30 * 60_000) {
  await page.selectOption('[data-testid="export-format"]', 'json');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.click('[data-testid="export-run"]')]);
  return download.path();
}

/**
 * SHA-256 of every record of every data store (all but `meta`, which holds per-profile state such
 * as the backup schedule), read with bare IndexedDB in primary-key order: two profiles with the
 * same digest hold the same records, ids, timestamps and derived index data.
 */
export async function dataDigest(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('rapport');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const canonical = (value) => {
      if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
      if (value && typeof value === 'object') {
        return `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
          .join(',')}}`;
      }
      return JSON.stringify(value);
    };
    const names = [...db.objectStoreNames].filter((n) => n !== 'meta').sort();
    const parts = [];
    const counts = {};
    for (const name of names) {
      const rows = await new Promise((resolve, reject) => {
        const q = db.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
      counts[name] = rows.length;
      parts.push(`${name}:${rows.map(canonical).join('\n')}`);
    }
    db.close();
    const bytes = new TextEncoder().encode(parts.join('\n\n'));
    const hash = await crypto.subtle.digest('SHA-256', bytes);
    return { counts, sha256: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('') };
  });
}
