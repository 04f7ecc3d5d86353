// npm run bench:workspace: the workspace's reads at BENCH_CONTACTS contacts (100 000) with
// BENCH_PER_CONTACT interactions each (10, so 1 000 000), in Debian's Chromium. Targets (issue 17):
// first render <= 200 ms, each list <= 100 ms, opening a contact <= 50 ms. Exits 1 on a miss.
// BENCH_UPGRADE=1 also times the latest schema step over BENCH_CONTACTS contacts (no target).
import { build } from 'vite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness.mjs';

const OUT = join(ROOT, 'tests/bench/.artifacts');
const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);
const perContact = Number(process.env.BENCH_PER_CONTACT ?? 10);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

await build({
  configFile: false,
  logLevel: 'warn',
  root: ROOT,
  build: {
    outDir: join(OUT, 'workspace-page'),
    emptyOutDir: true,
    minify: true,
    lib: { entry: join(ROOT, 'tests/bench/workspace/page.ts'), formats: ['es'], fileName: () => 'bench.js' },
  },
});
const script = readFileSync(join(OUT, 'workspace-page/bench.js'), 'utf8');
// BENCH_PROFILE_DIR keeps the browser profile: a rerun finds the seeded notebook and skips seeding.
const b = await launch({ userDataDir: process.env.BENCH_PROFILE_DIR });
const missed = [];
try {
  await b.context.route('https://bench.example/**', (route) =>
    route.request().url().endsWith('/bench.js')
      ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>' }),
  );
  const page = await b.context.newPage();
  page.setDefaultTimeout(0);
  await page.goto('https://bench.example/');
  await page.waitForFunction(() => document.title === 'bench-ready');
  const seeded = await page.evaluate(([n, k]) => window.rapportWorkspaceBench.seed('bench-workspace', n, k), [contacts, perContact]);
  console.log(seeded.reused ? `reused the seeded notebook (${contacts} contacts, ${seeded.interactions} interactions)` : `seeded ${contacts} contacts, ${contacts * perContact} interactions in ${fmt(seeded.ms)}`);
  const r = await page.evaluate((n) => window.rapportWorkspaceBench.measure('bench-workspace', n), contacts);
  const line = (name, x, target) => {
    console.log(`${name}: first ${fmt(x.firstMs ?? x.medianMs)}, median ${fmt(x.medianMs)}${x.rows !== undefined ? `, ${x.rows} rows` : ''} (target <= ${target} ms)`);
    if ((x.firstMs ?? x.medianMs) > target) missed.push(`${name} ${fmt(x.firstMs ?? x.medianMs)} > ${target} ms`);
  };
  console.log(`workspace first render (contact list by priority): ${fmt(r.firstRenderMs)} (target <= 200 ms)`);
  if (r.firstRenderMs > 200) missed.push(`first render ${fmt(r.firstRenderMs)} > 200 ms`);
  line('contact list', r.contactList, 100);
  line('navigation counts', r.counts, 100);
  line('Today', r.today, 100);
  line('Reactivate', r.reactivate, 100);
  line('Responsiveness', r.responsiveness, 100);
  console.log(`open a contact: median ${fmt(r.openContact.medianMs)}, max ${fmt(r.openContact.maxMs)} (target <= 50 ms)`);
  if (r.openContact.medianMs > 50) missed.push(`open a contact ${fmt(r.openContact.medianMs)} > 50 ms`);
  // BENCH_UPGRADE=1: also the latest schema step over as many contacts, stored by the step before.
  const upgrade = process.env.BENCH_UPGRADE === '1' ? await page.evaluate((n) => window.rapportWorkspaceBench.upgradeLatest('bench-upgrade-latest', n), contacts) : undefined;
  if (upgrade) console.log(`upgrade schema ${upgrade.from} -> ${upgrade.to} over ${contacts} contacts: ${fmt(upgrade.ms)}`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'workspace-results.json'), JSON.stringify({ contacts, interactions: contacts * perContact, seeded, ...r, upgrade }, null, 2));
} finally {
  await b.close();
}
if (missed.length) {
  console.log(`MISSED: ${missed.join('; ')}`);
  process.exit(1);
}
