import { getDb } from '../../../utils/db/db';
import { autoLogConversation } from '../../../utils/db/repos/autolog';
import type { PageContext } from '../../../utils/sites/types';

/** What one run did, as the `autolog/run` reply carries it. */
export interface AutoLogSummary {
  stored: number;
  known: number;
  skipped?: 'off' | 'linkedin' | 'failed';
}

/** How long a reported thread waits for its sidebar's "shown" before it is logged anyway (no sidebar, collapsed, slow host). */
export const AUTOLOG_HOLD_MS = 3000;

/** Logs one context: the repository's use case; a test passes its own. */
export type AutoLogRun = (context: PageContext) => Promise<AutoLogSummary>;

async function logWithStore(context: PageContext): Promise<AutoLogSummary> {
  const result = await autoLogConversation(getDb(), context);
  return { stored: result.stored.length, known: result.known, ...(result.skipped ? { skipped: result.skipped } : {}) };
}

/**
 * Automatic logging in the background (issue 11): the content script reports the thread on screen
 * as it always did; here, in the extension's origin, its messages with known contacts are logged.
 *
 * Off the sidebar's update path: a reported thread (`afterShown`) is held until the tab's sidebar
 * has painted the people on screen and asks (`now`, sent after paint), or `holdMs` at most when no
 * sidebar asks. The logging's reads and its write (30 entries, the figures, the live queries they
 * wake) then come after the contact is shown instead of competing with the sidebar's first reads.
 * Runs for one tab follow each other, so a reply to `now` means every earlier run of that tab,
 * held ones included, is done.
 */
export function createAutoLogger(run: AutoLogRun = logWithStore, holdMs = AUTOLOG_HOLD_MS) {
  const queue = new Map<number, Promise<unknown>>();
  const held = new Map<number, Set<() => void>>();

  const enqueue = (tabId: number, context: PageContext): Promise<AutoLogSummary> => {
    const next = (queue.get(tabId) ?? Promise.resolve()).then(async (): Promise<AutoLogSummary> => {
      if (context.site === 'linkedin') return { stored: 0, known: 0, skipped: 'linkedin' };
      try {
        return await run(context);
      } catch {
        // A full disk or a closed database must not reach the page or the router; the next view retries.
        return { stored: 0, known: 0, skipped: 'failed' };
      }
    });
    queue.set(tabId, next);
    void next.then(() => {
      if (queue.get(tabId) === next) queue.delete(tabId);
    });
    return next;
  };

  /** Lets every held run of a tab go, in the order they were reported. */
  const release = (tabId: number) => {
    const waiting = held.get(tabId);
    if (!waiting) return;
    held.delete(tabId);
    for (const go of [...waiting]) go();
  };

  return {
    /** A thread was reported for a tab: logged once its sidebar has shown it (or after `holdMs`). */
    afterShown(tabId: number, context: PageContext): Promise<AutoLogSummary> {
      if (context.site === 'linkedin') return Promise.resolve({ stored: 0, known: 0, skipped: 'linkedin' });
      return new Promise<AutoLogSummary>((resolve) => {
        const waiting = held.get(tabId) ?? new Set<() => void>();
        held.set(tabId, waiting);
        const go = () => {
          clearTimeout(timer);
          waiting.delete(go);
          if (waiting.size === 0 && held.get(tabId) === waiting) held.delete(tabId);
          resolve(enqueue(tabId, context));
        };
        const timer = setTimeout(go, holdMs);
        waiting.add(go);
      });
    },
    /** The sidebar (or a test) asks: held runs of the tab go first, then this context is logged. */
    now(tabId: number, context: PageContext): Promise<AutoLogSummary> {
      release(tabId);
      return enqueue(tabId, context);
    },
    /** The tab's sidebar has shown its page but there is nothing to log for it now: held runs go. */
    release,
    forget(tabId: number): void {
      // A closed tab's held threads were on screen: they are still logged, at once.
      release(tabId);
      queue.delete(tabId);
    },
  };
}
