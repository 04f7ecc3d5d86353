import type { Contact } from '../domain/contact';
import { canonicalLinkedInUrl } from '../domain/normalize';
import { TransferError } from './errors';
import type { InvalidRow, Located } from './model';
import { decodeWindows1252, utf8 } from './text';

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

interface LogicalLine {
  line: number;
  text: string;
}

function decodeLine(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Splits the file into logical lines, unfolding at the byte level (so a producer that folded in
 * the middle of a UTF-8 sequence still reads right) and keeping the physical line number.
 */
export function unfoldVCardBytes(bytes: Uint8Array): LogicalLine[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const lines: { line: number; chunks: Uint8Array[] }[] = [];
  let lineNo = 0;
  for (let pos = start; pos < bytes.length; ) {
    let end = bytes.indexOf(0x0a, pos);
    if (end === -1) end = bytes.length;
    lineNo++;
    let stop = end;
    if (stop > pos && bytes[stop - 1] === 0x0d) stop--;
    const physical = bytes.subarray(pos, stop);
    const previous = lines[lines.length - 1];
    if ((physical[0] === 0x20 || physical[0] === 0x09) && previous) previous.chunks.push(physical.subarray(1));
    else lines.push({ line: lineNo, chunks: [physical] });
    pos = end + 1;
  }
  return lines.map(({ line, chunks }) => {
    const size = chunks.reduce((n, c) => n + c.length, 0);
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    return { line, text: decodeLine(joined) };
  });
}

interface Property {
  name: string;
  params: Map<string, string>;
  value: string;
}

function parseProperty(text: string): Property | undefined {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const [rawName = '', ...rawParams] = text.slice(0, colon).split(';');
  const name = rawName.replace(/^[^.]*\./, '').toUpperCase();
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq === -1) params.set('TYPE', param.toUpperCase());
    else params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return { name, params, value: text.slice(colon + 1) };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...utf8.encode(text[i]!));
  }
  return decodeLine(new Uint8Array(bytes));
}

/** Builds the raw contact of one card. */
function cardToRecord(properties: readonly Property[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const emails: string[] = [];
  const phones: string[] = [];
  const tags: string[] = [];
  const notes: string[] = [];
  for (const property of properties) {
    const value = property.params.get('ENCODING')?.toUpperCase() === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(property.value) : property.value;
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
        record.displayName = text();
        break;
      case 'N': {
        const [family = '', given = ''] = components();
        if (family) record.familyName = family;
        if (given) record.givenName = given;
        break;
      }
      case 'EMAIL':
        if (text()) emails.push(text());
        break;
      case 'TEL': {
        // 4.0 writes phones as `tel:` URIs unless VALUE=text says otherwise.
        const tel = property.params.get('VALUE')?.toLowerCase() === 'text' ? text() : text().replace(/^tel:/i, '');
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
    const name = [record.givenName, record.familyName].filter(Boolean).join(' ');
    record.displayName = name || emails[0] || record.company;
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * Reads every card of a .vcf file. A card without END:VCARD, or text outside any card, refuses the
 * whole file with the line where the problem starts.
 */
export function decodeVCards(bytes: Uint8Array): { rows: Located[]; invalid: InvalidRow[]; versions: Set<string> } {
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  const versions = new Set<string>();
  let card: { line: number; properties: Property[] } | undefined;
  for (const { line, text } of unfoldVCardBytes(bytes)) {
    if (!text.trim()) continue;
    const property = parseProperty(text);
    const upper = text.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) throw new TransferError('vcard-no-end', 'the card that begins here has no END:VCARD before the next BEGIN:VCARD.', card.line);
      card = { line, properties: [] };
      continue;
    }
    if (upper === 'END:VCARD') {
      if (!card) throw new TransferError('vcard-syntax', 'END:VCARD without a BEGIN:VCARD before it.', line);
      const record = cardToRecord(card.properties);
      if (record.displayName) rows.push({ line: card.line, value: record });
      else invalid.push({ line: card.line, reason: 'the card has no name (FN or N), email address or organisation' });
      card = undefined;
      continue;
    }
    if (!card) throw new TransferError('vcard-syntax', 'text outside BEGIN:VCARD … END:VCARD.', line);
    if (!property) throw new TransferError('vcard-syntax', `"${text.slice(0, 40)}" is not a vCard property (NAME:value).`, line);
    if (property.name === 'VERSION') versions.add(property.value.trim());
    card.properties.push(property);
  }
  if (card) throw new TransferError('vcard-no-end', 'the card that begins here has no END:VCARD (the file ends inside it).', card.line);
  return { rows, invalid, versions };
}

/** True when the text (after BOM and blank lines) starts a vCard. */
export function looksLikeVCard(head: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(head.split(/\r?\n/).find((l) => l.trim()) ?? '');
}
