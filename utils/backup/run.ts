import type { RapportDB } from '../db/db';
import { forgetBackups, readBackupState, recordBackup, recordBackupFailure } from '../db/repos/backup-state';
import { backupPath, filesToPrune, isBackupDue, type BackupFile } from './schedule';

/*
 * One backup run: export the whole notebook as the ordinary JSON backup into Downloads/Rapport/,
 * record it, then remove the files beyond the last N that we saved ourselves (by download id;
 * a file the user put there is never touched). The browser parts come in as `BackupIO`.
 */

/** The browser side of a backup run (downloads API, a Blob URL maker), injectable for tests. */
export interface BackupIO {
  /**
   * Exports the notebook into a file at `path` under the downloads directory; resolves once the
   * file is complete, with its download id.
   */
  save(path: string, now: Date): Promise<{ downloadId: number; records: number; bytes: number }>;
  /** Deletes a file we saved and its entry in the browser's download list. */
  remove(downloadId: number): Promise<void>;
}

export type BackupOutcome = { made: true; file: BackupFile; removed: number } | { made: false; reason: 'not-due' };

/**
 * Makes a backup when one is due (or always with `force`, the "Back up now" button). A failure is
 * recorded for the workspace and rethrown.
 */
export async function runBackup(db: RapportDB, io: BackupIO, options: { force?: boolean; now?: () => Date } = {}): Promise<BackupOutcome> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const state = await readBackupState(db);
  if (!options.force && !isBackupDue(state, started)) return { made: false, reason: 'not-due' };
  let file: BackupFile;
  try {
    const path = backupPath(started);
    const saved = await io.save(path, started);
    file = { downloadId: saved.downloadId, fileName: path, at: now().toISOString(), records: saved.records, bytes: saved.bytes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordBackupFailure(db, message, now()).catch(() => undefined);
    throw new Error(`The backup was not made: ${message}`, { cause: error });
  }
  const after = await recordBackup(db, file);
  const { removed } = filesToPrune(after.files, after.keep);
  const done: number[] = [];
  for (const old of removed) {
    // Already deleted by the user, or its download entry cleared: nothing of ours left to remove.
    await io.remove(old.downloadId).catch(() => undefined);
    done.push(old.downloadId);
  }
  if (done.length > 0) await forgetBackups(db, done);
  return { made: true, file, removed: done.length };
}
