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
 * UTF-16 without a byte order mark (Outlook and some Windows tools write it): text that is mostly
 * ASCII then has a zero byte in every other position. Looks at the first 4 KB.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Where bytes are not valid UTF-8: the 1-based lines holding a bad sequence, and how many valid
 * multi-byte sequences there are (a legacy 8-bit file has none or almost none).
 */
function utf8Damage(bytes: Uint8Array): { badLines: Set<number>; bad: number; multibyte: number } {
  const badLines = new Set<number>();
  let bad = 0;
  let multibyte = 0;
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const size = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = size > 0 && i + size <= bytes.length;
    for (let k = 1; ok && k < size; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += size;
    } else {
      bad++;
      badLines.add(line);
      i++;
    }
  }
  return { badLines, bad, multibyte };
}

/** What `decodeText` found. `badLines`: lines of a UTF-8 file that hold bytes that are not UTF-8. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  badLines?: ReadonlySet<number>;
}

/**
 * Decodes file bytes: a BOM decides (UTF-8, UTF-16); UTF-16 without a BOM is recognised by its
 * zero bytes; otherwise UTF-8. A file with bytes that are not UTF-8 is a legacy Excel file (read
 * as Windows-1252, a superset of Latin-1) unless it is mostly valid UTF-8 with a few damaged
 * fields: then it stays UTF-8 and `badLines` names the lines whose rows are left out.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const damage = utf8Damage(body);
    if (damage.multibyte >= damage.bad) {
      return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', badLines: damage.badLines };
    }
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);

/**
 * Decodes bytes in a named character set (a vCard `CHARSET=` parameter), with every encoding the
 * browser's `TextDecoder` knows; `undefined` when the label is unknown or the bytes don't fit it.
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string | undefined {
  const label = charset.trim().toLowerCase();
  if (LATIN1_LABELS.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Refuses empty and oversized files before anything is parsed. */
export function checkSize(size: number): void {
  if (size === 0) throw new TransferError('empty', 'The file is empty.');
  if (size > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw new TransferError(
      'too-large',
      `The file is ${mb(size)} MB; Rapport imports files up to ${mb(MAX_IMPORT_BYTES)} MB (a Rapport JSON backup of any size restores into an empty notebook). Split it into smaller files.`,
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
