import Papa from 'papaparse';
import { TransferError } from './errors';
import { LineIndex } from './text';

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

/** One CSV record with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
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

/**
 * Parses CSV text with papaparse and keeps, for every record, the line it starts on. A quote
 * that is never closed or a stray quote refuses the whole file, naming the line. Every
 * `yieldEvery` rows the parser pauses for a macrotask, so a 100 000-row file doesn't freeze the page.
 */
export function parseCsv(text: string, delimiter: string, firstLine = 1, options: ParseCsvOptions = {}): Promise<CsvRecord[]> {
  const lines = new LineIndex(text, firstLine);
  const records: CsvRecord[] = [];
  const yieldEvery = options.yieldEvery ?? 5000;
  // After a pause papaparse counts its cursor from where it resumed: `base` makes it absolute.
  let base = 0;
  let start = 0;
  let rowsSinceYield = 0;
  return new Promise((resolve, reject) => {
    let failure: TransferError | undefined;
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          const at = typeof quoteError.index === 'number' ? base + quoteError.index : start;
          failure =
            quoteError.code === 'MissingQuotes'
              ? new TransferError('broken-quote', 'a quoted field is never closed (a missing " character); the rest of the file would be read as one cell.', lines.lineAt(start))
              : new TransferError('broken-quote', 'a " character appears inside a field that is not quoted correctly.', lines.lineAt(at));
          parser.abort();
          return;
        }
        const cells = result.data;
        if (!(cells.length === 1 && cells[0] === '')) records.push({ line: lines.lineAt(start), cells });
        // papaparse's cursor is just after this record's line break: where the next one starts.
        start = base + result.meta.cursor;
        if (yieldEvery > 0 && ++rowsSinceYield >= yieldEvery) {
          rowsSinceYield = 0;
          base = start;
          options.onProgress?.(start, text.length);
          parser.pause();
          setTimeout(() => parser.resume(), 0);
        }
      },
      complete: () => (failure ? reject(failure) : resolve(records)),
      error: (error: Error) => reject(error),
    });
  });
}
