import { useEffect, useState } from 'react';
import { getContext, onActiveTabChanged, onContextChanged, resolveTabId } from '../../utils/messaging/client';
import type { PageContext } from '../../utils/sites/types';
import { errorMessage } from '../ui/ErrorText';

export type TabContextState =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number; context: PageContext | null }
  | { status: 'error'; error: string };

/**
 * The page context of the tab this sidebar serves, kept current: a fixed tab in the docked
 * frame, the active tab in the side panel.
 */
export function useTabContext(search: string): TabContextState {
  const [state, setState] = useState<TabContextState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let followTab: number | undefined;
    const load = async (tabId: number | undefined) => {
      try {
        const reply = await getContext(tabId);
        if (!cancelled) {
          followTab = reply.tabId;
          setState({ status: 'ready', tabId: reply.tabId, context: reply.context });
        }
      } catch (error) {
        if (!cancelled) setState({ status: 'error', error: errorMessage(error) });
      }
    };
    const offContext = onContextChanged((tabId, context) => {
      if (tabId === followTab) setState({ status: 'ready', tabId, context });
    });
    let offActive = () => {};
    void resolveTabId(search).then((tabId) => {
      followTab = tabId;
      // Only the side panel follows the active tab; a frame serves its own tab for good.
      if (tabId === undefined && !cancelled) offActive = onActiveTabChanged((active) => void load(active));
      return load(tabId);
    });
    return () => {
      cancelled = true;
      offContext();
      offActive();
    };
  }, [search]);

  return state;
}
