import Papa from 'papaparse';
import { decodeOurCsv, INTERACTION_COLUMNS, CONTACT_COLUMNS, isOurContactsHeader, isOurInteractionsHeader } from './csv';
import { guessDelimiter, parseCsv, type CsvRecord } from './csv-cells';
import { decodeForeignCsv, foreignKind, headerMap, type ForeignCsvKind } from './csv-foreign';
import { TransferError } from './errors';
import { decodeJson } from './json';
import { emptyDecoded, type DecodedImport, type ImportFormat, type InvalidRow, type Located, type ProgressCallback } from './model';
import { checkSize, decodeText, utf8, yieldToUi } from './text';
import { decodeVCards, looksLikeVCard } from './vcard';
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
      const cells = (Papa.parse<string[]>(row, { delimiter }).data[0] ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
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

async function decodeCsvFile(text: string, where: string | undefined, options: DecodeOptions): Promise<{ kind: CsvKind; rows: Located[]; invalid: InvalidRow[] }> {
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

async function decodeCsvText(text: string, encoding: string, options: DecodeOptions): Promise<DecodedImport> {
  const { kind, rows, invalid } = await decodeCsvFile(text, undefined, options);
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
      const { text, encoding } = decodeText(data);
      if (!text.trim()) continue;
      windows1252Notice(decoded, encoding);
      const { rows, invalid } = await decodeCsvFile(text, name, options);
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

/** Decodes a file's bytes into raw records, recognising the format from the content. */
export async function decodeImport(bytes: Uint8Array, options: DecodeOptions = {}): Promise<DecodedImport> {
  checkSize(bytes.length);
  if (isZip(bytes)) return decodeZip(bytes, options);
  const { text, encoding } = decodeText(bytes);
  if (!text.replace(/^\uFEFF/, '').trim()) throw new TransferError('empty', 'The file is empty (only blank lines).');
  if (looksLikeVCard(text.slice(0, 4096))) {
    const { rows, invalid, versions } = decodeVCards(encoding.startsWith('utf-16') ? utf8.encode(text) : bytes);
    const decoded = emptyDecoded('vcard', encoding);
    decoded.contacts = rows;
    decoded.invalid = invalid;
    if (versions.size > 0) decoded.notices.push(`vCard ${[...versions].sort().join(', ')}`);
    return decoded;
  }
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') return decodeJson(text, encoding);
  return decodeCsvText(text, encoding, options);
}

/** Reads a picked file (checking its size before reading it) and decodes it. */
export async function readImportFile(file: Blob, options: DecodeOptions = {}): Promise<DecodedImport> {
  checkSize(file.size);
  return decodeImport(new Uint8Array(await file.arrayBuffer()), options);
}
