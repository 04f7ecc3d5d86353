import { z } from 'zod';

/*
 * Automatic backups: the rules, without any browser or database. A backup is the ordinary JSON
 * export of the whole notebook, saved under Downloads/Rapport/; the last N files we saved are
 * kept, older ones removed. Nothing can run when the extension is uninstalled, so the schedule is
 * what protects the notebook against an uninstall or a profile reset.
 */

/** Folder inside the browser's downloads directory. */
export const BACKUP_FOLDER = 'Rapport';

/** A backup older than this is called out in the workspace. */
export const STALE_AFTER_DAYS = 30;

export const FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS: Record<Exclude<Frequency, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

export const KEEP_MIN = 1;
export const KEEP_MAX = 100;

/** One backup file we saved (the download id lets us remove exactly that file later). */
export const BackupFileSchema = z.object({
  downloadId: z.int().min(0),
  fileName: z.string().min(1).max(500),
  at: z.iso.datetime(),
  records: z.int().min(0),
  bytes: z.int().min(0),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

/** What is stored about backups (one `meta` row). Unknown or broken stored values fall back to defaults. */
export const BackupStateSchema = z.object({
  frequency: z.enum(FREQUENCIES).catch('weekly'),
  keep: z.int().min(KEEP_MIN).max(KEEP_MAX).catch(8),
  /** Files we saved, oldest first. */
  files: z.array(BackupFileSchema).catch([]),
  /** When the last backup finished. */
  lastAt: z.iso.datetime().optional().catch(undefined),
  /** Why the last attempt failed (cleared by a success). */
  lastError: z.object({ at: z.iso.datetime(), message: z.string().max(2000) }).optional().catch(undefined),
});
export type BackupState = z.infer<typeof BackupStateSchema>;

export const DEFAULT_BACKUP_STATE: BackupState = { frequency: 'weekly', keep: 8, files: [] };

/** Reads a stored value as backup state (anything unreadable becomes the defaults). */
export function parseBackupState(value: unknown): BackupState {
  const parsed = BackupStateSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_STATE, files: [] };
}

/** Is a scheduled backup due? Never when off; at once when none was ever made. */
export function isBackupDue(state: Pick<BackupState, 'frequency' | 'lastAt'>, now: Date): boolean {
  if (state.frequency === 'off') return false;
  if (!state.lastAt) return true;
  return now.getTime() - Date.parse(state.lastAt) >= PERIOD_MS[state.frequency];
}

/** Is the last backup missing or older than 30 days? */
export function isBackupStale(lastAt: string | undefined, now: Date): boolean {
  if (!lastAt) return true;
  return now.getTime() - Date.parse(lastAt) > STALE_AFTER_DAYS * DAY_MS;
}

/** The path under Downloads: `Rapport/rapport-backup-2026-11-30-1405.json` (UTC, sorts by time). */
export function backupPath(now: Date): string {
  const iso = now.toISOString();
  return `${BACKUP_FOLDER}/rapport-backup-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}.json`;
}

/** Splits the files we saved into those to keep (the newest `keep`) and those to remove. */
export function filesToPrune(files: readonly BackupFile[], keep: number): { kept: BackupFile[]; removed: BackupFile[] } {
  const sorted = [...files].sort((a, b) => a.at.localeCompare(b.at) || a.downloadId - b.downloadId);
  const cut = Math.max(0, sorted.length - keep);
  return { removed: sorted.slice(0, cut), kept: sorted.slice(cut) };
}
