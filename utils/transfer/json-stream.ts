import { TransferError, throwIfAborted } from './errors';
import { emptyDecoded, type DecodedImport, type Located } from './model';
import { migrateEnvelope } from './v';

/*
 * Our JSON backup, read as a stream: the file is never in memory as a whole, only the piece being
 * scanned and one batch of records. A small scanner follows the envelope's structure (strings,
 * brackets, depth); each record of `data.<table>` is cut out and parsed on its own with
 * `JSON.parse`, then migrated with the same `up()` steps as a whole-file import (`v/`), one batch
 * at a time. Any layout of the envelope works (ours writes one record per line; version 1 was
 * pretty-printed), as long as `format` and `version` come before `data`, as every Rapport wrote them.
 */

/** The tables a backup holds, in the order our export writes them (contacts before what names them). */
export const BACKUP_TABLES = ['contacts', 'interactions', 'followUps', 'checks', 'companies', 'pipelines'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface StreamOptions {
  /** Records per batch handed to `onBatch` (default 1000). */
  batchSize?: number;
  signal?: AbortSignal;
  /** Bytes read so far, after each piece of the file. */
  onBytes?: (bytes: number) => void;
}

/** One batch: a `DecodedImport` holding records of a single table, already migrated to the current version. */
export type BatchHandler = (batch: DecodedImport, table: BackupTable) => Promise<void>;

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function syntax(line: number, what: string): TransferError {
  return new TransferError('json-syntax', `the file is not valid JSON (${what}).`, line);
}

/** Does this start of a file look like our JSON envelope (and not another app's JSON)? */
export function looksLikeRapportJson(head: string): boolean {
  return /^\uFEFF?\s*\{\s*"format"\s*:\s*"rapport-backup"/.test(head);
}

/**
 * Reads a Rapport JSON backup of any version from a byte stream and hands its records to
 * `onBatch`, batch by batch, awaiting each (so the consumer's writes pace the reading). Returns
 * the envelope's fields and the format version. Throws a TransferError for a file that is not
 * our backup, is damaged or ends early; records read before that were already handed over, so the
 * consumer decides what all-or-nothing means (`utils/db/repos/restore.ts`).
 */
export async function streamJsonBackup(
  stream: ReadableStream<Uint8Array>,
  onBatch: BatchHandler,
  options: StreamOptions = {},
): Promise<{ formatVersion: number; head: Record<string, unknown> }> {
  const batchSize = options.batchSize ?? 1000;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const reader = stream.getReader();

  const head: Record<string, unknown> = {};
  let formatVersion: number | undefined;
  let buf = '';
  let pos = 0; // next character of buf to scan
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1; // start of the current key string in buf
  let lastKey: string | undefined;
  let keyAtDepth1: string | undefined;
  let keyAtDepth2: string | undefined;
  let afterColon = false; // a value is expected next (at depth 1 or 2)
  let captureStart = -1; // start of a top-level value or a record in buf
  let captureLine = 0;
  let table: string | undefined; // the data table whose array we are in
  let indexInTable = 0;
  let done = false;
  let bytes = 0;
  let batch: Located[] = [];
  let batchTable: BackupTable | undefined;

  let inData = false;
  let started = false;
  const ready: { table: BackupTable; rows: Located[] }[] = [];

  /** Closes the current batch (synchronously, while scanning); written after the piece is scanned. */
  const cut = () => {
    if (batchTable && batch.length > 0) ready.push({ table: batchTable, rows: batch });
    batch = [];
  };

  const writeReady = async () => {
    while (ready.length > 0) {
      const { table: name, rows } = ready.shift()!;
      const decoded = emptyDecoded('rapport-json', 'utf-8');
      decoded.formatVersion = formatVersion!;
      // The batch alone goes through the version steps: `up()` maps record by record.
      const envelope = migrateEnvelope({ ...head, data: { [name]: rows.map((r) => r.value) } });
      envelope.data[name].forEach((value, i) => {
        const { where, line: at } = rows[i]!;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          (decoded[name] as Located[]).push({ where, line: at, value: value as Record<string, unknown> });
        } else decoded.invalid.push({ where, line: at, reason: 'not a record (expected a JSON object)' });
      });
      throwIfAborted(options.signal);
      await onBatch(decoded, name);
    }
  };

  const record = (text: string, at: number) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw syntax(at, `${table}[${indexInTable}]: ${(error as Error).message.slice(0, 120)}`);
    }
    const known = (BACKUP_TABLES as readonly string[]).includes(table!) ? (table as BackupTable) : undefined;
    const where = `${table}[${indexInTable}]`;
    indexInTable++;
    if (!known) return;
    batchTable = known;
    batch.push({ where, line: at, value: value as Record<string, unknown> });
  };

  const topValue = (text: string, at: number) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw syntax(at, (error as Error).message.slice(0, 120));
    }
    head[keyAtDepth1!] = value;
  };

  const beginData = () => {
    // Checked once, before the first record: refuses another app's JSON and a newer backup.
    migrateEnvelope({ ...head, data: {} });
    formatVersion = head.version as number;
  };

  for (;;) {
    throwIfAborted(options.signal);
    const { value, done: ended } = await reader.read();
    if (ended) buf += decoder.decode();
    else {
      bytes += value.byteLength;
      buf += decoder.decode(value, { stream: true });
    }
    if (!started && buf.replace(/^\uFEFF/, '').trimStart().length > 0) {
      started = true;
      const first = buf.replace(/^\uFEFF/, '').trimStart()[0];
      if (first !== '{') throw new TransferError('not-rapport', 'This file is not a Rapport JSON backup.');
      if (buf.charCodeAt(0) === 0xfeff) pos = 1;
    }
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (c === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (stringStart >= 0) {
            lastKey = JSON.parse(buf.slice(stringStart, pos + 1)) as string;
            stringStart = -1;
          }
        }
        continue;
      }
      if (done) {
        if (!isSpace(c)) throw syntax(line, 'text after the end of the backup');
        continue;
      }
      if (isSpace(c)) continue;
      // A value begins: at depth 1 (an envelope field) or depth 3 (a record of a table).
      if (depth === 1 && afterColon && captureStart < 0 && keyAtDepth1 !== 'data') {
        captureStart = pos;
        captureLine = line;
        afterColon = false;
      } else if (depth === 3 && inData && captureStart < 0 && c !== COMMA && c !== CLOSE_ARRAY) {
        captureStart = pos;
        captureLine = line;
      }
      if (c === QUOTE) {
        inString = true;
        // Keys: strings at depth 1 or 2 outside a captured value.
        if ((depth === 1 || (depth === 2 && inData)) && captureStart < 0 && !afterColon) stringStart = pos;
        continue;
      }
      if (c === COLON) {
        if (depth === 1 && captureStart < 0) {
          keyAtDepth1 = lastKey;
          afterColon = true;
          if (keyAtDepth1 === 'data') beginData();
        } else if (depth === 2 && inData) {
          keyAtDepth2 = lastKey;
          afterColon = true;
        }
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (depth === 0 && c !== OPEN_OBJECT) throw new TransferError('not-rapport', 'This file is not a Rapport JSON backup.');
        if (depth === 1 && keyAtDepth1 === 'data' && afterColon) {
          if (c !== OPEN_OBJECT) throw new TransferError('bad-envelope', 'This Rapport backup is damaged: data is not an object.');
          afterColon = false;
          inData = true;
        } else if (depth === 2 && inData) {
          if (c !== OPEN_ARRAY || !afterColon) throw new TransferError('bad-envelope', `This Rapport backup is damaged: data.${keyAtDepth2} is not a list.`);
          afterColon = false;
          cut();
          table = keyAtDepth2;
          indexInTable = 0;
        }
        depth++;
        continue;
      }
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 3 && inData && c === CLOSE_ARRAY && captureStart >= 0) {
          record(buf.slice(captureStart, pos), captureLine);
          captureStart = -1;
        } else if (depth === 1 && c === CLOSE_OBJECT && captureStart >= 0) {
          topValue(buf.slice(captureStart, pos), captureLine);
          captureStart = -1;
        }
        depth--;
        if (depth === 1 && inData) inData = false;
        if (depth < 0) throw syntax(line, 'a closing bracket too many');
        if (depth === 0) {
          done = true;
          if (formatVersion === undefined) beginData();
        }
        continue;
      }
      if (c === COMMA) {
        if (depth === 3 && inData && captureStart >= 0) {
          record(buf.slice(captureStart, pos), captureLine);
          captureStart = -1;
          if (batch.length >= batchSize) cut();
        } else if (depth === 1 && captureStart >= 0) {
          topValue(buf.slice(captureStart, pos), captureLine);
          captureStart = -1;
        }
        continue;
      }
      if (depth === 0) throw new TransferError('not-rapport', 'This file is not a Rapport JSON backup.');
      if (depth === 2 && inData && captureStart < 0) throw new TransferError('bad-envelope', 'This Rapport backup is damaged: a table of data is not a list.');
    }
    // Keep only what is still needed: the value being captured, or the key being read.
    const keep = captureStart >= 0 ? captureStart : stringStart >= 0 ? stringStart : pos;
    if (keep > 0) {
      buf = buf.slice(keep);
      pos -= keep;
      if (captureStart >= 0) captureStart -= keep;
      if (stringStart >= 0) stringStart -= keep;
    }
    // Batches are written between pieces of the file: the consumer's writes pace the reading.
    await writeReady();
    options.onBytes?.(bytes);
    if (ended) break;
  }
  if (!done) throw syntax(line, 'the file ends before the backup does: it was cut off, e.g. by a download that did not finish');
  cut();
  await writeReady();
  return { formatVersion: formatVersion!, head };
}
