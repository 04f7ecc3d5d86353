import { canonicalLinkedInUrl } from '../domain/normalize';
import type { CsvRecord } from './csv-cells';
import type { InvalidRow, Located } from './model';

/*
 * Contacts exported by other apps. Each mapping reads columns by header name (case-insensitive),
 * so column order and extra columns don't matter. English headers, plus the German ones Outlook
 * writes for German-speaking users.
 */

export type ForeignCsvKind = 'linkedin' | 'google' | 'outlook';

type Header = ReadonlyMap<string, number>;

/** Lower-cased, trimmed header name → column index (first occurrence). */
export function headerMap(cells: readonly string[]): Header {
  const map = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = cell.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (!map.has(key)) map.set(key, i);
  });
  return map;
}

/** Which app wrote a CSV with this header row, if we know it. */
export function foreignKind(header: Header): ForeignCsvKind | undefined {
  const has = (name: string) => header.has(name);
  if (has('first name') && has('last name') && has('url') && (has('connected on') || has('position'))) return 'linkedin';
  const keys = [...header.keys()];
  if (keys.some((k) => /^e-mail \d+ - (value|type|label)$/.test(k)) || (has('given name') && has('family name')) || has('organization name')) {
    return 'google';
  }
  if ((has('e-mail address') || has('e-mail-adresse')) && (has('first name') || has('vorname') || has('last name') || has('nachname'))) {
    return 'outlook';
  }
  return undefined;
}

function cell(cells: readonly string[], header: Header, ...names: string[]): string {
  for (const name of names) {
    const i = header.get(name);
    const value = i === undefined ? undefined : cells[i]?.trim();
    if (value) return value;
  }
  return '';
}

function cellsMatching(cells: readonly string[], header: Header, pattern: RegExp): string[] {
  const values: string[] = [];
  for (const [name, i] of header) {
    const value = cells[i]?.trim();
    if (pattern.test(name) && value) values.push(value);
  }
  return values;
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** LinkedIn writes "05 Mar 2024"; we keep a day `2024-03-05` (or the text as written). */
function linkedInDay(value: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]{3})\w* (\d{4})$/.exec(value);
  const month = m && MONTHS[m[2]!.toLowerCase()];
  return m && month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : value;
}

/** Values of a Google cell that holds several (`a ::: b`). */
function googleValues(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(' ::: ')).map((v) => v.trim()).filter(Boolean);
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

function nameOf(given: string, middle: string, family: string, ...fallbacks: string[]): string {
  return [given, middle, family].filter(Boolean).join(' ') || fallbacks.find(Boolean) || '';
}

function firstLinkedIn(values: readonly string[]): string | undefined {
  return values.find((v) => canonicalLinkedInUrl(v));
}

function mapLinkedIn(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, 'first name');
  const family = cell(cells, h, 'last name');
  const email = cell(cells, h, 'email address');
  const company = cell(cells, h, 'company');
  const connected = cell(cells, h, 'connected on');
  return {
    displayName: nameOf(given, '', family, email),
    givenName: given,
    familyName: family,
    linkedinUrl: cell(cells, h, 'url'),
    emails: email ? [email] : [],
    company,
    title: cell(cells, h, 'position'),
    about: connected ? `LinkedIn connection since ${linkedInDay(connected)}` : undefined,
  };
}

function mapGoogle(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, 'first name', 'given name');
  const middle = cell(cells, h, 'middle name', 'additional name');
  const family = cell(cells, h, 'last name', 'family name');
  const emails = googleValues(cellsMatching(cells, h, /^e-mail \d+ - value$/));
  const company = cell(cells, h, 'organization name', 'organization 1 - name');
  const labels = googleValues([cell(cells, h, 'labels', 'group membership')]).filter((l) => !l.startsWith('*'));
  return {
    displayName: nameOf(given, middle, family, cell(cells, h, 'name', 'file as', 'nickname'), company, emails[0] ?? ''),
    givenName: given,
    familyName: family,
    emails,
    phones: googleValues(cellsMatching(cells, h, /^phone \d+ - value$/)),
    company,
    title: cell(cells, h, 'organization title', 'organization 1 - title'),
    linkedinUrl: firstLinkedIn(googleValues(cellsMatching(cells, h, /^website \d+ - value$/))),
    location: cell(cells, h, 'address 1 - city'),
    tags: labels,
    about: cell(cells, h, 'notes'),
  };
}

function mapOutlook(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, 'first name', 'vorname');
  const middle = cell(cells, h, 'middle name', 'weitere vornamen');
  const family = cell(cells, h, 'last name', 'nachname');
  const emails = [
    cell(cells, h, 'e-mail address', 'e-mail-adresse'),
    cell(cells, h, 'e-mail 2 address', 'e-mail 2: adresse'),
    cell(cells, h, 'e-mail 3 address', 'e-mail 3: adresse'),
  ]
    // Exchange-internal addresses ("/o=ExchangeLabs/…") are not email addresses.
    .filter((e) => e && !e.startsWith('/'));
  const phones = cellsMatching(cells, h, /(phone|telefon)/).filter((_, i, all) => all.indexOf(all[i]!) === i);
  const company = cell(cells, h, 'company', 'firma');
  return {
    displayName: nameOf(given, middle, family, company, emails[0] ?? ''),
    givenName: given,
    familyName: family,
    emails,
    phones,
    company,
    title: cell(cells, h, 'job title', 'position'),
    linkedinUrl: firstLinkedIn([cell(cells, h, 'web page', 'webseite'), cell(cells, h, 'personal web page', 'persönliche webseite')]),
    location: cell(cells, h, 'business city', 'ort geschäftlich', 'location'),
    tags: cell(cells, h, 'categories', 'kategorien').split(';').map((t) => t.trim()).filter(Boolean),
    about: cell(cells, h, 'notes', 'notizen'),
  };
}

const MAPPERS: Record<ForeignCsvKind, (cells: readonly string[], header: Header) => Record<string, unknown>> = {
  linkedin: mapLinkedIn,
  google: mapGoogle,
  outlook: mapOutlook,
};

/** Raw contact records from another app's CSV (header row first). */
export function decodeForeignCsv(kind: ForeignCsvKind, records: readonly CsvRecord[]): { rows: Located[]; invalid: InvalidRow[] } {
  const [head, ...body] = records;
  const header = headerMap(head?.cells ?? []);
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  for (const record of body) {
    if (record.cells.every((c) => !c.trim())) continue;
    const value = compact(MAPPERS[kind](record.cells, header));
    if (!value.displayName) invalid.push({ line: record.line, reason: 'no name, email address or company' });
    else rows.push({ line: record.line, value });
  }
  return { rows, invalid };
}
