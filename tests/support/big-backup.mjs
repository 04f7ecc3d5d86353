// Test and bench helper: writes a large Rapport JSON backup the way the export writes it (one
// record per line, records in primary-key order, every field the schemas default), without a
// browser, and compares two backups record by record (key order ignored) without loading either.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const pad = (n, w) => String(n).padStart(w, '0');
const iso = (ms) => new Date(ms).toISOString();
const T0 = Date.UTC(2024, 0, 1);

/**
 * Writes `contacts` contacts with `perContact` interactions each (text of about `textBytes`
 * characters, with quotes, newlines, brackets and non-ASCII in it) to `path`. Returns the counts.
 */
export async function writeBigBackup(path, { contacts, perContact, textBytes = 200 }) {
  const out = createWriteStream(path);
  const write = async (s) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const filler = 'Besprechung „Angebot“ {Preis} [Q3]: \\ "ok"\n— Zoë ✓ '.repeat(Math.ceil(textBytes / 50)).slice(0, textBytes);
  const w = String(contacts).length + 1;
  const kw = String(perContact).length + 1;
  await write(JSON.stringify({ format: 'rapport-backup', version: 2, exportedAt: '2026-11-30T12:00:00.000Z', appVersion: '0.1.0' }).slice(0, -1) + ',"data":{');
  await write('\n"contacts":[');
  for (let i = 0; i < contacts; i++) {
    const id = `ct_big-${pad(i, w)}`;
    const record = {
      id,
      displayName: `Person ${i} Müller-Łukasz`,
      emails: [`person${i}@big.example`],
      phones: [],
      tags: ['big', `t${i % 13}`],
      about: `Notes on ${i}: "quoted", {braced}, [listed]\nsecond line`,
      preferences: { channels: [], topics: [] },
      value: {},
      createdAt: iso(T0),
      updatedAt: iso(T0),
      ...(perContact > 0 ? { lastInteractionAt: iso(T0 + (perContact - 1) * 3_600_000), lastInteractionChannel: 'email' } : {}),
    };
    await write((i === 0 ? '\n' : ',\n') + JSON.stringify(record));
  }
  await write(contacts ? '\n]' : ']');
  await write(',\n"interactions":[');
  let first = true;
  // Interactions in id order: contact-major, then index.
  for (let i = 0; i < contacts; i++) {
    for (let k = 0; k < perContact; k++) {
      const at = iso(T0 + k * 3_600_000);
      const record = {
        id: `ix_big-${pad(i, w)}-${pad(k, kw)}`,
        contactIds: [`ct_big-${pad(i, w)}`],
        kind: 'email',
        channel: 'email',
        direction: k % 2 ? 'outbound' : 'inbound',
        department: 'sales',
        occurredAt: at,
        subject: `Re: Angebot ${k}`,
        text: filler,
        createdAt: at,
        updatedAt: at,
      };
      await write((first ? '\n' : ',\n') + JSON.stringify(record));
      first = false;
    }
  }
  await write(first ? ']' : '\n]');
  for (const table of ['followUps', 'checks', 'companies', 'pipelines']) await write(`,\n${JSON.stringify(table)}:[]`);
  await write('\n}}\n');
  out.end();
  await once(out, 'finish');
  return { contacts, interactions: contacts * perContact };
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

/** Record lines of a backup written by the export (one record per line), as canonical JSON text. */
async function* recordLines(path) {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let table = '';
  for await (const raw of lines) {
    const header = /^,?"(\w+)":\[\]?$/.exec(raw);
    if (header) {
      table = header[1];
      continue;
    }
    if (!raw.startsWith('{"id"') && !raw.startsWith('{"key"')) continue;
    const text = raw.endsWith(',') ? raw.slice(0, -1) : raw;
    yield `${table} ${JSON.stringify(canonical(JSON.parse(text)))}`;
  }
}

/**
 * Compares two backups record by record (tables, order, every field; key order ignored).
 * Returns undefined when equal, else the first difference.
 */
export async function compareBackups(a, b) {
  const left = recordLines(a);
  const right = recordLines(b);
  let n = 0;
  for (;;) {
    const [x, y] = await Promise.all([left.next(), right.next()]);
    if (x.done && y.done) return undefined;
    if (x.value !== y.value) return `record ${n}: ${String(x.value).slice(0, 300)} ≠ ${String(y.value).slice(0, 300)}`;
    n++;
  }
}
