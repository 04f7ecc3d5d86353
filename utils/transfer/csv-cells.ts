import Papa from 'papaparse';
import { yieldToUi } from './text';

/*
 * Formula-injection marker (OWASP "CSV injection"): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return as a formula. On export such a cell gets one leading
 * apostrophe, which spreadsheets show as text. To keep this reversible, a value that already starts
 * with apostrophes followed by one of those characters gets one more apostrophe too:
 *
 *   value on export            cell          value on re-import
 *   =SUM(A1)                   '=SUM(A1)     =SUM(A1)
 *   '=SUM(A1)                  ''=SUM(A1)    '=SUM(A1)
 *   'quoted                    'quoted       'quoted        (no formula character after the quotes)
 *
 * Re-importing our own CSV removes exactly one apostrophe from cells matching /^'+[=+\-@\t\r]/,
 * which is the inverse of the export rule. Files from other apps are read as they are.
 */
const NEEDS_MARKER = /^'*[=+\-@\t\r]/;
const HAS_MARKER = /^'+[=+\-@\t\r]/;

/** The cell text for a value: neutralised against formula injection. */
export function neutralizeFormula(value: string): string {
  return NEEDS_MARKER.test(value) ? `'${value}` : value;
}

/** The value of a cell written by `neutralizeFormula`. */
export function restoreFormula(cell: string): string {
  return HAS_MARKER.test(cell) ? cell.slice(1) : cell;
}

/*
 * Lists (emails, phones, tags, …) go into one cell as `a; b; c`. A `;` or `\` inside an item is
 * escaped with a backslash, so every item survives; items are trimmed (the schemas trim them too).
 */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === ';') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}

/** RFC 4180 rows (CRLF, quotes doubled, quoted when needed), cells already neutralised. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as string[][], { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}

/**
 * One CSV record with the line it starts on. A record the parser could not read (a stray or
 * unclosed quote) carries `error`, the reason, and `text`, the start of its line as written.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
  error?: string;
  text?: string;
}

/** The delimiter of a header line: comma, or semicolon / tab when those clearly dominate (German Excel saves `;`). */
export function guessDelimiter(headerLine: string): string {
  const count = (d: string) => headerLine.split(d).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/** Options of `parseCsv`: how often to give the event loop back, and progress in characters. */
export interface ParseCsvOptions {
  /** Rows between two macrotask yields (0 = never yield). */
  yieldEvery?: number;
  onProgress?: (doneChars: number, totalChars: number) => void;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * RFC 4180 reader that keeps going past a malformed record. Line breaks are CRLF, LF or a lone CR.
 * A field that opens with a quote and goes on after the quote closes (`"Asante" Ventures`), or a
 * quote that never closes, makes its record an error record; reading resumes on the line after
 * the one where the bad field opened, so one broken row costs only that row.
 */
export class CsvReader {
  private pos = 0;
  private line: number;
  private readonly delimiter: number;

  constructor(
    private readonly text: string,
    delimiter: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Characters read so far. */
  get offset(): number {
    return this.pos;
  }

  /** The next record, or `undefined` at the end. Blank lines are skipped. */
  next(): CsvRecord | undefined {
    for (;;) {
      if (this.pos >= this.text.length) return undefined;
      const record = this.record();
      if (record.error || record.cells.length > 1 || record.cells[0] !== '') return record;
    }
  }

  private record(): CsvRecord {
    const { text, delimiter } = this;
    const length = text.length;
    const start = this.line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(this.pos) === QUOTE) {
        const open = this.pos;
        const openLine = this.line;
        let value = '';
        let i = open + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) return this.fail(start, cells, open, openLine, 'a quoted field is never closed (a " character is missing)');
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        this.line += newlines(text, open, i);
        this.pos = i;
        const c = text.charCodeAt(i);
        if (i < length && c !== delimiter && c !== CR && c !== LF) {
          const end = text.slice(open, i + 20).split(/\r|\n/)[0];
          return this.fail(start, cells, open, openLine, `a field opens with a quote and goes on after it closes (${end}…)`);
        }
        cells.push(value);
      } else {
        let j = this.pos;
        while (j < length) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === CR || c === LF) break;
          j++;
        }
        cells.push(text.slice(this.pos, j));
        this.pos = j;
      }
      if (this.pos >= length) return { line: start, cells };
      const c = text.charCodeAt(this.pos);
      if (c === delimiter) {
        this.pos++;
        if (this.pos >= length) {
          cells.push('');
          return { line: start, cells };
        }
        continue;
      }
      this.pos += c === CR && text.charCodeAt(this.pos + 1) === LF ? 2 : 1;
      this.line++;
      return { line: start, cells };
    }
  }

  /** Gives up on a record: skips the rest of the physical line where the bad field opened. */
  private fail(start: number, cells: string[], open: number, openLine: number, error: string): CsvRecord {
    const { text } = this;
    let end = open;
    while (end < text.length && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== LF) end++;
    // Back to the start of the line (a scan, not lastIndexOf: a file without CR would be searched to its start).
    let lineStart = open;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== LF && text.charCodeAt(lineStart - 1) !== CR) lineStart--;
    const written = text.slice(Math.max(lineStart, open - 200), end).slice(0, 300);
    this.pos = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    this.line = openLine + 1;
    return { line: start, cells, error, text: written };
  }
}

/**
 * Parses CSV text and keeps, for every record, the line it starts on. A malformed record comes
 * back with `error` (see `CsvReader`); the others are read as usual. Every `yieldEvery` rows the
 * parser pauses for a macrotask, so a 100 000-row file doesn't freeze the page.
 */
export async function parseCsv(text: string, delimiter: string, firstLine = 1, options: ParseCsvOptions = {}): Promise<CsvRecord[]> {
  const reader = new CsvReader(text, delimiter, firstLine);
  const records: CsvRecord[] = [];
  const yieldEvery = options.yieldEvery ?? 5000;
  let sinceYield = 0;
  for (let record = reader.next(); record; record = reader.next()) {
    records.push(record);
    if (yieldEvery > 0 && ++sinceYield >= yieldEvery) {
      sinceYield = 0;
      options.onProgress?.(reader.offset, text.length);
      await yieldToUi();
    }
  }
  return records;
}

/**
 * Why a record can't be read as a row of a table with `columns` columns, if it can't: a parse
 * error, or more non-empty cells than the header has columns (the row's cells are shifted).
 */
export function recordProblem(record: CsvRecord, columns: number): string | undefined {
  if (record.error) return record.error;
  if (record.cells.length > columns && record.cells.slice(columns).some((c) => c.trim() !== '')) {
    return `${record.cells.length} cells but the header has ${columns} columns`;
  }
  return undefined;
}

/** The row as written, for the list of left-out rows (cells re-joined when the parser read them). */
export function recordText(record: CsvRecord): string {
  return (record.text ?? csvRows([record.cells]).replace(/\r\n$/, '')).slice(0, 500);
}
