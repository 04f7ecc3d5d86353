import { TransferError, throwIfAborted } from './errors';
import { emptyDecoded, type DecodedImport, type Located, type Scope } from './model';
import type { EncodeTarget, ExportSource } from './source';
import { CURRENT_VERSION, FORMAT_ID, migrateEnvelope } from './v';

const TABLES = ['contacts', 'interactions', 'followUps', 'checks', 'companies', 'pipelines'] as const;

/** Envelope fields other than the data. */
export interface JsonMeta {
  exportedAt: string;
  appVersion: string;
  scope?: Scope;
}

/**
 * Writes the JSON envelope, one record per line, page by page: memory holds one page, never the
 * whole file. `JSON.parse` of the result gives `{ format, version, exportedAt, appVersion, scope?, data }`.
 */
export async function encodeJson(source: ExportSource, meta: JsonMeta, target: EncodeTarget): Promise<void> {
  const head = { format: FORMAT_ID, version: CURRENT_VERSION, exportedAt: meta.exportedAt, appVersion: meta.appVersion, ...(meta.scope ? { scope: meta.scope } : {}) };
  target.write(JSON.stringify(head).slice(0, -1) + ',"data":{');
  for (const [t, table] of TABLES.entries()) {
    target.write(`${t > 0 ? ',' : ''}\n${JSON.stringify(table)}:[`);
    let first = true;
    for await (const page of source[table]()) {
      throwIfAborted(target.signal);
      if (page.length === 0) continue;
      target.write((first ? '\n' : ',\n') + page.map((record) => JSON.stringify(record)).join(',\n'));
      first = false;
      target.tick(page.length);
    }
    target.write(first ? ']' : '\n]');
  }
  target.write('\n}}\n');
}

/** The 1-based line of a JSON.parse error, from the engine's message (V8 and SpiderMonkey forms). */
function jsonErrorLine(text: string, message: string): number | undefined {
  const line = /line (\d+)/i.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/i.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}

/** Reads our JSON envelope of any version into raw records per table. */
export function decodeJson(text: string, encoding: string): DecodedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new TransferError('json-syntax', `the file is not valid JSON (${message.slice(0, 160)}).`, jsonErrorLine(text, message) ?? 1);
  }
  const envelope = migrateEnvelope(raw);
  const decoded = emptyDecoded('rapport-json', encoding);
  decoded.formatVersion = (raw as { version: number }).version;
  if (envelope.scope) decoded.scope = envelope.scope;
  if (decoded.formatVersion < CURRENT_VERSION) decoded.notices.push(`Backup format version ${decoded.formatVersion}, migrated to version ${CURRENT_VERSION}.`);
  for (const table of TABLES) {
    envelope.data[table].forEach((value, i) => {
      const where = `${table}[${i}]`;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        (decoded[table] as Located[]).push({ where, value: value as Record<string, unknown> });
      } else decoded.invalid.push({ where, reason: 'not a record (expected a JSON object)' });
    });
  }
  return decoded;
}
