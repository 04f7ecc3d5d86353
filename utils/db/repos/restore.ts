import { TransferError, throwIfAborted } from '../../transfer/errors';
import { streamJsonBackup } from '../../transfer/json-stream';
import type { InvalidRow, ProgressCallback } from '../../transfer/model';
import type { RapportDB } from '../db';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { isQuotaError, QUOTA_ADVICE } from './quota';

/*
 * Restore of a JSON backup of any size, as a stream (`json-stream.ts`). One IndexedDB transaction
 * cannot stay open while we await the next piece of the file, so the restore writes batch by
 * batch, each batch planned and applied by the ordinary import (same validation, same ids and
 * timestamps), each in its own transaction. All-or-nothing comes from two rules:
 *  - a restore only targets an empty notebook (after a reinstall, a new computer, a reset), so
 *    "as it was" is "empty";
 *  - a marker in `meta` says a restore is under way. On cancel or on any failure the restore
 *    clears what it wrote and removes the marker; if the page dies mid-way, the next restore (or
 *    `recoverInterruptedRestore` when the import panel opens) finds the marker and clears it.
 * A notebook that already holds contacts imports through the preview (whole-file, 40 MB limit).
 */

/** The `meta` key of an unfinished restore. */
export const RESTORE_MARKER = 'restoreInProgress';

export interface RestoreOptions {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Records per batch (each batch is one transaction). */
  batchSize?: number;
}

export interface RestoreReport {
  contacts: number;
  interactions: number;
  followUps: number;
  checks: number;
  companies: number;
  pipelines: number;
  /** Records left out (invalid or repeated), with where and why; at most 100 kept. */
  leftOut: number;
  leftOutRows: InvalidRow[];
  formatVersion: number;
}

function dataTables(db: RapportDB) {
  return [db.contacts, db.interactions, db.interactionLinks, db.followUps, db.checks, db.companies, db.pipelines];
}

/** Is there nothing in the notebook (no record in any table)? */
export async function isNotebookEmpty(db: RapportDB): Promise<boolean> {
  for (const table of dataTables(db)) if ((await table.count()) > 0) return false;
  return true;
}

/** Clears what an interrupted restore left behind (marker found). Returns whether it did. */
export async function recoverInterruptedRestore(db: RapportDB): Promise<boolean> {
  if (!(await db.meta.get(RESTORE_MARKER))) return false;
  await db.transaction('rw', [...dataTables(db), db.meta], async () => {
    for (const table of dataTables(db)) await table.clear();
    await db.meta.delete(RESTORE_MARKER);
  });
  return true;
}

/**
 * Restores a Rapport JSON backup (any version, any size) into an empty notebook, reading the file
 * as a stream. On success the notebook holds every valid record of the backup with its ids and
 * timestamps; on cancel or failure it is empty again, as it was.
 */
export async function restoreBackup(db: RapportDB, file: Blob, options: RestoreOptions = {}): Promise<RestoreReport> {
  await recoverInterruptedRestore(db);
  if (!(await isNotebookEmpty(db))) {
    throw new TransferError(
      'not-empty',
      'A backup this large is restored into an empty notebook only. Export your current notebook first if you need it, then restore the backup in a fresh profile or after removing your contacts, or split it.',
    );
  }
  const report: RestoreReport = { contacts: 0, interactions: 0, followUps: 0, checks: 0, companies: 0, pipelines: 0, leftOut: 0, leftOutRows: [], formatVersion: 0 };
  const leave = (rows: readonly InvalidRow[]) => {
    report.leftOut += rows.length;
    for (const row of rows) if (report.leftOutRows.length < 100) report.leftOutRows.push(row);
  };
  try {
    await db.meta.put({ key: RESTORE_MARKER, value: { startedAt: new Date().toISOString(), bytes: file.size } });
    const { formatVersion } = await streamJsonBackup(
      file.stream(),
      async (batch) => {
        throwIfAborted(options.signal);
        const plan = await planImport(db, batch, { chunkSize: batch.contacts.length + batch.interactions.length + batch.followUps.length + batch.checks.length + batch.companies.length + batch.pipelines.length + 1 });
        const written = await applyImport(db, plan, { signal: options.signal });
        report.contacts += written.imported;
        report.interactions += written.interactions;
        report.followUps += written.followUps;
        report.checks += written.checks;
        report.companies += plan.companies.length;
        report.pipelines += plan.pipelines.length;
        leave(plan.invalid);
        leave(plan.duplicates);
      },
      { signal: options.signal, batchSize: options.batchSize, onBytes: (done) => options.onProgress?.({ phase: 'restore', done, total: file.size }) },
    );
    report.formatVersion = formatVersion;
    throwIfAborted(options.signal);
    await db.meta.delete(RESTORE_MARKER);
    return report;
  } catch (error) {
    // Back to the empty notebook this restore started from.
    await recoverInterruptedRestore(db).catch(() => undefined);
    if (isQuotaError(error)) throw new TransferError('disk-full', `Nothing was restored: the disk is full. ${QUOTA_ADVICE}`);
    if (error instanceof TransferError) throw error;
    throw new TransferError('write-failed', `Nothing was restored: ${(error as Error)?.message ?? String(error)}`);
  }
}
