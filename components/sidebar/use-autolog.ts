import { useEffect, useRef } from 'react';
import type { PersonMatch } from '../../utils/db/repos/contacts';
import { runAutoLog } from '../../utils/messaging/client';
import type { PageContext } from '../../utils/sites/types';

/** Runs `work` once the next frame has been painted (a frame callback runs before the paint, a task after it). */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/**
 * The background holds a reported mail thread until this sidebar has shown the people on screen:
 * once their matches are painted, the sidebar asks it to log the thread, so the logging's write
 * and the live queries it wakes come after the contact is shown, not during the sidebar's update.
 * When someone on screen becomes known afterwards (added with one click, linked to a contact), the
 * sidebar asks again and the thread is logged for them at once.
 */
export function useAutoLogAfterShown(tabId: number | undefined, context: PageContext | null, matches: readonly PersonMatch[] | undefined) {
  const known = matches ? matches.map((m) => m.contact?.id ?? '').filter(Boolean).sort().join(' ') : undefined;
  const page = context ? `${context.url}|${context.threadId ?? ''}` : '';
  const last = useRef<string>(undefined);
  useEffect(() => {
    // Matches not read yet: nothing is shown yet.
    if (known === undefined) return;
    if (tabId === undefined || tabId < 0 || !context || context.site === 'linkedin' || context.messages.length === 0) return;
    const key = `${tabId}\n${page}\n${known}`;
    if (last.current === key) return;
    last.current = key;
    // Not cancelled by a re-render: the request is wanted once for this page and these people.
    afterPaint(() => void runAutoLog(tabId));
  }, [tabId, context, page, known]);
}
