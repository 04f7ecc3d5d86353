import { useEffect, useRef } from 'react';
import type { PersonMatch } from '../../utils/db/repos/contacts';
import { runAutoLog } from '../../utils/messaging/client';
import type { PageContext } from '../../utils/sites/types';

/**
 * The background logs a mail thread when the page reports it. When someone on screen becomes known
 * afterwards (added with one click, linked to a contact), the thread is logged for them at once:
 * the sidebar asks the background to run again for its tab.
 */
export function useAutoLogWhenKnown(tabId: number | undefined, context: PageContext | null, matches: readonly PersonMatch[] | undefined) {
  const known = matches ? matches.map((m) => m.contact?.id ?? '').filter(Boolean).sort().join(' ') : undefined;
  const page = context ? `${context.url}|${context.threadId ?? ''}` : '';
  const last = useRef<{ page: string; known: string }>(undefined);
  useEffect(() => {
    if (known === undefined) return;
    const before = last.current;
    last.current = { page, known };
    // The first match of a page was logged by the background already: only a change asks again.
    if (!before || before.page !== page || before.known === known || !known) return;
    if (tabId === undefined || tabId < 0 || !context || context.site === 'linkedin' || context.messages.length === 0) return;
    void runAutoLog(tabId);
  }, [tabId, context, page, known]);
}
