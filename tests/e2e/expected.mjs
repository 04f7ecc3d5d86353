// The fixtures' ground truth in the shape the sidebar shows: bundles the unit tests' converter
// (utils/sites/testing/expected.ts) for node once, so unit and browser tests read it the same way.
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, ROOT, fixturePath } from './harness.mjs';

let module;

async function load() {
  if (module) return module;
  const outDir = join(ARTIFACTS, 'expected');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'utils/sites/testing/expected.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'expected.mjs' } },
    },
  });
  module = await import(pathToFileURL(join(outDir, 'expected.mjs')).href);
  return module;
}

/** Every state of a fixture (by file name) as the contract test sees it. */
export async function statesOf(fixture) {
  const { expectedStates } = await load();
  const json = JSON.parse(readFileSync(fixturePath(fixture.replace(/\.html$/, '.expected.json')), 'utf8'));
  return { serveAt: json.serve_at, states: expectedStates(json) };
}
