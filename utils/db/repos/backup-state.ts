import { parseBackupState, type BackupFile, type BackupState, type Frequency } from '../../backup/schedule';
import type { RapportDB } from '../db';

/*
 * What we know about automatic backups, in one `meta` row: the schedule the user chose, the files
 * we saved (with their download ids) and the outcome of the last attempt. Every change is a
 * read-modify-write in one transaction, so the background recording a backup and the workspace
 * changing the schedule at the same moment do not undo each other.
 */

/** The `meta` key of the backup state. */
export const BACKUP_STATE_KEY = 'backup';

/** The backup state (defaults when nothing is stored yet). */
export async function readBackupState(db: RapportDB): Promise<BackupState> {
  return parseBackupState((await db.meta.get(BACKUP_STATE_KEY))?.value);
}

async function updateBackupState(db: RapportDB, change: (state: BackupState) => BackupState): Promise<BackupState> {
  return db.transaction('rw', db.meta, async () => {
    const next = change(await readBackupState(db));
    await db.meta.put({ key: BACKUP_STATE_KEY, value: next });
    return next;
  });
}

/** Saves the schedule (how often, how many files to keep). */
export function saveBackupSettings(db: RapportDB, settings: { frequency?: Frequency; keep?: number }): Promise<BackupState> {
  return updateBackupState(db, (state) => parseBackupState({ ...state, ...settings }));
}

/** Records a finished backup file; returns the new state. */
export function recordBackup(db: RapportDB, file: BackupFile): Promise<BackupState> {
  return updateBackupState(db, (state) => ({ ...state, files: [...state.files, file], lastAt: file.at, lastError: undefined }));
}

/** Forgets files we removed (by download id). */
export function forgetBackups(db: RapportDB, downloadIds: readonly number[]): Promise<BackupState> {
  const gone = new Set(downloadIds);
  return updateBackupState(db, (state) => ({ ...state, files: state.files.filter((f) => !gone.has(f.downloadId)) }));
}

/** Records a failed attempt (shown in the workspace until the next success). */
export function recordBackupFailure(db: RapportDB, message: string, at: Date): Promise<BackupState> {
  return updateBackupState(db, (state) => ({ ...state, lastError: { at: at.toISOString(), message: message.slice(0, 2000) } }));
}
