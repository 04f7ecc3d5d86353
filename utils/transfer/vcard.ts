import type { Contact } from '../domain/contact';
import { canonicalLinkedInUrl } from '../domain/normalize';
import type { InvalidRow, Located } from './model';
import { joinName } from './fields';
import { decodeCharset, decodeWindows1252, utf8 } from './text';

/*
 * vCard 4.0 (RFC 6350) and 3.0 (RFC 2426), written and read by hand: the codecs on npm we looked at
 * either don't fold by octets or split UTF-8 sequences when they fold. What a card carries:
 * UID (our id), FN, N, EMAIL*, TEL*, ORG, TITLE, URL (LinkedIn), NOTE, CATEGORIES, ADR (locality =
 * location), LANG (4.0 only). Line breaks in values are written as `\n`; a CR becomes a line feed.
 */

export type VCardVersion = '4.0' | '3.0';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a text value (RFC 6350 §3.4): backslash, line break, comma, semicolon. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (continuations start with a
 * space, which counts). Breaks only between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (utf8.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** One contact as a vCard (CRLF line ends, folded). */
export function encodeVCard(contact: Contact, version: VCardVersion = '4.0'): string {
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, `UID:${escapeText(contact.id)}`, `FN:${escapeText(contact.displayName)}`];
  if (contact.givenName || contact.familyName || version === '3.0') {
    lines.push(`N:${escapeText(contact.familyName ?? '')};${escapeText(contact.givenName ?? '')};;;`);
  }
  for (const email of contact.emails) lines.push(version === '3.0' ? `EMAIL;TYPE=INTERNET:${escapeText(email)}` : `EMAIL:${escapeText(email)}`);
  for (const phone of contact.phones) lines.push(version === '3.0' ? `TEL:${escapeText(phone)}` : `TEL;VALUE=text:${escapeText(phone)}`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.linkedinUrl) lines.push(`URL:${contact.linkedinUrl}`);
  if (contact.location) lines.push(`ADR:;;;${escapeText(contact.location)};;;`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  if (contact.about) lines.push(`NOTE:${escapeText(contact.about)}`);
  if (version === '4.0' && contact.preferences.language) lines.push(`LANG:${contact.preferences.language}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Reverses `escapeText` (and tolerates `\N`, `\:` and stray backslashes written by other apps). */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits at delimiters that are not escaped, without unescaping. */
function splitUnescaped(value: string, delimiter: ',' | ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[++i];
    } else if (c === delimiter) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** One content line after unfolding, as bytes (its charset is known only once its parameters are read). */
interface LogicalLine {
  line: number;
  bytes: Uint8Array;
}

const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const COLON = 0x3a;

function ascii(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** True when the property part (before the first colon) of a content line says QUOTED-PRINTABLE. */
function isQuotedPrintable(bytes: Uint8Array): boolean {
  const colon = bytes.indexOf(COLON);
  return colon > 0 && /QUOTED-PRINTABLE/i.test(ascii(bytes.subarray(0, colon)));
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * Splits the file into logical lines at the byte level, keeping the physical line number where
 * each starts. Two kinds of continuation are joined: folding (the next line starts with a space
 * or tab; a producer that folded inside a UTF-8 sequence still reads right) and, first, vCard 2.1
 * quoted-printable soft line breaks (a QUOTED-PRINTABLE value whose line ends with `=` goes on
 * at the start of the next line, which is not indented).
 */
export function unfoldVCardBytes(bytes: Uint8Array): LogicalLine[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines: { line: number; chunks: Uint8Array[] }[] = [];
  let lineNo = 0;
  let softBreak = false;
  for (let pos = start; pos < bytes.length; ) {
    let end = bytes.indexOf(0x0a, pos);
    if (end === -1) end = bytes.length;
    lineNo++;
    let stop = end;
    if (stop > pos && bytes[stop - 1] === 0x0d) stop--;
    const physical = bytes.subarray(pos, stop);
    pos = end + 1;
    const previous = lines[lines.length - 1];
    const endsWithEquals = physical.length > 0 && physical[physical.length - 1] === EQUALS;
    if (softBreak && previous && physical.length > 0 && !/^(BEGIN|END):VCARD\s*$/i.test(ascii(physical.subarray(0, 12)))) {
      // The `=` that announced the break is not part of the value.
      const last = previous.chunks.length - 1;
      previous.chunks[last] = previous.chunks[last]!.subarray(0, previous.chunks[last]!.length - 1);
      previous.chunks.push(physical);
      softBreak = endsWithEquals;
      continue;
    }
    if ((physical[0] === SPACE || physical[0] === TAB) && previous) {
      previous.chunks.push(physical.subarray(1));
      softBreak = endsWithEquals && isQuotedPrintable(concat(previous.chunks));
      continue;
    }
    lines.push({ line: lineNo, chunks: [physical] });
    softBreak = endsWithEquals && isQuotedPrintable(physical);
  }
  return lines.map(({ line, chunks }) => ({ line, bytes: concat(chunks) }));
}

interface Property {
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** The value decoded to text (quoted-printable and CHARSET= applied); empty for binary values. */
  value: string;
  binary: boolean;
}

/** Bare parameters of vCard 2.1 (`TEL;WORK;VOICE:`, `;QUOTED-PRINTABLE:`) and what they stand for. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Properties whose value is binary (a photo, a logo, a key): read past, never kept. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

function decodeQuotedPrintable(value: string): Uint8Array {
  // A soft break at the very end of a value (some writers leave one before a blank line) is no character.
  const text = value.endsWith('=') ? value.slice(0, -1) : value;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === EQUALS && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return new Uint8Array(bytes);
}

function decodeBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Text of value bytes: the card's CHARSET= when the browser knows it, else UTF-8, else Windows-1252. */
function decodeValue(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    const text = decodeCharset(bytes, charset);
    if (text !== undefined) return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Reads one content line; `undefined` when it is not `[group.]NAME[;params]:value`. */
function parseProperty(bytes: Uint8Array, honourCharset: boolean): Property | undefined {
  // The property part is ASCII; a colon inside a quoted parameter value doesn't end it.
  let colon = -1;
  let inQuotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === COLON && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const head = ascii(bytes.subarray(0, colon));
  const [rawName = '', ...rawParams] = head.split(';');
  const named = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/.exec(rawName.trim());
  if (!named) return undefined;
  const name = named[2]!.toUpperCase();
  const params = new Map<string, string[]>();
  const add = (key: string, value: string) => params.set(key, [...(params.get(key) ?? []), value]);
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq === -1) {
      const bare = param.trim().toUpperCase();
      add(BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', bare);
    } else {
      add(param.slice(0, eq).trim().toUpperCase(), param.slice(eq + 1).trim().replace(/^"|"$/g, ''));
    }
  }
  const raw = bytes.subarray(colon + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  const charset = honourCharset ? params.get('CHARSET')?.[0] : undefined;
  const base64 = encoding === 'B' || encoding === 'BASE64';
  if (BINARY.has(name) || (base64 && name.startsWith('X-'))) return { group: named[1] ?? '', name, params, value: '', binary: true };
  let valueBytes: Uint8Array = raw;
  if (encoding === 'QUOTED-PRINTABLE') valueBytes = decodeQuotedPrintable(ascii(raw));
  else if (base64) valueBytes = decodeBase64(ascii(raw)) ?? raw;
  let value = decodeValue(valueBytes, charset);
  // Quoted-printable carries real line breaks (=0D=0A); a contact keeps `\n`.
  if (encoding === 'QUOTED-PRINTABLE') value = value.replace(/\r\n?/g, '\n');
  return { group: named[1] ?? '', name, params, value, binary: base64 };
}

/** Builds the raw contact of one card. */
function cardToRecord(properties: readonly Property[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const emails: string[] = [];
  const phones: string[] = [];
  const tags: string[] = [];
  const notes: string[] = [];
  for (const property of properties) {
    const value = property.value;
    const text = () => unescapeText(value).trim();
    // Structured values: `;` separates components, an unescaped `,` separates a component's values.
    const components = () =>
      splitUnescaped(value, ';').map((part) =>
        splitUnescaped(part, ',')
          .map((v) => unescapeText(v).trim())
          .filter(Boolean)
          .join(' '),
      );
    switch (property.name) {
      case 'UID':
        // Only our own ids are kept; another app's UID is not a Rapport contact id.
        if (/^ct_[\w-]{1,96}$/.test(text())) record.id = text();
        break;
      case 'FN':
        record.displayName ??= text() || undefined;
        break;
      case 'N': {
        const [family = '', given = ''] = components();
        if (family) record.familyName ??= family;
        if (given) record.givenName ??= given;
        break;
      }
      case 'EMAIL':
        if (text()) emails.push(text());
        break;
      case 'TEL': {
        // 4.0 writes phones as `tel:` URIs unless VALUE=text says otherwise.
        const tel = property.params.get('VALUE')?.[0]?.toLowerCase() === 'text' ? text() : text().replace(/^tel:/i, '');
        if (tel) phones.push(tel);
        break;
      }
      case 'ORG':
        record.company ??= components()[0] || undefined;
        break;
      case 'TITLE':
        record.title ??= text() || undefined;
        break;
      case 'URL':
      case 'X-SOCIALPROFILE':
        // Grouped URLs (`item2.URL` with `item2.X-ABLabel:LinkedIn`) come here too; only a LinkedIn profile is kept.
        if (!record.linkedinUrl && canonicalLinkedInUrl(text())) record.linkedinUrl = text();
        break;
      case 'ADR':
        record.location ??= components()[3] || undefined;
        break;
      case 'CATEGORIES':
        tags.push(...splitUnescaped(value, ',').map((t) => unescapeText(t).trim()).filter(Boolean));
        break;
      case 'NOTE':
        if (unescapeText(value)) notes.push(unescapeText(value));
        break;
      case 'LANG':
        if (text()) record.preferences = { language: text() };
        break;
    }
  }
  if (emails.length > 0) record.emails = emails;
  if (phones.length > 0) record.phones = phones;
  if (tags.length > 0) record.tags = tags;
  if (notes.length > 0) record.about = notes.join('\n\n');
  if (!record.displayName) {
    const name = joinName(record.givenName as string | undefined, '', record.familyName as string | undefined);
    record.displayName = name || emails[0] || record.company;
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
}

/** Options of `decodeVCards`. */
export interface DecodeVCardOptions {
  /** False when the bytes were re-encoded from UTF-16: a card's CHARSET= no longer describes them. */
  honourCharset?: boolean;
}

/**
 * Reads every card of a .vcf file, keeping what can be read. A card without END:VCARD, text
 * outside any card or a stray END become invalid rows with their line; a line inside a card that
 * is not a property (and not the unindented tail of a base64 photo) is left out with a warning on
 * that card. The caller refuses the file only when nothing in it could be read.
 */
export function decodeVCards(bytes: Uint8Array, options: DecodeVCardOptions = {}): { rows: Located[]; invalid: InvalidRow[]; versions: Set<string> } {
  const honourCharset = options.honourCharset ?? true;
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  const versions = new Set<string>();
  let card: { line: number; properties: Property[]; warnings: string[] } | undefined;
  let outside: { line: number; text: string } | undefined;
  const flushOutside = () => {
    if (outside) invalid.push({ line: outside.line, reason: 'text outside BEGIN:VCARD … END:VCARD', text: outside.text, code: 'vcard-syntax' });
    outside = undefined;
  };
  const noEnd = (why: string) => {
    if (card) invalid.push({ line: card.line, reason: `the card that begins here has no END:VCARD ${why}`, code: 'vcard-no-end' });
    card = undefined;
  };
  for (const { line, bytes: lineBytes } of unfoldVCardBytes(bytes)) {
    const head = ascii(lineBytes.subarray(0, 16)).trim().toUpperCase();
    if (lineBytes.every((b) => b === SPACE || b === TAB)) continue;
    if (head === 'BEGIN:VCARD') {
      flushOutside();
      noEnd('before the next BEGIN:VCARD');
      card = { line, properties: [], warnings: [] };
      continue;
    }
    if (head === 'END:VCARD') {
      if (!card) {
        flushOutside();
        invalid.push({ line, reason: 'END:VCARD without a BEGIN:VCARD before it', code: 'vcard-syntax' });
        continue;
      }
      const record = cardToRecord(card.properties);
      if (record.displayName) rows.push({ line: card.line, value: record, ...(card.warnings.length ? { warnings: card.warnings } : {}) });
      else invalid.push({ line: card.line, reason: 'the card has no name (FN or N), email address or organisation' });
      card = undefined;
      continue;
    }
    if (!card) {
      outside ??= { line, text: decodeValue(lineBytes, undefined).slice(0, 200) };
      continue;
    }
    const property = parseProperty(lineBytes, honourCharset);
    if (!property) {
      // Some writers don't indent the lines of a base64 photo: they belong to the photo.
      const last = card.properties[card.properties.length - 1];
      if (last?.binary && /^[A-Za-z0-9+/=\s]+$/.test(ascii(lineBytes))) continue;
      card.warnings.push(`line ${line}: "${decodeValue(lineBytes, undefined).slice(0, 40)}" is not a vCard property (NAME:value); left out`);
      continue;
    }
    if (property.name === 'VERSION') versions.add(property.value.trim());
    card.properties.push(property);
  }
  flushOutside();
  noEnd('(the file ends inside it)');
  return { rows, invalid, versions };
}

/** True when the text (after BOM and blank lines) starts a vCard. */
export function looksLikeVCard(head: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(head.split(/\r?\n/).find((l) => l.trim()) ?? '');
}
