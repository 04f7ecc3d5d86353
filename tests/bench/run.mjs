// npm run bench: builds the benchmark page bundle, opens it in Debian's Chromium (with the built
// extension loaded, as users run it) and prints the figures. Extended by later issues.
import { build } from 'vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../e2e/harness.mjs';

const OUT = join(ROOT, 'tests/bench/.artifacts');
const N = Number(process.env.BENCH_CONTACTS ?? 100_000);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 2000);

async function bundle() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir: OUT,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(ROOT, 'tests/bench/page/main.ts'), formats: ['es'], fileName: () => 'bench.js' },
    },
  });
  return readFileSync(join(OUT, 'bench.js'), 'utf8');
}

const script = await bundle();
const b = await launch();
const results = {};
try {
  await b.context.route('https://bench.example/**', (route) =>
    route.request().url().endsWith('/bench.js')
      ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title><script type="module" src="/bench.js"></script>' }),
  );
  const page = await b.context.newPage();
  await page.goto('https://bench.example/');
  await page.waitForFunction(() => document.title === 'bench-ready');

  const seed = await page.evaluate((n) => window.rapportBench.seedContacts('bench-contacts', n), N);
  const lookup = await page.evaluate(
    ([n, k]) => window.rapportBench.emailLookup('bench-contacts', n, k),
    [N, LOOKUPS],
  );
  results.emailLookup = { contacts: N, lookups: LOOKUPS, seedMs: Math.round(seed.ms), ...lookup };
  console.log(
    `email lookup among ${N} contacts (${LOOKUPS} lookups): repository median ${lookup.repoMedianMs.toFixed(3)} ms ` +
      `(p95 ${lookup.repoP95Ms.toFixed(3)}), raw IndexedDB index get median ${lookup.rawMedianMs.toFixed(3)} ms ` +
      `(p95 ${lookup.rawP95Ms.toFixed(3)}); ratio ${lookup.ratio.toFixed(2)}x; misses ${lookup.misses}; seeding took ${Math.round(seed.ms)} ms`,
  );
  if (lookup.misses > 0) throw new Error(`${lookup.misses} lookups found the wrong contact`);
} finally {
  await b.close();
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
console.log(`results written to tests/bench/.artifacts/results.json`);
