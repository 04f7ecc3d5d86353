import { decodeOurCsv, INTERACTION_COLUMNS, CONTACT_COLUMNS, isOurContactsHeader, isOurInteractionsHeader } from './csv';
import { CsvReader, guessDelimiter, parseCsv, type CsvRecord } from './csv-cells';
import { decodeForeignCsv, foreignKind, headerMap, type ForeignCsvKind } from './csv-foreign';
import { TransferError } from './errors';
import { decodeJson } from './json';
import { emptyDecoded, type DecodedImport, type ImportFormat, type InvalidRow, type Located, type ProgressCallback } from './model';
import { checkSize, decodeText, utf8, yieldToUi } from './text';
import { decodeVCards, looksLikeVCard } from './vcard';
import { dropBadFieldsOfRows } from './fields';
import { isZip, unzip } from './zip';

/*
 * Import, step 1: bytes → raw records. The format is recognised from the content, never from the
 * file name. Anything wrong with the file as a whole (empty, too big, broken quote, a card
 * without END, another app's JSON, a newer backup) throws a TransferError naming problem and line;
 * a bad row only becomes an invalid row of the preview.
 */

type CsvKind = 'rapport-contacts' | 'rapport-interactions' | ForeignCsvKind;

const FOREIGN_FORMAT: Record<ForeignCsvKind, ImportFormat> = { linkedin: 'linkedin-csv', google: 'google-csv', outlook: 'outlook-csv' };

/** Finds the header row (LinkedIn puts notes lines above it) and what wrote the file. */
function findHeader(text: string): { kind: CsvKind; offset: number; line: number; delimiter: string } | undefined {
  const pattern = /\r\n|\n|\r/g;
  let offset = 0;
  for (let line = 1; line <= 50 && offset < text.length; line++) {
    const match = pattern.exec(text);
    const end = match ? match.index : text.length;
    const row = text.slice(offset, end);
    if (row.trim()) {
      const delimiter = guessDelimiter(row);
      const cells = (new CsvReader(row, delimiter).next()?.cells ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
      const kind: CsvKind | undefined = isOurContactsHeader(cells)
        ? 'rapport-contacts'
        : isOurInteractionsHeader(cells)
          ? 'rapport-interactions'
          : foreignKind(headerMap(cells));
      if (kind) return { kind, offset, line, delimiter };
    }
    if (!match) break;
    offset = match.index + match[0].length;
  }
  return undefined;
}

/** One CSV file (ours or another app's) into raw records. */
/** Rows turned into records between two pauses for the UI. */
const DECODE_SLICE = 5000;

/**
 * Runs a row decoder (header record first, each row on its own) over the records a slice at a
 * time, with a macrotask between slices: 100 000 rows in one go held the page for ≈ 250 ms.
 */
async function inSlices(
  records: readonly CsvRecord[],
  decode: (records: readonly CsvRecord[]) => { rows: Located[]; invalid: InvalidRow[] },
): Promise<{ rows: Located[]; invalid: InvalidRow[] }> {
  const [head, ...body] = records;
  if (!head || body.length <= DECODE_SLICE) return decode(records);
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  for (let start = 0; start < body.length; start += DECODE_SLICE) {
    if (start > 0) await yieldToUi();
    const part = decode([head, ...body.slice(start, start + DECODE_SLICE)]);
    for (const row of part.rows) rows.push(row);
    for (const row of part.invalid) invalid.push(row);
  }
  return { rows, invalid };
}

/**
 * Marks the records that hold bytes which are not UTF-8 (in a file that is UTF-8 elsewhere): each
 * becomes an invalid row naming the column, instead of the whole file turning into mojibake.
 */
function markBadBytes(records: CsvRecord[], badLines: ReadonlySet<number> | undefined): void {
  if (!badLines || badLines.size === 0) return;
  const header = records[0]?.cells ?? [];
  records.forEach((record, i) => {
    const end = records[i + 1]?.line ?? Number.MAX_SAFE_INTEGER;
    let hit = false;
    for (const line of badLines) if (line >= record.line && line < end) hit = true;
    if (!hit || i === 0 || record.error) return;
    const column = record.cells.findIndex((c) => c.includes('\uFFFD'));
    const name = column >= 0 ? header[column]?.trim() || `column ${column + 1}` : undefined;
    record.error = `bytes that are not UTF-8${name ? ` in "${name}"` : ''} (the rest of the file is UTF-8)`;
  });
}

async function decodeCsvFile(
  text: string,
  where: string | undefined,
  options: DecodeOptions,
  badLines?: ReadonlySet<number>,
): Promise<{ kind: CsvKind; rows: Located[]; invalid: InvalidRow[] }> {
  const header = findHeader(text);
  if (!header) {
    throw new TransferError(
      'csv-unknown-header',
      'Rapport does not recognise the columns of this file. It reads Rapport CSV and vCard, LinkedIn Connections.csv, Google Contacts CSV and Outlook CSV.',
      1,
    );
  }
  const body = text.slice(header.offset);
  const records = await parseCsv(body, header.delimiter, header.line, {
    onProgress: (done, total) => options.onProgress?.({ phase: 'decode', done, total }),
  });
  markBadBytes(records, badLines);
  const kind = header.kind;
  const { rows, invalid } = await inSlices(records, (part) =>
    kind === 'rapport-contacts'
      ? decodeOurCsv(part, CONTACT_COLUMNS)
      : kind === 'rapport-interactions'
        ? decodeOurCsv(part, INTERACTION_COLUMNS)
        : decodeForeignCsv(kind, part),
  );
  if (where) {
    for (const row of rows) row.where = where;
    for (const row of invalid) row.where = where;
  }
  return { kind: header.kind, rows, invalid };
}

function windows1252Notice(decoded: DecodedImport, encoding: string): void {
  if (encoding === 'windows-1252') decoded.notices.push('The file is not UTF-8; it was read as Windows-1252 (Latin-1), as Excel saves CSV on Windows.');
}

async function decodeCsvText(text: string, encoding: string, options: DecodeOptions, badLines?: ReadonlySet<number>): Promise<DecodedImport> {
  const { kind, rows, invalid } = await decodeCsvFile(text, undefined, options, badLines);
  const format: ImportFormat = kind === 'rapport-contacts' || kind === 'rapport-interactions' ? 'rapport-csv' : FOREIGN_FORMAT[kind];
  const decoded = emptyDecoded(format, encoding);
  windows1252Notice(decoded, encoding);
  if (kind === 'rapport-interactions') decoded.interactions = rows;
  else decoded.contacts = rows;
  decoded.invalid = invalid;
  return decoded;
}

/** Our CSV zip (contacts.csv + interactions.csv), or a zip holding a single importable file. */
async function decodeZip(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedImport> {
  const files = unzip(bytes);
  const byBase = new Map([...files].map(([name, data]) => [name.split('/').pop()!.toLowerCase(), data]));
  const contacts = byBase.get('contacts.csv');
  const interactions = byBase.get('interactions.csv');
  if (contacts || interactions) {
    const decoded = emptyDecoded('rapport-csv', 'utf-8');
    for (const [name, data, target] of [
      ['contacts.csv', contacts, 'contacts'],
      ['interactions.csv', interactions, 'interactions'],
    ] as const) {
      if (!data) continue;
      const { text, encoding, badLines } = decodeText(data);
      if (!text.trim()) continue;
      windows1252Notice(decoded, encoding);
      const { rows, invalid } = await decodeCsvFile(text, name, options, badLines);
      decoded[target].push(...rows);
      decoded.invalid.push(...invalid);
    }
    return decoded;
  }
  if ([...byBase.keys()].some((name) => name.endsWith('.md'))) {
    throw new TransferError('zip-content', 'This is a Markdown export; Markdown is for reading. Import the JSON backup instead.');
  }
  if (files.size === 1) return decodeImport([...files.values()][0]!, options);
  throw new TransferError('zip-content', 'The zip holds no contacts.csv or interactions.csv (and more than one other file).');
}

export interface DecodeOptions {
  onProgress?: ProgressCallback;
}

/**
 * Outlook writes CSV in the Windows code page of its language: GBK for Chinese, Shift_JIS for
 * Japanese, and so on. A file that is not UTF-8 and whose header Windows-1252 doesn't make
 * readable is tried in those encodings; the one in which we recognise the header wins.
 */
const LEGACY_ENCODINGS = ['gb18030', 'shift_jis', 'big5', 'euc-kr', 'windows-1251', 'windows-1250', 'windows-1253', 'windows-1254', 'windows-1257'];

function legacyCsv(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  for (const encoding of LEGACY_ENCODINGS) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    if (findHeader(text)) return { text, encoding };
  }
  return undefined;
}

async function decodeByContent(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedImport> {
  if (isZip(bytes)) return decodeZip(bytes, options);
  const { text, encoding, badLines } = decodeText(bytes);
  if (!text.replace(/^\uFEFF/, '').trim()) throw new TransferError('empty', 'The file is empty (only blank lines).');
  if (looksLikeVCard(text.slice(0, 4096))) {
    // UTF-16 is re-encoded as UTF-8 for the byte-level reader; CHARSET= then no longer applies.
    const utf16 = encoding.startsWith('utf-16');
    const { rows, invalid, versions } = decodeVCards(utf16 ? utf8.encode(text) : bytes, { honourCharset: !utf16 });
    const decoded = emptyDecoded('vcard', encoding);
    decoded.contacts = rows;
    decoded.invalid = invalid;
    if (versions.size > 0) decoded.notices.push(`vCard ${[...versions].sort().join(', ')}`);
    if (utf16) decoded.notices.push(`The file is ${encoding.toUpperCase()}.`);
    return decoded;
  }
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') return decodeJson(text, encoding);
  if (encoding === 'windows-1252' && !findHeader(text)) {
    const legacy = legacyCsv(bytes);
    if (legacy) {
      const decoded = await decodeCsvText(legacy.text, legacy.encoding, options);
      decoded.notices.push(`The file is not UTF-8; it was read as ${legacy.encoding.toUpperCase()}, the encoding its column names are written in.`);
      return decoded;
    }
  }
  const decoded = await decodeCsvText(text, encoding, options, badLines);
  if (encoding.startsWith('utf-16')) decoded.notices.push(`The file is ${encoding.toUpperCase()}.`);
  return decoded;
}

const RECORD_TABLES = ['contacts', 'interactions', 'followUps', 'checks', 'companies', 'pipelines'] as const;

/**
 * Decodes a file's bytes into raw records, recognising the format from the content. Bad fields
 * of a contact are left out with a warning on its row (`fields.ts`). A file is refused only when
 * nothing in it can be read: then the first problem found is the reason, with its line.
 */
export async function decodeImport(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodedImport> {
  checkSize(bytes.length);
  const decoded = await decodeByContent(bytes, options);
  for (let start = 0; start < decoded.contacts.length; start += DECODE_SLICE) {
    if (start > 0) await yieldToUi();
    dropBadFieldsOfRows(decoded.contacts.slice(start, start + DECODE_SLICE));
  }
  const readable = RECORD_TABLES.some((table) => decoded[table].length > 0);
  const first = decoded.invalid[0];
  if (!readable && first) {
    const more = decoded.invalid.length > 1 ? ` (and ${decoded.invalid.length - 1} more rows that could not be read; nothing in the file could be)` : '';
    throw new TransferError(first.code ?? 'nothing-readable', `${first.reason}${more}`, first.line);
  }
  return decoded;
}

/** Reads a picked file (checking its size before reading it) and decodes it. */
export async function readImportFile(file: Blob, options: DecodeOptions = {}): Promise<DecodedImport> {
  checkSize(file.size);
  return decodeImport(new Uint8Array(await file.arrayBuffer()), options);
}
