import { browser } from 'wxt/browser';
import { sidePanel } from './side-panel';

/** The keyboard shortcut (user-changeable in the browser's shortcuts page) opens the sidebar. */
export function registerCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const panel = sidePanel();
    if (panel && tab?.id !== undefined) {
      void panel.open({ tabId: tab.id }).catch(() => undefined);
      return;
    }
    void (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
  });
}
