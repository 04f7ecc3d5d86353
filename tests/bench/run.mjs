// npm run bench: benchmarks in Debian's Chromium with the built extension loaded, as users run it.
// Prints each figure, exits 1 when a target of the issues is missed, and writes
// tests/bench/.artifacts/results.{json,txt}. BENCH_ONLY picks steps (comma list, run in this order):
//   extract, hostcost, sidebar        content scripts and the sidebar on the fixture pages (hostcost in Firefox too)
//   loadcost                          a page load's CPU in every Chromium process, cold and warm, extension memory,
//                                     on-demand boot, 200 thread switches (issue 14; own browsers, tests/bench/loadcost.mjs)
//   import                            30 000 and 100 000 LinkedIn connections, progress, longest task
//   importreal                        a 30 000-row LinkedIn export with 1 % bad rows (issue 12)
//   importfloor                       where the import's write time goes: search words, Dexie, bare IndexedDB
//   cancel                            an import cancelled during its write leaves the checksum unchanged
//   upgrade                           a schema-4 notebook (packed pages) opened by today's code
//   lookup                            findByEmail vs a raw IndexedDB index get
//   minisearch                        MiniSearch in memory over the same notes, for comparison
//   search                            full-text search among 100 000 contacts and 250 000 notes
//   capture                           saving a 30-message conversation
//   autolog                           automatic logging of a 30-message thread: the logging itself,
//                                     the sidebar's update with it on vs off, the host page's script time
//   search1m                          the same notebook grown to 1 000 000 notes: search and heap
//   export                            JSON export of that notebook (1 000 000 interactions)
//   reminders                         the reminder alarm's run over 100 000 contacts with follow-ups, cadences and mail (issue 11): first, steady, next day
// Sizes: BENCH_CONTACTS (100000), BENCH_NOTES (250000), BENCH_NOTES_LARGE (1000000), BENCH_IMPORT
// (100000, the larger import), BENCH_FLOOR (30000), BENCH_UPGRADE_NOTES (100000), BENCH_LOOKUPS (2000),
// BENCH_EXPORT (1000000). BENCH_PROFILE_DIR=<dir> keeps the browser profile, so a rerun skips the seeding.
import { build } from 'vite';
import { firefoxHostCost } from './firefox-hostcost.mjs';
import { loadCost } from './loadcost.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, fixturePath, sidebarFrame, ROOT } from '../e2e/harness.mjs';

const OUT = join(ROOT, 'tests/bench/.artifacts');
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const only = process.env.BENCH_ONLY?.split(',');
const STEPS = ['extract', 'hostcost', 'sidebar', 'loadcost', 'import', 'importreal', 'importfloor', 'cancel', 'upgrade', 'lookup', 'minisearch', 'search', 'capture', 'autolog', 'search1m', 'export', 'reminders'];
const unknown = only?.filter((name) => !STEPS.includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown step ${unknown.join(', ')}; the steps are ${STEPS.join(', ')}`);
const wanted = (name) => !only || only.includes(name);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => `${ms.toFixed(3)} ms`;

async function bundle() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir: join(OUT, 'page'),
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(ROOT, 'tests/bench/page/main.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  return readFileSync(join(OUT, 'page/bench.js'), 'utf8');
}

const FIXTURES = [
  ['gmail', 'gmail-thread.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx'],
  ['gmail', 'gmail-inbox.html', 'https://mail.google.com/mail/u/0/#inbox'],
  ['gmail', 'hostile-page.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTWkRsPqLmNbVcXzHgFdSaJhY'],
  ['outlook', 'outlook-reading-pane.html', 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D'],
  ['linkedin', 'linkedin-profile.html', 'https://www.linkedin.com/in/amara-okafor-9b2a41/'],
  ['linkedin', 'linkedin-messaging.html', 'https://www.linkedin.com/messaging/thread/2-ZDM1YzQ2NWMtNDk1Ny00ZGY4LTkyNGMtYjI2YzA0M2E5MmE1XzAxMA==/'],
  ['linkedin', 'linkedin-search-results.html', 'https://www.linkedin.com/search/results/people/?keywords=procurement%20rotterdam&origin=GLOBAL_SEARCH_HEADER&sid=Xy1'],
];

const script = await bundle();
// Precise performance.memory figures, and window.gc() so a heap is measured after a full collection.
// BENCH_PROFILE_DIR=<dir>: keep the browser profile there, so a second run finds the seeded notebooks.
const b = await launch({ extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'], ...(process.env.BENCH_PROFILE_DIR ? { userDataDir: process.env.BENCH_PROFILE_DIR } : {}) });
const results = {};
const lines = [];
const report = (line) => {
  lines.push(line);
  console.log(line);
};
/** Targets the issues set; a miss is reported at the end and makes the run exit 1. */
const missed = [];
const check = (ok, what) => {
  if (!ok) missed.push(what);
};

/** Serves fixture files at their real hosts without the CSP, so the bench bundle can be added. */
async function serveFixture(url, file) {
  const { origin } = new URL(url);
  await b.context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(fixturePath(file)) })
      : route.abort(),
  );
}

try {
  await b.context.route('https://bench.example/**', (route) =>
    route.request().url().endsWith('/bench.js')
      ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>' }),
  );
  const bench = await b.context.newPage();
  await bench.goto('https://bench.example/');
  await bench.waitForFunction(() => document.title === 'bench-ready');

  if (wanted('extract')) {
    results.extract = [];
    for (const [site, file, url] of FIXTURES) {
      await serveFixture(url, file);
      const page = await b.context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: script, type: 'module' });
      await page.waitForFunction(() => window.rapportBench);
      const r = await page.evaluate((site) => window.rapportBench.extract(site, 50), site);
      results.extract.push({ site, fixture: file, ...r });
      report(`extract ${site} ${file}: median ${fmt(r.medianMs)} (p95 ${fmt(r.p95Ms)}), ${r.people} people (target <= 2 ms)`);
      check(r.medianMs <= 2, `extraction ${file}: ${fmt(r.medianMs)} > 2 ms`);
      await page.close();
    }
  }

  if (wanted('hostcost')) {
    // Main-thread time a page load costs with our content script vs the same page on a host we
    // do not match (CDP ScriptDuration + long tasks), medians of 12 loads each.
    results.hostCost = [];
    await b.context.route('https://unmatched.example/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(fixturePath(route.request().url().split('#fixture=')[1] ?? 'gmail-thread.html')) }),
    );
    for (const [site, file, url] of FIXTURES.filter((f) => f[1] !== 'hostile-page.html')) {
      await serveFixture(url, file);
      const measure = async (target) => {
        const samples = [];
        for (let i = 0; i < 12; i++) {
          const page = await b.context.newPage();
          const cdp = await b.context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await page.goto(target, { waitUntil: 'load' });
          await page.waitForTimeout(400);
          const { metrics } = await cdp.send('Performance.getMetrics');
          const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
          samples.push({ script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 });
          await page.close();
        }
        return { script: median(samples.map((s) => s.script)), task: median(samples.map((s) => s.task)) };
      };
      const u = new URL(url);
      const ours = await measure(url);
      const bare = await measure(`https://unmatched.example${u.pathname}${u.search}#fixture=${file}`);
      const r = { site, fixture: file, ourScriptMs: ours.script, bareScriptMs: bare.script, addedScriptMs: ours.script - bare.script, addedTaskMs: ours.task - bare.task };
      results.hostCost.push(r);
      report(
        `host cost ${site} ${file}: +${r.addedScriptMs.toFixed(1)} ms script, +${r.addedTaskMs.toFixed(1)} ms main-thread tasks ` +
          `(script ${ours.script.toFixed(1)} vs ${bare.script.toFixed(1)} ms unmatched; target <= 10 ms)`,
      );
      check(r.addedScriptMs <= 10, `content script time on ${file}: +${r.addedScriptMs.toFixed(1)} ms > 10 ms`);
      // Issue 14: LinkedIn, where nothing is added to the page, stays within +5 ms.
      check(site !== 'linkedin' || r.addedScriptMs <= 5, `content script time on ${file}: +${r.addedScriptMs.toFixed(1)} ms > 5 ms (LinkedIn)`);
    }
    // The same pages in Firefox ESR, measured from inside the page (see firefox-hostcost.mjs).
    results.hostCostFirefox = await firefoxHostCost(FIXTURES.filter((f) => f[1] !== 'hostile-page.html'));
    for (const r of results.hostCostFirefox) {
      const chrome = results.hostCost.find((c) => c.fixture === r.fixture);
      report(
        `host cost ${r.site} ${r.fixture} in Firefox: +${r.addedMs.toFixed(1)} ms main thread (first page script +${r.addedStartMs.toFixed(1)} ms, ` +
          `busy +${r.addedBusyMs.toFixed(1)} ms; longest task ${r.longestOursMs.toFixed(0)} vs ${r.longestBareMs.toFixed(0)} ms unmatched); ` +
          `Chrome: +${chrome.addedScriptMs.toFixed(1)} ms script, +${chrome.addedTaskMs.toFixed(1)} ms tasks`,
      );
    }
  }

  if (wanted('sidebar')) {
    // Warm: the thread renders (fixture swap) -> the sidebar shows its sender as a known contact.
    await serveFixture(FIXTURES[0][2], 'gmail-thread.html');
    const page = await b.context.newPage();
    await page.goto(FIXTURES[0][2]);
    const frame = await sidebarFrame(page);
    let shown = '';
    for (const state of [0, 1]) {
      if (state) await page.evaluate(() => window.__nav(1));
      // Wait for this state's senders, each matched (known, or offering "Add contact"), not the
      // rows of the state before or rows still being matched; then add every unknown sender.
      shown = await (
        await frame.waitForFunction((before) => {
          const rows = [...document.querySelectorAll('[data-testid="person"][data-role="sender"]')];
          const now = rows.map((row) => row.dataset.email).join(' ');
          const settled = rows.every((row) => row.dataset.known === 'true' || row.querySelector('[data-testid="add-contact"]'));
          return rows.length > 0 && now !== before && settled && now;
        }, shown)
      ).jsonValue();
      const add = frame.locator('[data-testid="person"][data-role="sender"] [data-testid="add-contact"]');
      while ((await add.count()) > 0) {
        await add.first().click();
        await frame.waitForTimeout(100);
      }
      await frame.waitForFunction(() => [...document.querySelectorAll('[data-testid="person"][data-role="sender"]')].every((row) => row.dataset.known === 'true'));
    }
    await frame.evaluate(() => {
      window.__known = [];
      new MutationObserver(() => {
        const row = document.querySelector('[data-testid="person"][data-role="sender"][data-known="true"]');
        if (row && row.dataset.email !== window.__lastEmail) {
          window.__lastEmail = row.dataset.email;
          window.__known.push(performance.timeOrigin + performance.now());
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.evaluate(() => {
      window.__swaps = [];
      window.addEventListener('fixture:navigated', () => window.__swaps.push(performance.timeOrigin + performance.now()));
    });
    const samples = [];
    for (let i = 0; i < 30; i++) {
      const target = i % 2 === 0 ? 0 : 1;
      await frame.evaluate(() => (window.__known.length = 0));
      await page.evaluate((t) => {
        window.__swaps.length = 0;
        return window.__nav(t);
      }, target);
      await frame.waitForFunction(() => window.__known.length > 0, null, { timeout: 5000 });
      const shownAt = await frame.evaluate(() => window.__known.at(-1));
      const swappedAt = await page.evaluate(() => window.__swaps.at(-1));
      samples.push(shownAt - swappedAt);
    }
    results.sidebarKnown = { medianMs: median(samples), maxMs: Math.max(...samples), samples: samples.length };
    report(`thread rendered -> known contact in sidebar: median ${results.sidebarKnown.medianMs.toFixed(1)} ms warm, max ${results.sidebarKnown.maxMs.toFixed(1)} ms over ${samples.length} switches (target <= 50 ms)`);
    check(results.sidebarKnown.medianMs <= 50, `thread -> known contact: median ${results.sidebarKnown.medianMs.toFixed(1)} ms > 50 ms`);

    // Page load -> the known contact's card, and card -> its timeline's first entry, taken in the
    // sidebar by a frame callback (right before the paint that shows each). The timeline used to
    // follow the card by 300 ms (React's hold after a lazy part's fallback, session 10).
    await b.context.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
      const until = performance.now() + 10_000;
      const tick = () => {
        const now = performance.timeOrigin + performance.now();
        if (!window.__cardAt && document.querySelector('[data-testid="contact-card"]')) window.__cardAt = now;
        if (document.querySelector('[data-testid="timeline-item"]')) window.__timelineAt = now;
        else if (performance.now() < until) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const toCard = [];
    const toTimeline = [];
    for (let i = 0; i < 10; i++) {
      await page.reload();
      const reloaded = await sidebarFrame(page);
      const [card, timelineAt] = await (await reloaded.waitForFunction(() => window.__timelineAt && [window.__cardAt, window.__timelineAt])).jsonValue();
      const start = await page.evaluate(() => performance.timeOrigin);
      toCard.push(card - start);
      toTimeline.push(timelineAt - card);
    }
    results.sidebarCard = { loadToCardMs: median(toCard), cardToTimelineMs: median(toTimeline), loads: toCard.length };
    report(
      `page load -> known contact's card: median ${median(toCard).toFixed(0)} ms; card -> its timeline: median ${median(toTimeline).toFixed(0)} ms ` +
        `(${toTimeline.map((x) => x.toFixed(0)).join(', ')}) over ${toCard.length} warm loads`,
    );

    // Another tab, 3 s after the timeline (its panel prefetched at idle, or not yet): click -> its
    // panel painted, taken in the sidebar (a frame callback right before the paint that shows it).
    // It used to take 300 ms even when prefetched (React's hold after the lazy panel's fallback).
    const tabs = [];
    for (let i = 0; i < 6; i++) {
      await page.reload();
      const reloaded = await sidebarFrame(page);
      await reloaded.locator('[data-testid="timeline-item"]').first().waitFor();
      await page.waitForTimeout(3000);
      for (const [tab, shown] of [['pillars', 'pillars'], ['handover', 'handover']]) {
        tabs.push(
          await reloaded.evaluate(
            ([tab, shown]) =>
              new Promise((resolve) => {
                const start = performance.now();
                document.querySelector(`[data-testid="tab-${tab}"]`).click();
                const tick = () => (document.querySelector(`[data-testid="${shown}"]`) ? resolve(performance.now() - start) : requestAnimationFrame(tick));
                requestAnimationFrame(tick);
              }),
            [tab, shown],
          ),
        );
      }
    }
    results.sidebarTab = { medianMs: median(tabs), samples: tabs.length };
    report(`another tab (pillars, handover) 3 s after the timeline, click -> panel shown: median ${median(tabs).toFixed(0)} ms (${tabs.map((x) => x.toFixed(0)).join(', ')})`);
    await page.close();
  }

  if (wanted('loadcost')) results.loadCost = await loadCost({ report, check });

  if (wanted('autolog')) {
    // 1. The logging itself, in an extension-origin-like page: a first view logs 30 messages, every
    //    later view (what each sidebar update of a logged thread costs) finds them logged.
    const r = await bench.evaluate(() => window.rapportBench.autoLogBench('bench-autolog', 15));
    results.autoLog = { firstMedianMs: median(r.firstMs), againMedianMs: median(r.againMs), runs: r.firstMs.length };
    report(`auto-log a 30-message thread (autoLogConversation): first view ${fmt(results.autoLog.firstMedianMs)} median (30 messages written), every later view ${fmt(results.autoLog.againMedianMs)} median (target <= 10 ms)`);
    check(results.autoLog.againMedianMs <= 10, `auto-log of an already logged 30-message thread: ${fmt(results.autoLog.againMedianMs)} > 10 ms`);

    // 2. The sidebar's update on the 30-message thread with its senders known: page load -> known
    //    sender shown, automatic logging on (30 entries written on each load) vs off, alternating.
    const THREAD30 = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTXyZaBcDeFgHiJkLmNoPqRsT';
    await serveFixture(THREAD30, 'gmail/2026-11-25-thread-30.html');
    const page = await b.context.newPage();
    await page.goto(THREAD30);
    let frame = await sidebarFrame(page);
    const add = frame.locator('[data-testid="person"] [data-testid="add-contact"]');
    await frame.locator('[data-testid="person"]').first().waitFor();
    while ((await add.count()) > 0) {
      await add.first().click();
      await frame.waitForTimeout(100);
    }
    const settings = await b.extensionPage('options.html#settings');
    const toggle = async (on) => {
      const box = settings.locator('[data-testid="setting-autolog"]');
      if ((await box.isChecked()) !== on) await box.click();
      await settings.waitForFunction((want) => document.querySelector('[data-testid="setting-autolog"]').checked === want, on);
    };
    // The moment the known sender is shown is taken in the sidebar itself: a frame callback that
    // finds them in the DOM runs right before the paint that shows them. (Asking from the test
    // instead — a polling round trip through the browser — measured the test's own latency, which
    // the logging's write, running right after that paint by design, made longer.)
    await b.context.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
      const until = performance.now() + 10_000;
      const tick = () => {
        if (document.querySelector('[data-testid="person"][data-role="sender"][data-known="true"]')) window.__rapportKnownAt = performance.timeOrigin + performance.now();
        else if (performance.now() < until) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const loadToKnown = async () => {
      await page.reload();
      frame = await sidebarFrame(page);
      const shown = await (await frame.waitForFunction(() => window.__rapportKnownAt)).jsonValue();
      const start = await page.evaluate(() => performance.timeOrigin);
      // From the page's navigation start to the known contact shown (both clocks share the time origin base).
      return shown - start;
    };
    // The thread's entries in the notebook, with bare IndexedDB: `forget` removes them (every load a
    // first view, so the 30 messages are written again when logging is on), `count` counts them.
    const entries = (op) =>
      settings.evaluate(
        (op) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('rapport');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['interactions', 'interactionLinks'], op === 'forget' ? 'readwrite' : 'readonly');
              const count = op === 'count' ? tx.objectStore('interactions').count() : undefined;
              if (op === 'forget') for (const store of ['interactions', 'interactionLinks']) tx.objectStore(store).clear();
              tx.oncomplete = () => (db.close(), resolve(count?.result));
              tx.onerror = () => reject(tx.error);
            };
          }),
        op,
      );
    const forgetThread = () => entries('forget');
    const logged = () => entries('count');
    // Off and on alternate, reload by reload: a busy machine's drift falls on both sides alike.
    // Each load is measured on its own: the previous load's logging (after its paint) has finished
    // and the machine has had the same pause before every load, on or off.
    const samples = { off: [], on: [] };
    // Loads vary by ±40 ms on this machine: 24 pairs put the medians' difference within a few ms.
    const PAIRS = env('BENCH_AUTOLOG_PAIRS', 24);
    for (let i = 0; i < PAIRS; i++) {
      for (const on of i % 2 ? [true, false] : [false, true]) {
        await toggle(on);
        await forgetThread();
        // The previous load's logging, its badge recount and the pages' live queries settle first.
        await page.waitForTimeout(800);
        samples[on ? 'on' : 'off'].push(await loadToKnown());
        if (on) for (let wait = 0; wait < 100 && (await logged()) < 30; wait++) await page.waitForTimeout(20);
      }
    }
    await toggle(true);
    const off = median(samples.off);
    const on = median(samples.on);
    // The pairs of one iteration ran back to back: their differences show how much is noise.
    const paired = median(samples.on.map((ms, i) => ms - samples.off[i]));
    results.autoLogSidebar = { offMedianMs: off, onMedianMs: on, addedMs: on - off, pairedDiffMedianMs: paired, samples };
    report(`sidebar on the 30-message thread, page load -> known contact shown: ${off.toFixed(1)} ms with automatic logging off, ${on.toFixed(1)} ms on (30 entries written each load): ${on - off >= 0 ? '+' : ''}${(on - off).toFixed(1)} ms (target <= 10 ms); median of the ${PAIRS} back-to-back pairs' differences ${paired.toFixed(1)} ms; off ${samples.off.map((x) => x.toFixed(0)).join(' ')}; on ${samples.on.map((x) => x.toFixed(0)).join(' ')}`);
    check(on - off <= 10, `automatic logging adds ${(on - off).toFixed(1)} ms > 10 ms to the sidebar's update`);
    await page.close();

    // 3. The host page: our content script's time on the 30-message thread vs the same page unmatched,
    //    with logging on (what the target is about) and off (the logging happens in the background:
    //    the content script reports the same thread either way).
    await b.context.route('https://unmatched.example/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(fixturePath('gmail/2026-11-25-thread-30.html')) }),
    );
    const scriptTime = async (target) => {
      const samples = [];
      for (let i = 0; i < 12; i++) {
        const p = await b.context.newPage();
        const cdp = await b.context.newCDPSession(p);
        await cdp.send('Performance.enable');
        await p.goto(target, { waitUntil: 'load' });
        await p.waitForTimeout(400);
        const { metrics } = await cdp.send('Performance.getMetrics');
        samples.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
        await p.close();
      }
      return median(samples);
    };
    const ours = await scriptTime(THREAD30);
    await toggle(false);
    const oursOff = await scriptTime(THREAD30);
    await toggle(true);
    await settings.close();
    const bare = await scriptTime('https://unmatched.example/mail/u/0/#inbox/FMfcgzQZTXyZaBcDeFgHiJkLmNoPqRsT');
    results.autoLogHost = { ourScriptMs: ours, ourScriptOffMs: oursOff, bareScriptMs: bare, addedScriptMs: ours - bare };
    report(
      `host page, 30-message thread with automatic logging on: content script +${(ours - bare).toFixed(1)} ms script (${ours.toFixed(1)} vs ${bare.toFixed(1)} ms unmatched; target <= 10 ms); ` +
        `with logging off ${oursOff.toFixed(1)} ms (logging adds ${(ours - oursOff).toFixed(1)} ms)`,
    );
    check(ours - bare <= 10, `content script time on the 30-message thread: +${(ours - bare).toFixed(1)} ms > 10 ms`);
  }

  const contacts = env('BENCH_CONTACTS', 100_000);
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

  if (wanted('import')) {
    // BENCH_PROFILE=<file>: a CPU profile of the larger import (open it in Chrome's DevTools).
    for (const [n, limitMs] of [[30_000, 6_000], [env('BENCH_IMPORT', 100_000), 20_000]]) {
      const profile = process.env.BENCH_PROFILE && n !== 30_000 ? await b.context.newCDPSession(bench) : undefined;
      if (profile) {
        await profile.send('Profiler.enable');
        await profile.send('Profiler.setSamplingInterval', { interval: 200 });
        await profile.send('Profiler.start');
      }
      const r = await bench.evaluate((n) => window.rapportBench.importContacts('bench-import', n), n);
      if (profile) writeFileSync(process.env.BENCH_PROFILE, JSON.stringify((await profile.send('Profiler.stop')).profile));
      if (r.imported !== n || r.count !== n) throw new Error(`the import wrote ${r.imported} (${r.count} stored) of ${n} contacts`);
      if (r.found === 0) throw new Error('the search did not find an imported contact');
      (results.importContacts ??= []).push({ contacts: n, ...r, marks: undefined });
      const p = r.progress;
      report(
        `import ${n} LinkedIn connections: ${s(r.ms)} (decode ${s(r.decodeMs)}, preview ${s(r.planMs)}, write incl. search words ${s(r.writeMs)}; ` +
          `target <= ${limitMs / 1000} s); progress: ${p.decode} decode, ${p.plan} preview, ${p.write} write callbacks, last ${p.lastWrite?.done}/${p.lastWrite?.total}`,
      );
      const l = r.longestTaskMs;
      report(
        `  longest main-thread task in the importing page ${l.all.toFixed(0)} ms (decode ${l.decode.toFixed(0)}, preview ${l.preview.toFixed(0)}, write ${l.write.toFixed(0)}; target <= 50 ms); ` +
          `${r.longTasks} tasks over 50 ms${r.tasks.length ? `: ${r.tasks.map(([at, ms]) => `${ms} ms at ${(at / 1000).toFixed(1)} s`).join(', ')}` : ''}`,
      );
      check(r.ms <= limitMs, `import of ${n} contacts: ${s(r.ms)} > ${limitMs / 1000} s`);
      check(l.all <= 50, `import of ${n} contacts: longest main-thread task ${l.all.toFixed(0)} ms > 50 ms`);
      check(p.write > 0 && p.lastWrite?.done === p.lastWrite?.total, `import of ${n} contacts: write progress not reported to the end`);
    }
  }

  if (wanted('importreal')) {
    const n = env('BENCH_IMPORT_REAL', 30_000);
    const r = await bench.evaluate((n) => window.rapportBench.importRealExport('bench-import-real', n), n);
    results.importRealExport = { rows: n, ...r };
    if (r.imported !== r.expected.imported || r.invalid !== r.expected.invalid || r.warnings !== r.expected.warnings) {
      throw new Error(`the real export imported ${r.imported}/${r.expected.imported}, invalid ${r.invalid}/${r.expected.invalid}, warnings ${r.warnings}/${r.expected.warnings}`);
    }
    const l = r.longestTaskMs;
    report(
      `import a ${n}-row LinkedIn export with 1 % bad rows: preview ${((r.decodeMs + r.planMs) / 1000).toFixed(1)} s (decode ${(r.decodeMs / 1000).toFixed(1)} s, plan ${(r.planMs / 1000).toFixed(1)} s), ` +
        `write ${(r.writeMs / 1000).toFixed(1)} s, ${(r.ms / 1000).toFixed(1)} s in all; ${r.imported} imported, ${r.invalid} invalid rows, ${r.warnings} fields left out; ` +
        `longest task decode ${l.decode.toFixed(0)} ms, preview ${l.preview.toFixed(0)} ms, write ${l.write.toFixed(0)} ms (target: the data layer's 30 000-contact import, <= 6 s; no task over 50 ms)`,
    );
    check(n !== 30_000 || r.ms <= 6_000, `import of the 30000-row LinkedIn export: ${(r.ms / 1000).toFixed(1)} s > 6 s`);
    check(n !== 30_000 || Math.max(l.decode, l.preview, l.write) <= 50, `import of the 30000-row LinkedIn export: a main-thread task of ${Math.max(l.decode, l.preview, l.write).toFixed(0)} ms > 50 ms`);
  }

  if (wanted('importfloor')) {
    for (const n of [env('BENCH_FLOOR', 30_000)]) {
      const r = await bench.evaluate((n) => window.rapportBench.importFloor('bench-import-floor', n), n);
      (results.importFloor ??= []).push({ contacts: n, ...r });
      report(
        `import floor, the ${r.records} contacts an import of ${n} creates: search words ${s(r.wordsMs)} (JS, ${r.wordEntries} words); Dexie bulkAdd in 500s, one transaction ${s(r.dexieMs)}; ` +
          `bare IndexedDB add() with the ${r.indexes} schema-5 indexes ${s(r.bareIndexedMs)}, without the words index ${s(r.bareNoWordsMs)}, without any index ${s(r.bareMs)}; ` +
          `with *emails, linkedinUrl, *tags only ${s(r.referenceMs)}${n === 30_000 ? ` (issue 10 measured 3.0 s on a quiet machine: this run is ${(r.referenceMs / 3000).toFixed(1)}x slower)` : ''}`,
      );
    }
  }

  if (wanted('cancel')) {
    const [have, haveNotes, n] = [5_000, 20_000, 30_000];
    const r = await bench.evaluate(([have, haveNotes, n]) => window.rapportBench.cancelImport('bench-cancel', have, haveNotes, n), [have, haveNotes, n]);
    results.cancelImport = { contacts: have, notes: haveNotes, importing: n, ...r };
    report(
      `cancel an import of ${n} contacts at ${r.cancelledAtDone}/${r.total} written, into a notebook of ${have} contacts and ${haveNotes} notes: ` +
        `"${r.error}" ${r.abortToRejectMs.toFixed(0)} ms after abort(); checksum before ${r.before}, after ${r.after}, ${r.contactsAfter} contacts (target: unchanged)`,
    );
    check(r.same && r.contactsAfter === have, `cancelled import changed the database (${r.before} -> ${r.after}, ${r.contactsAfter} contacts)`);
  }

  if (wanted('upgrade')) {
    const interactions = env('BENCH_UPGRADE_NOTES', 100_000);
    const r = await bench.evaluate(([n, m]) => window.rapportBench.upgradeFromV4('bench-upgrade', n, m), [contacts, interactions]);
    if (r.contacts !== contacts || r.interactions !== interactions || !r.found || r.noteHits === 0 || r.version !== 5) throw new Error(`upgrade lost data: ${JSON.stringify(r)}`);
    results.upgrade = { contacts, interactions, ...r };
    report(
      `upgrade of a schema-4 notebook (${contacts} contacts in packed pages, ${interactions} notes) to schema 5: ${s(r.ms)} once ` +
        `(${r.progressMessages} progress messages; target <= 15 s; writing the schema-4 notebook took ${s(r.writeMs)}); ` +
        `until the upgrade step runs ${s(r.phases.beforeUpgradeMs)}, contacts unpacked with their words ${s(r.phases.contactsMs)}, ` +
        `commit ${s(r.phases.commitMs)}; then the interactions' words, derived after the upgrade by the resumable backfill: ${s(r.backfillMs)} ` +
        `(note hits for "rahmenvertrag" before ${r.hitsBeforeBackfill}, after ${r.noteHits})`,
    );
    check(r.ms <= 15_000, `upgrade of ${contacts} contacts from schema 4: ${s(r.ms)} > 15 s`);
  }

  const notes = env('BENCH_NOTES', 250_000);
  if (wanted('lookup') || wanted('search') || wanted('minisearch') || wanted('capture')) {
    // The look-up and the capture need the contacts only; the searches need the notes too.
    const n = wanted('search') || wanted('minisearch') ? notes : 0;
    const r = await bench.evaluate(([c, n, raw]) => window.rapportBench.seed('bench-notebook', c, n, raw), [contacts, n, wanted('lookup')]);
    results.seed = { contacts, notes: n, ...r };
    report(`(seeding ${r.contactsAdded} contacts and ${r.notesAdded} notes through Dexie with the words middleware: ${s(r.ms)})`);
  }

  if (wanted('lookup')) {
    const k = env('BENCH_LOOKUPS', 2000);
    const r = await bench.evaluate(([n, k]) => window.rapportBench.emailLookup('bench-notebook', n, k), [contacts, k]);
    if (r.misses > 0) throw new Error(`${r.misses} lookups found the wrong contact`);
    results.emailLookup = { contacts, lookups: k, ...r };
    report(
      `email lookup among ${contacts} contacts: findByEmail median ${fmt(r.repoMedianMs)} (p95 ${fmt(r.repoP95Ms)}), raw IndexedDB ` +
        `index('emails').get ${fmt(r.rawMedianMs)} (p95 ${fmt(r.rawP95Ms)}): ratio ${r.ratio.toFixed(2)}x (target <= 1.2x)`,
    );
    check(r.ratio <= 1.2, `email lookup: ${r.ratio.toFixed(2)}x a raw index get > 1.2x`);
  }

  const searchReport = (r, warmTarget, writeTarget, heapTarget) => {
    report(
      `search among ${r.contacts} contacts and ${r.notes} notes (20 hits, ${r.perQuery.length} queries): warm p95 ${fmt(r.warmP95Ms)} (median ${fmt(r.warmMedianMs)}, max ${fmt(r.warmMaxMs)}; target <= ${warmTarget} ms)` +
        (writeTarget ? `; first search after addInteraction p95 ${fmt(r.afterWriteP95Ms)} (median ${fmt(r.afterWriteMedianMs)}, max ${fmt(r.afterWriteMaxMs)}; target <= ${writeTarget} ms)` : '') +
        `; JS heap ${r.heapStartMB} MB after GC, peak ${r.heapPeakMB} MB${heapTarget ? ` (target <= ${heapTarget} MB)` : ''}`,
    );
    report(`  per query (median / max ms, hits): ${r.perQuery.map((q) => `"${q.query}" ${q.medianMs.toFixed(1)}/${q.maxMs.toFixed(1)} (${q.hits})`).join(', ')}`);
    const ph = r.phases;
    report(
      `  slowest query "${ph.query}" ${fmt(ph.searchMs)}: ${ph.terms.map((t) => `"${t.term}" contacts ${t.contactKeys} keys ${t.contactsMs.toFixed(1)} ms, notes ${t.noteKeys} keys ${t.notesMs.toFixed(1)} ms`).join('; ')}`,
    );
    report(`  picker searchContacts median ${fmt(r.pickerMedianMs)}, sidebar near match median ${fmt(r.nearMedianMs)}, addInteraction median ${fmt(r.addNoteMedianMs)}`);
  };

  if (wanted('minisearch')) {
    const r = await bench.evaluate(([c, n]) => window.rapportBench.miniSearchBench('bench-notebook', c, n, 10), [contacts, notes]);
    results.miniSearch = r;
    report(
      `MiniSearch (in memory, prefix AND) over the same ${r.notes} notes: build ${s(r.buildMs)}, index heap ${r.heapMB} MB (page ${r.heapAfterMB} MB), ` +
        `query p95 ${fmt(r.p95Ms)} (median ${fmt(r.medianMs)}); hits MiniSearch/Dexie index: ${r.queries.map((q) => `"${q.query}" ${q.miniSearchHits}/${q.dexieNoteHits}`).join(', ')}`,
    );
  }

  if (wanted('search')) {
    const r = await bench.evaluate((c) => window.rapportBench.searchBench('bench-notebook', c, 20, 30), contacts);
    results.search = r;
    searchReport(r, 30, 50);
    check(r.warmP95Ms <= 30, `search among ${r.notes} notes: warm p95 ${fmt(r.warmP95Ms)} > 30 ms`);
    check(r.afterWriteP95Ms <= 50, `search among ${r.notes} notes: first search after a write p95 ${fmt(r.afterWriteP95Ms)} > 50 ms`);
  }

  if (wanted('capture')) {
    const r = await bench.evaluate((c) => window.rapportBench.captureBench('bench-notebook', c, 15), contacts);
    results.capture = r;
    report(`save a 30-message conversation (captureInteractions, records and search words): median ${fmt(r.medianMs)}, max ${fmt(r.maxMs)} over ${r.runs} saves, of which validation and search words ${fmt(r.validateAndWordsMedianMs)}, the rest IndexedDB round trips (target <= 50 ms)`);
    check(r.medianMs <= 50, `saving a 30-message conversation: median ${fmt(r.medianMs)} > 50 ms`);
  }

  const large = env('BENCH_NOTES_LARGE', 1_000_000);
  if (wanted('search1m')) {
    const seeded = await bench.evaluate(([c, n]) => window.rapportBench.seed('bench-notebook', c, n), [contacts, large]);
    report(`(seeding ${seeded.contactsAdded} contacts and ${seeded.notesAdded} notes more: ${s(seeded.ms)})`);
    const r = await bench.evaluate((c) => window.rapportBench.searchBench('bench-notebook', c, 10, 20), contacts);
    results.searchLarge = { seedMs: seeded.ms, ...r };
    searchReport(r, 150, 0, 300);
    check(r.warmP95Ms <= 150, `search among ${r.notes} notes: p95 ${fmt(r.warmP95Ms)} > 150 ms`);
    check(r.heapPeakMB !== undefined && r.heapPeakMB <= 300, `search among ${r.notes} notes: JS heap ${r.heapPeakMB} MB > 300 MB`);
  }

  if (wanted('export')) {
    const n = env('BENCH_EXPORT', 1_000_000);
    const r = await bench.evaluate(([n, c]) => window.rapportBench.exportInteractions('bench-notebook', n, c), [n, contacts]);
    results.exportInteractions = { interactions: n, ...r };
    report(`export ${r.records} records incl. ${n}+ interactions (JSON): ${s(r.ms)}, peak JS heap ${r.peakHeapMB?.toFixed(0) ?? '?'} MB (start ${r.startHeapMB?.toFixed(0) ?? '?'} MB), ${(r.bytes / 1e6).toFixed(0)} MB file (target peak <= 200 MB)`);
    check(r.peakHeapMB !== undefined && r.peakHeapMB <= 200, `export of ${n} interactions: peak heap ${r.peakHeapMB?.toFixed(0) ?? 'unknown'} MB > 200 MB`);
  }
  if (wanted('reminders')) {
    const r = await bench.evaluate((c) => window.rapportBench.remindersBench('bench-reminders', c, 15), contacts);
    results.reminders = r;
    report(
      `reminder alarm over ${r.contacts} contacts (runReminders from the stored state, at ${r.clock}): steady runs median ${fmt(r.medianMs)}, max ${fmt(r.maxMs)} (target <= 100 ms); ` +
        `first run (no state, everything current read once) ${fmt(r.coldMs)}, the same full read later ${fmt(r.fullMs)} median; first run of the next weekday ${fmt(r.nextDayMs)} median; back after a week away ${fmt(r.weekLaterMs)} median; in quiet hours ${fmt(r.quietMs)} median; ` +
        `parts of a steady run: reads ${fmt(r.parts.readMs)}, badge counts ${fmt(r.parts.badgeMs)}; stored state ${JSON.stringify(r.stateBytes)} bytes; ` +
        `badge ${JSON.stringify(r.badge)}; notices ${JSON.stringify(r.notices)}` +
        (r.seedMs ? ` (seeding ${s(r.seedMs)})` : ''),
    );
    check(r.medianMs <= 100, `reminder alarm over ${r.contacts} contacts: median ${fmt(r.medianMs)} > 100 ms`);
    if (!process.env.BENCH_PROFILE_DIR) await bench.evaluate(() => window.rapportBench.drop('bench-reminders'));
  }
  if (!process.env.BENCH_PROFILE_DIR) await bench.evaluate(() => window.rapportBench.drop('bench-notebook'));
} finally {
  await b.close();
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(join(OUT, 'results.txt'), lines.join('\n') + '\n');
console.log('results written to tests/bench/.artifacts/results.{json,txt}');
if (missed.length > 0) {
  console.log(`MISSED ${missed.length} target(s):\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('every target met');
}
