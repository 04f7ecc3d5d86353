import type { Contact } from '../domain/contact';
import type { Interaction } from '../domain/interaction';
import { csvRows, joinList, neutralizeFormula, recordProblem, recordText, restoreFormula, splitList, type CsvRecord } from './csv-cells';
import type { InvalidRow, Located } from './model';

/*
 * Our own CSV: `contacts.csv` and `interactions.csv` in one zip. A column is named by the path of
 * the field it carries (`preferences.quietUntil`), so every field of a contact and an interaction
 * has a column and a re-import restores it. Empty cell = field absent.
 */

type Kind = 'text' | 'list' | 'number' | 'bool' | 'flag';
interface Column {
  path: string;
  kind: Kind;
}

const col = (path: string, kind: Kind = 'text'): Column => ({ path, kind });

export const CONTACT_COLUMNS: readonly Column[] = [
  col('id'),
  col('displayName'),
  col('givenName'),
  col('familyName'),
  col('emails', 'list'),
  col('phones', 'list'),
  col('linkedinUrl'),
  col('company'),
  col('companyId'),
  col('title'),
  col('location'),
  col('industry'),
  col('tags', 'list'),
  col('owner'),
  col('value.tier'),
  col('value.loyalty'),
  col('value.yearlyRevenue.amount', 'number'),
  col('value.yearlyRevenue.currency'),
  col('value.coverage'),
  col('value.referredBy'),
  col('pipeline.pipelineId'),
  col('pipeline.stage'),
  col('keepInTouchDays', 'number'),
  col('preferences.wants'),
  col('preferences.channels', 'list'),
  col('preferences.maxFrequency.count', 'number'),
  col('preferences.maxFrequency.days', 'number'),
  col('preferences.quietUntil'),
  col('preferences.bestTime'),
  col('preferences.language'),
  col('preferences.address'),
  col('preferences.salutation'),
  col('preferences.topics', 'list'),
  col('preferences.newsletterConsent.granted', 'bool'),
  col('preferences.newsletterConsent.at'),
  // `doNotContact` may exist with an empty reason; this flag column keeps that apart from "absent".
  col('preferences.doNotContact', 'flag'),
  col('preferences.doNotContact.reason'),
  col('preferences.doNotContact.since'),
  col('about'),
  col('lastInteractionAt'),
  col('lastInteractionChannel'),
  col('createdAt'),
  col('updatedAt'),
];

export const INTERACTION_COLUMNS: readonly Column[] = [
  col('id'),
  col('contactIds', 'list'),
  col('kind'),
  col('channel'),
  col('direction'),
  col('department'),
  col('occurredAt'),
  col('subject'),
  col('text'),
  col('source.site'),
  col('source.url'),
  col('source.threadId'),
  col('source.messageId'),
  col('author'),
  col('important', 'bool'),
  col('auto', 'bool'),
  col('createdAt'),
  col('updatedAt'),
];

function getPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = record;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]!] = value;
}

function cellOf(record: unknown, column: Column): string {
  const value = getPath(record, column.path);
  if (column.kind === 'flag') return value === undefined ? '' : 'true';
  if (value === undefined || value === null) return '';
  if (column.kind === 'list') return neutralizeFormula(joinList(value as string[]));
  return neutralizeFormula(String(value));
}

/** The header row of a table. */
export function csvHeader(columns: readonly Column[]): string {
  return csvRows([columns.map((c) => c.path)]);
}

/** CSV rows (CRLF-terminated) for a page of records. */
export function csvBody(columns: readonly Column[], records: readonly (Contact | Interaction)[]): string {
  return csvRows(records.map((record) => columns.map((column) => cellOf(record, column))));
}

/** The file head of every CSV we write: a UTF-8 byte order mark, so Excel reads UTF-8. */
export const CSV_BOM = '\uFEFF';

/** True when a header row is our contacts table (`id`, `displayName`, …). */
export function isOurContactsHeader(header: readonly string[]): boolean {
  return header[0] === 'id' && header.includes('displayName') && header.includes('emails');
}

/** True when a header row is our interactions table. */
export function isOurInteractionsHeader(header: readonly string[]): boolean {
  return header[0] === 'id' && header.includes('contactIds') && header.includes('occurredAt');
}

function parseCell(cell: string, column: Column): unknown {
  if (column.kind === 'list') return splitList(restoreFormula(cell));
  const text = restoreFormula(cell);
  if (column.kind === 'number') {
    const n = Number(text);
    return Number.isFinite(n) && text.trim() !== '' ? n : text;
  }
  if (column.kind === 'bool' || column.kind === 'flag') {
    if (/^(true|yes|1)$/i.test(text.trim())) return true;
    if (/^(false|no|0)$/i.test(text.trim())) return false;
    return text;
  }
  return text;
}

/** Raw records from our CSV (the header row first); validation happens in the importer. */
export function decodeOurCsv(
  records: readonly CsvRecord[],
  columns: readonly Column[],
): { rows: Located[]; invalid: InvalidRow[] } {
  const [head, ...body] = records;
  const byName = new Map(columns.map((c) => [c.path, c]));
  const header = (head?.cells ?? []).map((name) => byName.get(name.trim()));
  const rows: Located[] = [];
  const invalid: InvalidRow[] = [];
  for (const record of body) {
    const problem = recordProblem(record, header.length);
    if (problem) {
      invalid.push({ line: record.line, reason: problem, text: recordText(record) });
      continue;
    }
    const value: Record<string, unknown> = {};
    record.cells.forEach((cell, i) => {
      const column = header[i];
      if (!column || cell === '') return;
      const parsed = parseCell(cell, column);
      if (column.kind === 'flag') {
        if (parsed === true && getPath(value, column.path) === undefined) setPath(value, column.path, {});
      } else setPath(value, column.path, parsed);
    });
    const dnc = getPath(value, 'preferences.doNotContact') as Record<string, unknown> | undefined;
    if (dnc && dnc.reason === undefined) dnc.reason = '';
    rows.push({ line: record.line, value });
  }
  return { rows, invalid };
}
