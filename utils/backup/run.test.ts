import { freshDb, seedSample } from '../../tests/support/sample-db';
import { readBackupState, saveBackupSettings } from '../db/repos/backup-state';
import { exportDatabase } from '../db/repos/export-source';
import { runBackup, type BackupIO } from './run';
import { backupPath, filesToPrune, isBackupDue, isBackupStale, parseBackupState } from './schedule';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-30T08:00:00.000Z');

/** A downloads folder in memory: the files we saved, by download id. */
function fakeDownloads(db: Parameters<typeof exportDatabase>[0]) {
  const files = new Map<number, { path: string; text: string }>();
  let next = 1;
  const io: BackupIO = {
    async save(path) {
      const { blob, records } = await exportDatabase(db, { format: 'json' });
      const id = next++;
      files.set(id, { path, text: await blob.text() });
      return { downloadId: id, records, bytes: blob.size };
    },
    async remove(id) {
      if (!files.delete(id)) throw new Error('no such download');
    },
  };
  return { io, files };
}

describe('backup schedule', () => {
  it('is weekly by default, keeps 8, and reads anything unreadable as the defaults', () => {
    expect(parseBackupState(undefined)).toMatchObject({ frequency: 'weekly', keep: 8, files: [] });
    expect(parseBackupState({ frequency: 'hourly', keep: -3, files: 'x', lastAt: 'yesterday' })).toMatchObject({ frequency: 'weekly', keep: 8, files: [] });
  });

  it('is due at once when no backup exists, after 1 or 7 days, never when off', () => {
    const now = new Date(T0);
    expect(isBackupDue({ frequency: 'weekly' }, now)).toBe(true);
    expect(isBackupDue({ frequency: 'off' }, now)).toBe(false);
    const at = (ms: number) => new Date(T0 - ms).toISOString();
    expect(isBackupDue({ frequency: 'weekly', lastAt: at(6 * DAY) }, now)).toBe(false);
    expect(isBackupDue({ frequency: 'weekly', lastAt: at(7 * DAY) }, now)).toBe(true);
    expect(isBackupDue({ frequency: 'daily', lastAt: at(DAY - 1000) }, now)).toBe(false);
    expect(isBackupDue({ frequency: 'daily', lastAt: at(DAY) }, now)).toBe(true);
    expect(isBackupDue({ frequency: 'off', lastAt: at(400 * DAY) }, now)).toBe(false);
  });

  it('warns when the last backup is missing or older than 30 days', () => {
    const now = new Date(T0);
    expect(isBackupStale(undefined, now)).toBe(true);
    expect(isBackupStale(new Date(T0 - 30 * DAY).toISOString(), now)).toBe(false);
    expect(isBackupStale(new Date(T0 - 31 * DAY).toISOString(), now)).toBe(true);
  });

  it('names files under Rapport/ so that they sort by time', () => {
    expect(backupPath(new Date('2026-11-30T14:05:09.123Z'))).toBe('Rapport/rapport-backup-2026-11-30-140509.json');
  });

  it('prunes the oldest beyond N', () => {
    const file = (downloadId: number, day: number) => ({ downloadId, fileName: `f${downloadId}`, at: new Date(T0 + day * DAY).toISOString(), records: 1, bytes: 1 });
    const { kept, removed } = filesToPrune([file(3, 3), file(1, 1), file(2, 2)], 2);
    expect(removed.map((f) => f.downloadId)).toEqual([1]);
    expect(kept.map((f) => f.downloadId)).toEqual([2, 3]);
  });
});

describe('a backup run', () => {
  it('saves the full JSON export, records it, and is not due again the same week', async () => {
    const db = freshDb();
    await seedSample(db);
    const { io, files } = fakeDownloads(db);
    let now = T0;
    const clock = () => new Date(now);
    const outcome = await runBackup(db, io, { now: clock });
    expect(outcome.made).toBe(true);
    const [saved] = [...files.values()];
    expect(saved!.path).toMatch(/^Rapport\/rapport-backup-2026-11-30-\d{6}\.json$/);
    const parsed = JSON.parse(saved!.text) as { format: string; data: { contacts: unknown[] } };
    expect(parsed.format).toBe('rapport-backup');
    expect(parsed.data.contacts.length).toBe(await db.contacts.count());
    const state = await readBackupState(db);
    expect(state.lastAt).toBe(new Date(T0).toISOString());
    expect(state.files).toHaveLength(1);

    now = T0 + 3 * DAY;
    expect(await runBackup(db, io, { now: clock })).toEqual({ made: false, reason: 'not-due' });
    now = T0 + 7 * DAY;
    expect((await runBackup(db, io, { now: clock })).made).toBe(true);
    expect(files.size).toBe(2);
  });

  it('keeps the last N files it made and removes the older ones (by download id)', async () => {
    const db = freshDb();
    await seedSample(db);
    await saveBackupSettings(db, { keep: 3, frequency: 'daily' });
    const { io, files } = fakeDownloads(db);
    for (let day = 0; day < 6; day++) await runBackup(db, io, { now: () => new Date(T0 + day * DAY) });
    expect([...files.keys()]).toEqual([4, 5, 6]);
    expect((await readBackupState(db)).files.map((f) => f.downloadId)).toEqual([4, 5, 6]);
  });

  it('forgets a file the user already deleted, and keeps pruning', async () => {
    const db = freshDb();
    await seedSample(db);
    await saveBackupSettings(db, { keep: 1 });
    const { io, files } = fakeDownloads(db);
    await runBackup(db, io, { force: true, now: () => new Date(T0) });
    files.clear();
    await runBackup(db, io, { force: true, now: () => new Date(T0 + 1000) });
    expect((await readBackupState(db)).files.map((f) => f.downloadId)).toEqual([2]);
  });

  it('does nothing when off, and "Back up now" still works', async () => {
    const db = freshDb();
    await saveBackupSettings(db, { frequency: 'off' });
    const { io, files } = fakeDownloads(db);
    expect((await runBackup(db, io, { now: () => new Date(T0) })).made).toBe(false);
    expect((await runBackup(db, io, { force: true, now: () => new Date(T0) })).made).toBe(true);
    expect(files.size).toBe(1);
  });

  it('records a failure with its reason, and the next success clears it', async () => {
    const db = freshDb();
    const { io } = fakeDownloads(db);
    const failing: BackupIO = { ...io, save: async () => Promise.reject(new Error('the download was interrupted (FILE_NO_SPACE)')) };
    await expect(runBackup(db, failing, { now: () => new Date(T0) })).rejects.toThrow(/not made: the download was interrupted/);
    const state = await readBackupState(db);
    expect(state.lastError?.message).toMatch(/FILE_NO_SPACE/);
    expect(state.lastAt).toBeUndefined();
    await runBackup(db, io, { now: () => new Date(T0) });
    expect((await readBackupState(db)).lastError).toBeUndefined();
  });
});
