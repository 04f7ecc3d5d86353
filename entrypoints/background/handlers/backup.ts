import { browser } from 'wxt/browser';
import { runBackup, type BackupIO, type BackupOutcome } from '../../../utils/backup/run';
import type { RapportDB } from '../../../utils/db/db';
import { exportDatabase } from '../../../utils/db/repos/export-source';
import { OFFSCREEN_TARGET, OffscreenReplySchema } from '../../../utils/messaging/protocol';

/*
 * Automatic backups (utils/backup): an hourly alarm checks whether one is due; the workspace's
 * "Back up now" asks for one at once. The file is saved with the downloads API under
 * Downloads/Rapport/. The API needs a URL for the file: a Blob URL of the JSON export, built in
 * parts, so the notebook is never one string in memory.
 *  - Firefox's background is a page: it makes the Blob URL itself.
 *  - Chrome's service worker has no `URL.createObjectURL`: an offscreen document (reason BLOBS)
 *    runs the export and makes the URL, and is closed when the file is saved. This works with no
 *    Rapport page open, which a page-only design (options page) could not.
 */

/** Our own alarm (other features keep theirs). */
export const BACKUP_ALARM = 'rapport-backup';
const CHECK_EVERY_MINUTES = 60;

const OFFSCREEN_PATH = '/offscreen.html';

interface FileUrl {
  url: string;
  records: number;
  bytes: number;
  release(): Promise<void>;
}

/** Chrome MV3: the offscreen document exports and hands back a Blob URL. */
async function offscreenUrl(): Promise<FileUrl> {
  const offscreen = (browser as unknown as { offscreen: OffscreenApi }).offscreen;
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['BLOBS'],
      justification: 'Build the automatic backup file as a Blob URL for the downloads API.',
    });
  } catch (error) {
    // One offscreen document at a time: a backup already running keeps its own.
    if (!/single offscreen|already/i.test(String(error))) throw error;
  }
  const close = () => offscreen.closeDocument().catch(() => undefined);
  try {
    const reply = OffscreenReplySchema.parse(await browser.runtime.sendMessage({ target: OFFSCREEN_TARGET, type: 'backup/export', appVersion: browser.runtime.getManifest().version }));
    if (!reply.ok) throw new Error(reply.error);
    return { url: reply.url, records: reply.records, bytes: reply.bytes, release: close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** Firefox: the background page exports and makes the Blob URL itself. */
async function pageUrl(db: RapportDB): Promise<FileUrl> {
  const { blob, records } = await exportDatabase(db, { format: 'json', appVersion: browser.runtime.getManifest().version });
  const url = URL.createObjectURL(blob);
  return { url, records, bytes: blob.size, release: async () => URL.revokeObjectURL(url) };
}

/** Resolves once a download is complete; rejects when it is interrupted. */
function whenComplete(downloadId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      browser.downloads.onChanged.removeListener(listener);
      if (error) reject(error);
      else resolve();
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== downloadId) return;
      if (delta.state?.current === 'complete') finish();
      else if (delta.state?.current === 'interrupted') finish(new Error(`the download was interrupted (${delta.error?.current ?? 'unknown reason'})`));
    };
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === 'complete') finish();
      else if (item?.state === 'interrupted') finish(new Error(`the download was interrupted (${item.error ?? 'unknown reason'})`));
    });
  });
}

function backupIO(db: RapportDB): BackupIO {
  return {
    async save(path) {
      const file = typeof URL.createObjectURL === 'function' ? await pageUrl(db) : await offscreenUrl();
      try {
        const downloadId = await browser.downloads.download({ url: file.url, filename: path, saveAs: false, conflictAction: 'uniquify' });
        await whenComplete(downloadId);
        return { downloadId, records: file.records, bytes: file.bytes };
      } finally {
        await file.release();
      }
    },
    async remove(downloadId) {
      try {
        await browser.downloads.removeFile(downloadId);
      } finally {
        await browser.downloads.erase({ id: downloadId });
      }
    },
  };
}

/** Runs one backup at a time: a second request waits for the running one. */
export function createBackups(db: RapportDB) {
  let running: Promise<unknown> = Promise.resolve();
  const run = (force: boolean): Promise<BackupOutcome> => {
    const next = running.catch(() => undefined).then(() => runBackup(db, backupIO(db), { force }));
    running = next;
    return next;
  };
  return {
    /** The scheduled check (the alarm). */
    ifDue: () => run(false),
    /** "Back up now". */
    now: () => run(true),
  };
}

/** Starts the hourly check (kept across service-worker restarts) and listens for its alarm. */
export function registerBackups(backups: ReturnType<typeof createBackups>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void backups.ifDue().catch(() => undefined);
  });
  void browser.alarms.get(BACKUP_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
  });
}
