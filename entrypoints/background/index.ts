import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setI18nHost } from '../../utils/i18n';
import { i18nHost } from '../../utils/messaging/client';
import { ContextStore } from '../../utils/messaging/context-store';
import { createRouter } from '../../utils/messaging/router';
import type { Broadcast } from '../../utils/messaging/protocol';
import { registerSidePanel, enableSidePanelFor } from './handlers/side-panel';
import { registerCommands } from './handlers/commands';
import { FocusStore, registerContextMenus, savePageNote } from './handlers/capture';

export default defineBackground({
  type: 'module',
  main() {
    setI18nHost(i18nHost);
    const contexts = new ContextStore(browser.storage.session);
    const focus = new FocusStore();
    const broadcast = (message: Broadcast) => {
      // No listener (no sidebar open) is the normal case, not an error.
      browser.runtime.sendMessage(message).catch(() => undefined);
    };
    const route = createRouter({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      contexts,
      broadcast,
      async activeTabId() {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      },
      onSiteContext: (tabId, context) => {
        if (context.site === 'linkedin') void enableSidePanelFor(tabId);
      },
      async pageAction(message) {
        switch (message.type) {
          case 'focus/set':
            focus.set(message.tabId, message.contactId);
            return null;
          case 'frame/layout':
            // To the tab's top frame only: the content script that owns #rapport-root.
            await browser.tabs.sendMessage(
              message.tabId,
              { type: 'frame/layout', collapsed: message.collapsed, width: message.width },
              { frameId: 0 },
            );
            return null;
          case 'page/save-note':
            return (await savePageNote(message.tabId, message.contactId, message.selectionOnly)).id;
        }
      },
    });

    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    browser.tabs.onRemoved.addListener((tabId) => {
      void contexts.delete(tabId);
      focus.forget(tabId);
    });

    registerSidePanel();
    registerCommands(contexts, broadcast);
    registerContextMenus(focus);
  },
});
