// First: keeps Dexie's page-lifecycle handlers out of Firefox's background page (see the file).
import './page-lifecycle';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { setI18nHost } from '../../utils/i18n';
import { i18nHost } from '../../utils/messaging/client';
import { ContextStore } from '../../utils/messaging/context-store';
import { createRouter } from '../../utils/messaging/router';
import { BROADCAST_PORT, type Broadcast } from '../../utils/messaging/protocol';
import { registerSidePanel, enableSidePanelFor } from './handlers/side-panel';
import { registerCommands } from './handlers/commands';
import { FocusStore, registerContextMenus, savePageNote } from './handlers/capture';
import { registerReminders } from './handlers/reminders';
import { createBackups, registerBackups } from './handlers/backup';
import { forgetErased } from './handlers/erase';
import { getDb } from '../../utils/db/db';
import { createAutoLogger } from './handlers/autolog';

export default defineBackground({
  type: 'module',
  main() {
    setI18nHost(i18nHost);
    const contexts = new ContextStore(browser.storage.session);
    const focus = new FocusStore();
    // Registered first, synchronously: the browser's start event is delivered only to listeners added at once.
    // A click on a reminder tells the sidebar of the tab it brings forward whom to show (`broadcast` is defined below).
    const reminders = registerReminders(contexts, (message) => broadcast(message));
    const autoLog = createAutoLogger();
    const ports = new Set<Browser.runtime.Port>();
    const backups = createBackups(getDb());
    const broadcast = (message: Broadcast) => {
      // No listener (no sidebar open) is the normal case, not an error.
      browser.runtime.sendMessage(message).catch(() => undefined);
      for (const port of ports) {
        try {
          port.postMessage(message);
        } catch {
          ports.delete(port);
        }
      }
    };
    // Framed sidebars in Firefox hear broadcasts through a port (see utils/messaging/client.ts).
    browser.runtime.onConnect.addListener((port) => {
      const fromOurPage = port.sender?.id === browser.runtime.id && port.sender.url?.startsWith(browser.runtime.getURL('/'));
      if (port.name !== BROADCAST_PORT || !fromOurPage) {
        port.disconnect();
        return;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    });
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
        // Touchpoints logged here change what is awaiting a reply: the badge is recounted.
        // Logged once the tab's sidebar has shown the people (it asks with `autolog/run`), not before.
        else if (context.messages.length > 0) void autoLog.afterShown(tabId, context).then((r) => (r.stored > 0 ? reminders.refresh() : undefined));
      },
      async pageAction(message) {
        switch (message.type) {
          case 'autolog/run': {
            const context = await contexts.get(message.tabId);
            if (!context) {
              autoLog.release(message.tabId);
              return null;
            }
            const logged = await autoLog.now(message.tabId, context);
            if (logged.stored > 0) await reminders.refresh();
            return logged;
          }
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
          case 'reminders/changed':
            await reminders.refresh();
            return null;
          case 'backup/run':
            return await backups.now();
          case 'contact/erased':
            await forgetErased(contexts, focus, message);
            return null;
        }
      },
    });

    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    // Extension pages learn of tab switches from here (a framed page in Firefox has no tabs API).
    browser.tabs.onActivated.addListener(({ tabId }) => broadcast({ type: 'tab/activated', tabId }));
    browser.tabs.onRemoved.addListener((tabId) => {
      void contexts.delete(tabId);
      focus.forget(tabId);
      autoLog.forget(tabId);
    });

    registerSidePanel();
    registerCommands(contexts, broadcast);
    registerContextMenus(focus);
    registerBackups(backups);
  },
});
