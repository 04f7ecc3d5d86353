// Host-page cost in Firefox, by the bench's paired method: the same fixture loaded at its real host
// (our content script runs) and at a host we do not match, medians of N loads each, alternating.
// Firefox has neither CDP's Performance.getMetrics nor the Long Tasks API, so a probe script at the
// top of the page's <head> measures from inside: when it first ran (our document_start script runs
// before it) and how long the main thread was taken from it by other tasks until 400 ms after load
// (a MessageChannel ping loop; every gap over 0.5 ms counts as busy).
import { readFileSync } from 'node:fs';
import { fixturePath } from '../e2e/harness.mjs';
import { launch } from '../e2e/firefox/harness.mjs';

const PROBE = `<script nonce="fx">(() => {
  const start = performance.now();
  let last = start, busy = 0, longest = 0, done = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    const gap = now - last;
    if (gap > 0.5) { busy += gap; longest = Math.max(longest, gap); }
    last = now;
    if (!done) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  window.__probe = () => { done = true; return { start, busy, longest }; };
})();</script>`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Measures each [site, file, url] fixture; returns one record per fixture. */
export async function firefoxHostCost(fixtures, loads = 12) {
  const b = await launch();
  const results = [];
  try {
    for (const [site, file, url] of fixtures) {
      const html = readFileSync(fixturePath(file), 'utf8').replace(/<head[^>]*>/i, (head) => head + PROBE);
      const u = new URL(url);
      b.serveHtml(`${u.origin}/`, html);
      b.serveHtml('https://unmatched.example/', html);
      const bareUrl = `https://unmatched.example${u.pathname}${u.search}${u.hash}`;
      const samples = { ours: [], bare: [] };
      const load = async (target) => {
        const page = await b.newPage();
        await page.goto(target, { waitUntil: 'load' });
        await new Promise((r) => setTimeout(r, 400));
        const probe = await page.evaluate(() => window.__probe());
        await page.close();
        return probe;
      };
      await load(url); // warm the caches once, on both sides
      await load(bareUrl);
      for (let i = 0; i < loads; i++) {
        samples.ours.push(await load(url));
        samples.bare.push(await load(bareUrl));
      }
      const ours = { start: median(samples.ours.map((s) => s.start)), busy: median(samples.ours.map((s) => s.busy)) };
      const bare = { start: median(samples.bare.map((s) => s.start)), busy: median(samples.bare.map((s) => s.busy)) };
      results.push({
        site,
        fixture: file,
        addedStartMs: ours.start - bare.start,
        addedBusyMs: ours.busy - bare.busy,
        addedMs: ours.start - bare.start + (ours.busy - bare.busy),
        longestOursMs: Math.max(...samples.ours.map((s) => s.longest)),
        longestBareMs: Math.max(...samples.bare.map((s) => s.longest)),
      });
    }
  } finally {
    await b.close();
  }
  return results;
}
