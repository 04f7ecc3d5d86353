// Chrome's offscreen document for automatic backups (reason BLOBS): the service worker has no
// URL.createObjectURL, this page does. It exports the notebook into a Blob built in parts and
// answers with its URL; the background saves it with the downloads API, then closes this page.
import { browser } from 'wxt/browser';
import { getDb } from '../../utils/db/db';
import { exportDatabase } from '../../utils/db/repos/export-source';
import { OffscreenRequestSchema, type OffscreenReply } from '../../utils/messaging/protocol';

browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  // Only our background asks, and only with this one request; anything else is not for us.
  const request = OffscreenRequestSchema.safeParse(message);
  if (sender.id !== browser.runtime.id || !request.success) return undefined;
  return exportToUrl(request.data.appVersion);
});

async function exportToUrl(appVersion: string): Promise<OffscreenReply> {
  try {
    const { blob, records } = await exportDatabase(getDb(), { format: 'json', appVersion });
    // Not revoked here: the page is closed once the file is saved, which releases the Blob.
    return { ok: true, url: URL.createObjectURL(blob), records, bytes: blob.size };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    // An open connection would make a schema upgrade in another page wait.
    getDb().close({ disableAutoOpen: false });
  }
}
