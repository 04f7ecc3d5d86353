import { csvRows, neutralizeFormula } from './csv-cells';
import { CSV_BOM } from './csv';
import type { DecodedImport, InvalidRow } from './model';

/*
 * What an import does, in the words the preview and the final report share: new contacts,
 * updated contacts, duplicates (skipped) and invalid rows (skipped). Both are computed from the
 * plan the user confirmed (the write is all-or-nothing, so what was written is exactly the plan),
 * which is why the numbers can't drift apart. Plus the rows left out, with their reasons, for
 * the list and its CSV download.
 */

/** The part of an import plan these functions read (kept structural: the plan lives in the data layer). */
export interface PlanOutcome {
  creates: readonly unknown[];
  updates: readonly unknown[];
  duplicates: readonly InvalidRow[];
  invalid: readonly InvalidRow[];
}

/** The four numbers of the preview and of the report. */
export interface ImportCounts {
  new: number;
  updated: number;
  duplicates: number;
  invalid: number;
}

export function importCounts(plan: PlanOutcome): ImportCounts {
  return { new: plan.creates.length, updated: plan.updates.length, duplicates: plan.duplicates.length, invalid: plan.invalid.length };
}

/** One row (or field) left out of an import, and why. */
export interface LeftOut {
  line?: number;
  where?: string;
  /** `invalid` and `duplicate`: the row was skipped; `field`: the row was imported without this field. */
  outcome: 'invalid' | 'duplicate' | 'field';
  reason: string;
  /** The person's name as read, when the row could be read. */
  name?: string;
  /** The row as written, when the decoder could not read it. */
  text?: string;
}

const key = (where: string | undefined, line: number | undefined) => `${where ?? ''}#${line ?? ''}`;

/**
 * Every invalid row, every duplicate and every field left out of a kept row, in file order.
 * Warnings of rows that were skipped anyway are not repeated.
 */
export function leftOutRows(plan: PlanOutcome, decoded: Pick<DecodedImport, 'contacts'>): LeftOut[] {
  const byPlace = new Map<string, DecodedImport['contacts'][number]>();
  for (const row of decoded.contacts) byPlace.set(key(row.where, row.line), row);
  const nameAt = (row: InvalidRow) => {
    const name = byPlace.get(key(row.where, row.line))?.value.displayName;
    return typeof name === 'string' ? name : undefined;
  };
  const out: LeftOut[] = [];
  const skipped = new Set<string>();
  const add = (rows: readonly InvalidRow[], outcome: 'invalid' | 'duplicate') => {
    for (const row of rows) {
      skipped.add(key(row.where, row.line));
      out.push({ line: row.line, where: row.where, outcome, reason: row.reason, name: nameAt(row), text: row.text });
    }
  };
  add(plan.invalid, 'invalid');
  add(plan.duplicates, 'duplicate');
  for (const row of decoded.contacts) {
    if (!row.warnings || skipped.has(key(row.where, row.line))) continue;
    const name = typeof row.value.displayName === 'string' ? row.value.displayName : undefined;
    for (const reason of row.warnings) out.push({ line: row.line, where: row.where, outcome: 'field', reason, name });
  }
  const order = (row: LeftOut) => row.line ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => (a.where ?? '').localeCompare(b.where ?? '') || order(a) - order(b));
}

/** The left-out rows as a CSV for Excel (UTF-8 with BOM, CRLF, formula starts neutralised). */
export function leftOutCsv(rows: readonly LeftOut[]): string {
  const header = ['line', 'file', 'outcome', 'reason', 'name', 'row as written'];
  const body = rows.map((row) => [row.line === undefined ? '' : String(row.line), row.where ?? '', row.outcome, row.reason, row.name ?? '', row.text ?? ''].map(neutralizeFormula));
  return CSV_BOM + csvRows([header, ...body]);
}
