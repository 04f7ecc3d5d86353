// What the sidebar page loads before its first paint: the module scripts and modulepreloads its
// built HTML names, and every chunk those import statically (transitively). Dynamic imports
// (`import('./x.js')`) are not followed: they are what loads later. Used by tests/check-bundles.mjs
// (which fails when a panel's chunk is in this set) and by the bench.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Static import specifiers of an ES module as esbuild/rollup write them (minified). */
function staticImports(code) {
  const found = [];
  // `import"./a.js"`, `import{a as b}from"./a.js"`, `import*as x from"./a.js"`, `export{..}from"./a.js"`.
  const re = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{][^'"`;]*?from\s*)?["']([^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** Files named by `<script type="module" src>` and `<link rel="modulepreload" href>` in an HTML page. */
function htmlScripts(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) found.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) found.push(href[1]);
  }
  return found;
}

/** `import("./x.js")` specifiers. */
function dynamicImports(code) {
  return [...code.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]);
}

/**
 * The first-paint JavaScript of a built page: `{ files: [{file, bytes}], bytes }`, paths relative
 * to the build root. The page's scripts and modulepreloads, what they import statically, and what
 * the page's own entry scripts import dynamically (the sidebar's shell loads the app at once when
 * someone is on screen) with its static imports; chunks that those load dynamically in turn (the
 * panels) are not first paint. Throws when the page or a named file is missing.
 */
export function firstPaint(buildRoot, page = 'sidebar.html') {
  const htmlPath = join(buildRoot, page);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: build first`);
  const entries = htmlScripts(readFileSync(htmlPath, 'utf8')).map((src) => normalize(join(buildRoot, src.replace(/^\//, ''))));
  const queue = [...entries];
  for (const entry of entries) {
    if (!existsSync(entry)) continue;
    for (const spec of dynamicImports(readFileSync(entry, 'utf8'))) queue.push(normalize(join(dirname(entry), spec)));
  }
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(buildRoot, file)} (named by ${page}) is missing`);
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      queue.push(normalize(spec.startsWith('/') ? join(buildRoot, spec) : join(dirname(file), spec)));
    }
  }
  const files = [...seen].map((file) => ({ file: relative(buildRoot, file), bytes: statSync(file).size }));
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}
