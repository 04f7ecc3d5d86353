import { getDb } from '../../../utils/db/db';
import { autoLogConversation } from '../../../utils/db/repos/autolog';
import type { PageContext } from '../../../utils/sites/types';

/** What one run did, as the `autolog/run` reply carries it. */
export interface AutoLogSummary {
  stored: number;
  known: number;
  skipped?: 'off' | 'linkedin' | 'failed';
}

/**
 * Automatic logging in the background (issue 11): the content script reports the thread on screen
 * as it always did; here, in the extension's origin, its messages with known contacts are logged.
 * Runs for one tab follow each other, so a reply to a run means every earlier run of that tab is done.
 */
export function createAutoLogger() {
  const queue = new Map<number, Promise<unknown>>();
  return {
    /** Logs the thread of a context reported for a tab (webmail threads only). */
    log(tabId: number, context: PageContext): Promise<AutoLogSummary> {
      const run = (queue.get(tabId) ?? Promise.resolve()).then(async (): Promise<AutoLogSummary> => {
        if (context.site === 'linkedin') return { stored: 0, known: 0, skipped: 'linkedin' };
        try {
          const result = await autoLogConversation(getDb(), context);
          return { stored: result.stored.length, known: result.known, ...(result.skipped ? { skipped: result.skipped } : {}) };
        } catch {
          // A full disk or a closed database must not reach the page or the router; the next view retries.
          return { stored: 0, known: 0, skipped: 'failed' };
        }
      });
      queue.set(tabId, run);
      void run.then(() => {
        if (queue.get(tabId) === run) queue.delete(tabId);
      });
      return run;
    },
    forget(tabId: number): void {
      queue.delete(tabId);
    },
  };
}
