import { browser } from 'wxt/browser';
import type { ContextStore } from '../../../utils/messaging/context-store';
import type { Broadcast } from '../../../utils/messaging/protocol';
import { sidePanel } from './side-panel';

/**
 * The keyboard shortcut (user-changeable in the browser's shortcuts page): in Gmail and Outlook it
 * collapses or expands the docked sidebar; elsewhere it opens the side panel (Firefox: the sidebar).
 */
export function registerCommands(contexts: ContextStore, broadcast: (message: Broadcast) => void): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const tabId = tab?.id;
    // Opening the side panel must happen within the user gesture: ask before any await.
    const panel = sidePanel();
    void (async () => {
      const context = tabId === undefined ? null : await contexts.get(tabId);
      if (tabId !== undefined && context && context.site !== 'linkedin') {
        broadcast({ type: 'frame/toggle', tabId });
        return;
      }
      if (panel && tabId !== undefined) await panel.open({ tabId }).catch(() => undefined);
      else await (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
    })();
  });
}
