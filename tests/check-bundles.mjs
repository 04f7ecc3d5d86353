// Checks the built extension: every script and page is ASCII (Chrome drops a content script it
// cannot read as UTF-8, silently for unpacked loads), content scripts carry no React, Dexie, zod or
// date parser, open with the compile hint (as the sidebar's first paint does) and stay within the byte budget the host page pays on
// every load.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { firstPaint } from './support/first-paint.mjs';

const BUDGET = 30 * 1024;
/**
 * The sidebar's first paint (shell, app, what they import statically) may grow to this; a regression
 * guard at today's size plus a margin (the 150 kB is measured by `npm run bench`, step loadcost).
 * 2026-11-30: 546 kB with every message catalog, full zod and the search module; 463 kB with the
 * strings from the i18n API only, zod/mini on the first-paint path and search loaded after open
 * (what is left: react-dom 205, Dexie 98, zod/mini 60, our card and data layer 73; see
 * `node tests/bench/first-paint-breakdown.mjs`).
 */
const FIRST_PAINT_BUDGET = 470 * 1024;
/**
 * Source modules that must not be in the sidebar's first paint (from the module list the build writes
 * beside each target, wxt.config.ts `chunkModules`): the workspace's and the panels' code, and what
 * the first paint does without.
 */
const NOT_FIRST_PAINT = [
  [/^utils\/i18n\/catalog\//, 'a message catalog (strings come from the i18n API, _locales)'],
  [/node_modules\/zod\/v4\/classic\//, 'full zod (the first-paint path uses zod/mini)'],
  [/^utils\/db\/repos\/search\.ts$/, 'search'],
  [/^utils\/transfer\/|^utils\/db\/repos\/(import-|export-|restore|json-)|^components\/transfer\//, 'import/export'],
  [/reminders\.ts$|^components\/settings\//, 'reminders and settings'],
  [/^utils\/backup\/|backup-state\.ts$|^components\/backup\//, 'backup'],
  [/^components\/workspace\/|^utils\/db\/repos\/workspace\.ts$|^entrypoints\/options\//, 'the workspace'],
  [/^components\/(timeline|followups|pillars|handover)\/(?!SavePageButton)|^components\/preferences\/(?!GuardBanner)/, 'a panel'],
  [/node_modules\/(papaparse|fflate|@mozilla\/readability)\//, 'a workspace or capture library'],
];
/**
 * What the sidebar loads after its first paint, by source module: each must be in a chunk of the
 * build (the module lists beside it), none of them in the first paint. What renders around a known
 * contact shares one chunk (components/sidebar/card-later.ts); the panels behind other tabs, "add
 * manually" and LinkedIn's unsaved messages have their own. With a hook only that part renders, so
 * one inlined into a first-paint chunk is also found by its content.
 */
const LATER = {
  'components/timeline/Timeline.tsx': '"data-testid":"timeline-item"',
  'components/preferences/PreferencesPanel.tsx': undefined,
  'components/followups/FollowUpsPanel.tsx': '"data-testid":"followup"',
  'components/pillars/PillarsPanel.tsx': '"data-testid":"pillars"',
  'components/handover/HandoverPanel.tsx': '"data-testid":"handover"',
  'components/sidebar/ContactTabs.tsx': undefined,
  'components/timeline/CaptureButton.tsx': '"data-testid":"capture-conversation"',
  'components/timeline/UnsavedMessages.tsx': '"data-testid":"unsaved-messages"',
  'components/contact/ContactPicker.tsx': '"data-testid":"contact-search"',
  'components/contact/ResponsivenessLine.tsx': undefined,
  'components/contact/ManualAdd.tsx': undefined,
  'components/sidebar/card-later.ts': undefined,
};
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
      // Compiled in one pass, not function by function on first call (wxt.config.ts, compileHints).
      if (!text.startsWith('//# allFunctionsCalledOnLoad\n')) failures.push(`${relative('.', file)} lacks the compile hint on its first line`);
      const markers = {
        React: /react\.(element|transitional\.element)|__SECRET_INTERNALS|useSyncExternalStore/,
        Dexie: /Dexie|IDBKeyRange/,
        zod: /ZodError|\$ZodType|_zod/,
        // Anything posted or dispatched to the page tells it we are installed (and who we are).
        'page messaging': /postMessage|new CustomEvent|dispatchEvent/,
        // Printed dates are read in the background (utils/sites/dates.ts), not on the host's thread.
        'the date parser': /jan ene gen sty/,
      };
      for (const [lib, pattern] of Object.entries(markers)) {
        if (pattern.test(text)) failures.push(`${relative('.', file)} contains ${lib}`);
      }
    }
  }
  if (seen === 0) failures.push(`${root} has no scripts`);

  // Pay only for what is on screen: the panels stay out of the sidebar's first paint.
  let fp;
  try {
    fp = firstPaint(root);
  } catch (error) {
    failures.push(String(error.message));
    continue;
  }
  sizes.push(`${root} sidebar first paint: ${(fp.bytes / 1024).toFixed(1)} kB in ${fp.files.length} files`);
  // Runs whole on every webmail load: compiled in one pass (wxt.config.ts, compileHints).
  for (const { file } of fp.files) {
    if (file.endsWith('.js') && !readFileSync(join(root, file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) {
      failures.push(`${root}/${file} (sidebar first paint) lacks the compile hint on its first line`);
    }
  }
  if (fp.bytes > FIRST_PAINT_BUDGET) failures.push(`${root}: the sidebar's first paint is ${fp.bytes} bytes, over ${FIRST_PAINT_BUDGET}`);
  const modulesDir = `${root}.modules`;
  for (const { file } of fp.files) {
    let modules;
    try {
      modules = JSON.parse(readFileSync(join(modulesDir, `${file}.json`), 'utf8'));
    } catch {
      failures.push(`${modulesDir}/${file}.json is missing: build again (wxt.config.ts writes it)`);
      continue;
    }
    for (const id of modules) {
      for (const [pattern, what] of NOT_FIRST_PAINT) {
        if (pattern.test(id)) failures.push(`${root}: ${id} (${what}) is in the sidebar's first paint (${file})`);
      }
    }
  }
  const firstText = fp.files.map((f) => readFileSync(join(root, f.file), 'utf8'));
  const firstFiles = new Set(fp.files.map((f) => f.file));
  const holders = new Map();
  for (const name of readdirSync(join(modulesDir, 'chunks'))) {
    const file = `chunks/${name.replace(/\.json$/, '')}`;
    for (const id of JSON.parse(readFileSync(join(modulesDir, 'chunks', name), 'utf8'))) {
      if (!holders.has(id)) holders.set(id, new Set());
      holders.get(id).add(file);
    }
  }
  for (const [id, marker] of Object.entries(LATER)) {
    const files = [...(holders.get(id) ?? [])];
    if (files.length === 0) failures.push(`${root}: ${id} is in no chunk of the build (renamed or removed? then update LATER)`);
    for (const file of files) {
      if (firstFiles.has(file)) failures.push(`${root}: ${id} (${file}) is in the sidebar's first paint`);
    }
    if (marker && firstText.some((text) => text.includes(marker))) failures.push(`${root}: ${id}'s code (${marker}) is in the sidebar's first paint`);
  }
}

console.log(sizes.join('\n'));
if (failures.length > 0) {
  console.error(`bundle check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('bundle check: every bundle ASCII, content scripts within budget and free of React, Dexie, zod and the date parser, each with the compile hint; the sidebar first paint with it too; panels, catalogs, full zod, search, import/export, reminders, backup and workspace out of the sidebar first paint');
