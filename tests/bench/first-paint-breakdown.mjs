// What each module adds to the sidebar's first paint, in minified bytes. Builds once with source
// maps into .output/breakdown/ (RAPPORT_BREAKDOWN=1, see wxt.config.ts; the chunks are the same as
// the normal build's), takes the first-paint files the bundle check takes, and charges every byte of
// each file to the source its map names (bytes no mapping covers: "(glue)", the bundler's own).
// `node tests/bench/first-paint-breakdown.mjs [--no-build] [--files] [--raw] [--top N]` (--raw: one row
// per source file, no grouping by package)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstPaint } from '../support/first-paint.mjs';

const args = process.argv.slice(2);
const root = '.output/breakdown/chrome-mv3';
const top = Number(args[args.indexOf('--top') + 1]) || 40;
if (!args.includes('--no-build')) {
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RAPPORT_BREAKDOWN: '1' } });
}

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** One source-map segment's fields (base64 VLQ). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = B64[c];
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Bytes of a generated file per source, from its map (lines and columns are ASCII: bytes = chars). */
function charge(code, map, into) {
  const lines = code.split('\n');
  const mappings = map.mappings.split(';');
  let source = 0;
  const add = (name, n) => into.set(name, (into.get(name) ?? 0) + n);
  lines.forEach((line, i) => {
    let column = 0;
    let from = 0;
    let owner = '(glue)';
    for (const segment of (mappings[i] ?? '').split(',').filter(Boolean)) {
      const fields = decodeSegment(segment);
      column += fields[0];
      add(owner, column - from);
      from = column;
      if (fields.length >= 4) {
        source += fields[1];
        owner = map.sources[source];
      } else owner = '(glue)';
    }
    add(owner, line.length + 1 - from);
  });
}

/** A readable group for a source path: the package (zod by layer), else the project path. */
function group(path) {
  if (args.includes('--raw')) return path.replace(/^(\.\.\/)+/, '');
  const clean = path.replace(/^(\.\.\/)+/, '').replace(/^\/+/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === 'zod') return `zod/${rest.slice(1, 3).join('/')}`;
    if (pkg === 'react-dom') return `react-dom/${rest.slice(1).join('/')}`;
    return pkg;
  }
  return clean;
}

const fp = firstPaint(root);
const bySource = new Map();
const perFile = [];
for (const { file, bytes } of fp.files) {
  const code = readFileSync(join(root, file), 'utf8');
  let map;
  try {
    map = JSON.parse(readFileSync(join(root, `${file}.map`), 'utf8'));
  } catch {
    bySource.set(`${file} (no map)`, bytes);
    continue;
  }
  const own = new Map();
  charge(code, map, own);
  perFile.push({ file, bytes, own });
  for (const [k, v] of own) bySource.set(k, (bySource.get(k) ?? 0) + v);
}
const byGroup = new Map();
for (const [k, v] of bySource) byGroup.set(group(k), (byGroup.get(group(k)) ?? 0) + v);

const kB = (n) => `${(n / 1024).toFixed(1).padStart(7)} kB`;
console.log(`sidebar first paint (${root}): ${kB(fp.bytes).trim()} in ${fp.files.length} files`);
if (args.includes('--files')) for (const f of perFile) console.log(`  ${kB(f.bytes)}  ${f.file}`);
const rows = [...byGroup].sort((a, b) => b[1] - a[1]);
for (const [name, bytes] of rows.slice(0, top)) console.log(`${kB(bytes)}  ${name}`);
const rest = rows.slice(top).reduce((s, [, b]) => s + b, 0);
if (rest > 0) console.log(`${kB(rest)}  (${rows.length - top} more)`);
const pkgs = new Map();
for (const [name, bytes] of byGroup) {
  const pkg = /^(react-dom|zod)\//.test(name) ? name.split('/')[0] : name.includes('/') && !name.startsWith('@') ? `project: ${name.split('/')[0]}/` : name;
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + bytes);
}
console.log('--- by package / top folder');
for (const [name, bytes] of [...pkgs].sort((a, b) => b[1] - a[1])) console.log(`${kB(bytes)}  ${name}`);
