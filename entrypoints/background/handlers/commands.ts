import { browser } from 'wxt/browser';
import type { ContextStore } from '../../../utils/messaging/context-store';
import type { Broadcast } from '../../../utils/messaging/protocol';
import { firefoxSidebar, sidePanel } from './side-panel';

/**
 * The keyboard shortcut (user-changeable in the browser's shortcuts page): in Gmail and Outlook it
 * collapses or expands the docked sidebar; elsewhere it opens the side panel (Firefox: the sidebar).
 */
export function registerCommands(contexts: ContextStore, broadcast: (message: Broadcast) => void): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId = tab?.id;
    const sidebar = firefoxSidebar();
    if (sidebar) {
      // Firefox opens its sidebar only while the user gesture lasts, which ends at the first await:
      // decide from memory (its background page is persistent and holds every tab's context).
      const context = tabId === undefined ? undefined : contexts.peek(tabId);
      if (tabId !== undefined && context && context.site !== 'linkedin') broadcast({ type: 'frame/toggle', tabId });
      else void sidebar.toggle().catch(() => undefined);
      return;
    }
    // Opening the side panel must happen within the user gesture: ask before any await.
    const panel = sidePanel();
    void (async () => {
      const context = tabId === undefined ? null : await contexts.get(tabId);
      if (tabId !== undefined && context && context.site !== 'linkedin') {
        broadcast({ type: 'frame/toggle', tabId });
        return;
      }
      if (panel && tabId !== undefined) await panel.open({ tabId }).catch(() => undefined);
    })();
  });
}
