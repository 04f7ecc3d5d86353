import { canonicalLinkedInUrl } from '../domain/normalize';
import { recordProblem, recordText, type CsvRecord } from './csv-cells';
import { joinName } from './fields';
import type { InvalidRow, Located } from './model';

/*
 * Contacts exported by other apps. Columns are read by header name, so column order and extra
 * columns don't matter. LinkedIn writes English headers (2018: no URL column; since 2020 with
 * URL). Google Contacts writes English headers in its own CSV and localised Outlook headers in
 * its "Outlook CSV". Outlook writes its headers in the user's language; the names below are the
 * ones Outlook (desktop, 2007–365) and Outlook.com write in English, German, French, Spanish,
 * Italian, Dutch, Portuguese, Chinese and Japanese (several languages keep "E-mail Address" for
 * the first address). Where the names vary too much (e-mail and phone columns) a column is
 * recognised by the words it contains.
 */

export type ForeignCsvKind = 'linkedin' | 'google' | 'outlook';

type Header = ReadonlyMap<string, number>;

/** A header cell as compared: NFKC (full-width → ASCII), lower case, single spaces. */
function headerKey(cell: string): string {
  return cell.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Normalised header name → column index (first occurrence). */
export function headerMap(cells: readonly string[]): Header {
  const map = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key && !map.has(key)) map.set(key, i);
  });
  return map;
}

// Column names per field, every language we read (compared after `headerKey`).
const GIVEN = ['first name', 'given name', 'firstname', 'vorname', 'prénom', 'nombre', 'nome', 'primeiro nome', 'nome próprio', 'voornaam', '名'];
const MIDDLE = ['middle name', 'additional name', 'weitere vornamen', 'deuxième prénom', 'segundo nombre', 'secondo nome', 'segundo nome', 'middelste naam', 'tussenvoegsel', 'ミドル ネーム', '中间名', '中間名'];
const FAMILY = ['last name', 'family name', 'surname', 'lastname', 'nachname', 'nom', 'nom de famille', 'apellidos', 'apellido', 'cognome', 'sobrenome', 'apelido', 'último nome', 'achternaam', '姓'];
const FULL_NAME = ['name', 'full name', 'display name', 'file as', 'nickname', 'anzeigename', 'vollständiger name', 'nom complet', 'nombre completo', 'nome completo', 'volledige naam', '氏名', '名前', '姓名', '表示名', '显示名称'];
const COMPANY = ['company', 'organization name', 'organization 1 - name', 'firma', 'unternehmen', 'société', 'entreprise', 'organización', 'compañía', 'empresa', 'società', 'azienda', 'bedrijf', '会社', '会社名', '勤務先', '公司', '单位', '單位'];
const JOB_TITLE = ['job title', 'organization title', 'organization 1 - title', 'position', 'fonction', 'titre', 'puesto', 'cargo', 'posizione', 'qualifica', 'functie', '役職', '职务', '職稱', '職務'];
const NOTES = ['notes', 'notizen', 'notas', 'note', 'notities', 'anotações', 'observações', 'メモ', '附注', '备注', '備註', '附註'];
const CATEGORIES = ['categories', 'kategorien', 'catégories', 'categorías', 'categorie', 'categorieën', 'categorien', 'categorias', '分類', '类别', '類別'];

const EMAIL_WORD = /(e-?mail|messagerie|correo|posta elettronica|correio|メール|邮件|郵件|电邮|電郵)/;
const NOT_AN_ADDRESS = /(type|typ|tipo|label|display|anzeige|angezeigt|nom|naam|name|表示|显示|顯示|类型|類型|種類|名)/;
const PHONE_WORD = /(phone|telefon|telefoon|téléphone|tél|teléfono|telefone|telefono|cellulare|móvil|celular|mobil|handy|portable|電話|电话|手机|手機|携帯|particular)/;
const NOT_A_PHONE = /(fax|télécopie|pager|radio|telex|télex|tty|tdd|isdn|rnis|callback|rappel|type|label|assist)/;
const WEB_WORD = /(web|url|site|linkedin|ページ|网页|網頁|主页|首頁)/;
const CITY_WORD = /(city|(^| )ort( |$)|ville|ciudad|città|plaats|cidade|市区町村|城市|市\/縣)/;
const BUSINESS_WORD = /(business|geschäft|bureau|trabajo|uff|werk|comercial|勤務|商务|商務)/;

function columns(header: Header, test: (name: string) => boolean): number[] {
  return [...header].filter(([name]) => test(name)).map(([, i]) => i).sort((a, b) => a - b);
}

const isEmailColumn = (name: string) => EMAIL_WORD.test(name) && !NOT_AN_ADDRESS.test(name);
const isPhoneColumn = (name: string) => PHONE_WORD.test(name) && !NOT_A_PHONE.test(name);

/** Which app wrote a CSV with this header row, if we know it. */
export function foreignKind(header: Header): ForeignCsvKind | undefined {
  const has = (name: string) => header.has(name);
  const hasAny = (names: readonly string[]) => names.some(has);
  // LinkedIn Connections.csv: 2018 (no URL), 2020–2024 (with URL).
  if (has('first name') && has('last name') && (has('connected on') || (has('url') && has('position')))) return 'linkedin';
  const keys = [...header.keys()];
  // Column names are short; a line of prose (LinkedIn's notes above its header) is not a header.
  if (keys.some((k) => k.length > 60)) return undefined;
  if (keys.some((k) => /^e-mail \d+ - (value|type|label)$/.test(k)) || (has('given name') && has('family name')) || has('organization name')) {
    return 'google';
  }
  const emailColumns = keys.filter(isEmailColumn);
  const named = hasAny(GIVEN) || hasAny(FAMILY) || hasAny(FULL_NAME);
  // Outlook: an e-mail column (some exports hold nothing else), or names with a company or phone.
  if (emailColumns.length > 0 && (named || hasAny(COMPANY) || keys.every((k) => isEmailColumn(k) || EMAIL_WORD.test(k)))) return 'outlook';
  if ((hasAny(GIVEN) || hasAny(FAMILY)) && (hasAny(COMPANY) || keys.some(isPhoneColumn))) return 'outlook';
  return undefined;
}

function cell(cells: readonly string[], header: Header, names: readonly string[]): string {
  for (const name of names) {
    const i = header.get(name);
    const value = i === undefined ? undefined : cells[i]?.trim();
    if (value) return value;
  }
  return '';
}

function values(cells: readonly string[], indexes: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of indexes) {
    const value = cells[i]?.trim();
    if (value && !out.includes(value)) out.push(value);
  }
  return out;
}

function cellsMatching(cells: readonly string[], header: Header, pattern: RegExp): string[] {
  return values(cells, columns(header, (name) => pattern.test(name)));
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** LinkedIn writes "05 Mar 2024" (2018: "Mar 5, 2018"); we keep a day `2024-03-05`, or the text as written. */
const days = new Map<string, string>();

function linkedInDay(value: string): string {
  let day = days.get(value);
  if (day === undefined) {
    day = parseLinkedInDay(value);
    // Exports hold a few thousand distinct dates at most; the cache stays small.
    if (days.size < 20_000) days.set(value, day);
  }
  return day;
}

function parseLinkedInDay(value: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]{3})\w* (\d{4})$/.exec(value);
  const month = m && MONTHS[m[2]!.toLowerCase()];
  if (m && month) return `${m[3]}-${month}-${m[1]!.padStart(2, '0')}`;
  // The 2018 export: "Mar 5, 2018".
  const old = /^([A-Za-z]{3})\w* (\d{1,2}), (\d{4})$/.exec(value);
  const oldMonth = old && MONTHS[old[1]!.toLowerCase()];
  return old && oldMonth ? `${old[3]}-${oldMonth}-${old[2]!.padStart(2, '0')}` : value;
}

/** Values of a Google cell that holds several (`a ::: b`). */
function googleValues(list: readonly string[]): string[] {
  return list.flatMap((v) => v.split(' ::: ')).map((v) => v.trim()).filter(Boolean);
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const v = record[key];
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) out[key] = v;
  }
  return out;
}

function nameOf(given: string, middle: string, family: string, ...fallbacks: string[]): string {
  return joinName(given, middle, family) || fallbacks.find(Boolean) || '';
}

function firstLinkedIn(list: readonly string[]): string | undefined {
  return list.find((v) => canonicalLinkedInUrl(v));
}

function mapLinkedIn(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, ['first name']);
  const family = cell(cells, h, ['last name']);
  const email = cell(cells, h, ['email address']);
  const connected = cell(cells, h, ['connected on']);
  return {
    displayName: nameOf(given, '', family, email),
    givenName: given,
    familyName: family,
    // The URL as written: a malformed one is dropped with a warning on the row, not silently.
    linkedinUrl: cell(cells, h, ['url', 'profile url']),
    emails: email ? [email] : [],
    company: cell(cells, h, ['company']),
    title: cell(cells, h, ['position']),
    about: connected ? `LinkedIn connection since ${linkedInDay(connected)}` : undefined,
  };
}

function mapGoogle(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, ['first name', 'given name']);
  const middle = cell(cells, h, ['middle name', 'additional name']);
  const family = cell(cells, h, ['last name', 'family name']);
  const emails = googleValues(cellsMatching(cells, h, /^e-mail \d+ - value$/));
  const company = cell(cells, h, ['organization name', 'organization 1 - name']);
  const labels = googleValues([cell(cells, h, ['labels', 'group membership'])]).filter((l) => !l.startsWith('*'));
  return {
    displayName: nameOf(given, middle, family, cell(cells, h, ['name', 'file as', 'nickname']), company, emails[0] ?? ''),
    givenName: given,
    familyName: family,
    emails,
    phones: googleValues(cellsMatching(cells, h, /^phone \d+ - value$/)),
    company,
    title: cell(cells, h, ['organization title', 'organization 1 - title']),
    linkedinUrl: firstLinkedIn(googleValues(cellsMatching(cells, h, /^website \d+ - value$/))),
    location: cell(cells, h, ['address 1 - city']),
    tags: labels,
    about: cell(cells, h, ['notes']),
  };
}

function mapOutlook(cells: readonly string[], h: Header): Record<string, unknown> {
  const given = cell(cells, h, GIVEN);
  const middle = cell(cells, h, MIDDLE);
  const family = cell(cells, h, FAMILY);
  // Exchange-internal addresses ("/o=ExchangeLabs/…") are not email addresses.
  const emails = values(cells, columns(h, isEmailColumn)).filter((e) => !e.startsWith('/'));
  const company = cell(cells, h, COMPANY);
  const businessCity = values(cells, columns(h, (name) => CITY_WORD.test(name) && BUSINESS_WORD.test(name)))[0];
  return {
    displayName: nameOf(given, middle, family, cell(cells, h, FULL_NAME), company, emails[0] ?? ''),
    givenName: given,
    familyName: family,
    emails,
    phones: values(cells, columns(h, isPhoneColumn)),
    company,
    title: cell(cells, h, JOB_TITLE),
    linkedinUrl: firstLinkedIn(values(cells, columns(h, (name) => WEB_WORD.test(name)))),
    location: businessCity || cell(cells, h, ['location']) || values(cells, columns(h, (name) => CITY_WORD.test(name)))[0],
    tags: cell(cells, h, CATEGORIES).split(';').map((t) => t.trim()).filter(Boolean),
    about: cell(cells, h, NOTES),
  };
}

const MAPPERS: Record<ForeignCsvKind, (cells: readonly string[], header: Header) => Record<string, unknown>> = {
  linkedin: mapLinkedIn,
  google: mapGoogle,
  outlook: mapOutlook,
};

/**
 * Raw contact records from another app's CSV (header row first). A row the parser could not
 * read, or with more cells than the header, is an invalid row with its line; the others go on.
 */
export function decodeForeignCsv(kind: ForeignCsvKind, records: readonly CsvRecord[]): { rows: Located[]; invalid: InvalidRow[] } {
  const [head, ...body] = records;
  const header = headerMap(head?.cells ?? []);
  const width = head?.cells.length ?? 0;
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  for (const record of body) {
    if (!record.error && record.cells.every((c) => !c.trim())) continue;
    const problem = recordProblem(record, width);
    if (problem) {
      invalid.push({ line: record.line, reason: problem, text: recordText(record) });
      continue;
    }
    const value = compact(MAPPERS[kind](record.cells, header));
    if (!value.displayName) invalid.push({ line: record.line, reason: 'no name, email address or company', text: recordText(record) });
    else rows.push({ line: record.line, value });
  }
  return { rows, invalid };
}
