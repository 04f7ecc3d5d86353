import { TransferError } from './errors';

/**
 * Largest file we import. The whole file is read into memory and parsed there; above this a
 * browser tab risks running out of memory, and a user is better served by splitting the file.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Some runtimes (Node built with small ICU)
// decode "windows-1252" as Latin-1, so we map that range ourselves; browsers already agree.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Decodes Windows-1252 (what Excel on Windows saves as "CSV") exactly, in every runtime. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin = new TextDecoder('latin1').decode(bytes);
  return latin.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Decodes file bytes: a BOM decides (UTF-8, UTF-16), otherwise strict UTF-8, and bytes that are
 * not valid UTF-8 mean a legacy Excel file, read as Windows-1252 (a superset of Latin-1).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

/** Refuses empty and oversized files before anything is parsed. */
export function checkSize(size: number): void {
  if (size === 0) throw new TransferError('empty', 'The file is empty.');
  if (size > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw new TransferError(
      'too-large',
      `The file is ${mb(size)} MB; Rapport imports files up to ${mb(MAX_IMPORT_BYTES)} MB. Split it into smaller files.`,
    );
  }
}

/** Maps character offsets to 1-based line numbers (binary search over newline positions). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string, private readonly firstLine = 1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + this.firstLine;
  }
}

/**
 * Lets the browser paint and handle input between chunks of work. A macrotask, not a microtask:
 * awaiting a resolved promise would never give the event loop back.
 */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Standard UTF-8 encoder, shared. */
export const utf8 = new TextEncoder();
