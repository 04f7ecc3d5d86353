import { getDb } from '../../../utils/db/db';
import { autoLogConversation } from '../../../utils/db/repos/autolog';
import type { PageContext } from '../../../utils/sites/types';

/**
 * Automatic logging in the background (issue 11): the content script reports the thread on screen
 * as it always did; here, in the extension's origin, its messages with known contacts are logged.
 * One run per tab at a time: a later context waits for the earlier run, and only the newest
 * waiting one runs (a thread re-rendered five times is logged once more at most).
 */
export function createAutoLogger() {
  const running = new Map<number, Promise<void>>();
  const waiting = new Map<number, PageContext>();

  const run = (tabId: number): Promise<void> => {
    const next = (running.get(tabId) ?? Promise.resolve()).then(async () => {
      const context = waiting.get(tabId);
      waiting.delete(tabId);
      if (!context) return;
      // A failure (a full disk, a closed database) must not reach the page or the router; the next view retries.
      await autoLogConversation(getDb(), context).catch(() => undefined);
    });
    running.set(tabId, next);
    void next.then(() => {
      if (running.get(tabId) === next) running.delete(tabId);
    });
    return next;
  };

  return {
    /** Logs the thread of a context just reported for a tab (webmail threads only). */
    log(tabId: number, context: PageContext): Promise<void> {
      if (context.site === 'linkedin' || context.messages.length === 0) return Promise.resolve();
      waiting.set(tabId, context);
      return run(tabId);
    },
    forget(tabId: number): void {
      waiting.delete(tabId);
    },
  };
}
