// Checks the built extension: every script and page is ASCII (Chrome drops a content script it
// cannot read as UTF-8, silently for unpacked loads), content scripts carry no React, Dexie or zod
// and stay within the byte budget the host page pays on every load.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUDGET = 30 * 1024;
const roots = ['.output/chrome-mv3', '.output/firefox-mv2'];
const failures = [];
const sizes = [];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

for (const root of roots) {
  let seen = 0;
  try {
    statSync(root);
  } catch {
    failures.push(`${root} is missing: build first`);
    continue;
  }
  for (const file of walk(root)) {
    if (!/\.(js|html|css)$/.test(file)) continue;
    seen++;
    const bytes = readFileSync(file);
    const offset = bytes.findIndex((b) => b > 0x7f);
    if (offset >= 0) {
      const around = bytes.subarray(Math.max(0, offset - 40), offset + 20).toString('utf8');
      failures.push(`${relative('.', file)} is not ASCII at byte ${offset}: …${around}…`);
    }
    if (file.includes('content-scripts')) {
      const text = bytes.toString('utf8');
      sizes.push(`${relative('.', file)}: ${(bytes.length / 1024).toFixed(1)} kB`);
      if (bytes.length > BUDGET) failures.push(`${relative('.', file)} is ${bytes.length} bytes, over ${BUDGET}`);
      const markers = {
        React: /react\.(element|transitional\.element)|__SECRET_INTERNALS|useSyncExternalStore/,
        Dexie: /Dexie|IDBKeyRange/,
        zod: /ZodError|\$ZodType|_zod/,
        // Anything posted or dispatched to the page tells it we are installed (and who we are).
        'page messaging': /postMessage|new CustomEvent|dispatchEvent/,
      };
      for (const [lib, pattern] of Object.entries(markers)) {
        if (pattern.test(text)) failures.push(`${relative('.', file)} contains ${lib}`);
      }
    }
  }
  if (seen === 0) failures.push(`${root} has no scripts`);
}

console.log(sizes.join('\n'));
if (failures.length > 0) {
  console.error(`bundle check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('bundle check: every bundle ASCII, content scripts within budget and free of React, Dexie, zod');
