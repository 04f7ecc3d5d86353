import { browser } from 'wxt/browser';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

type ActionApi = typeof browser.action;

/** The toolbar button: `action` (MV3), `browserAction` (Firefox's MV2 build). */
export function toolbarAction(): ActionApi | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction;
}

/** Chrome's side panel API, absent in Firefox (which uses sidebar_action). */
export function sidePanel(): SidePanelApi | undefined {
  return (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
}

/** Firefox's sidebar (`sidebar_action`), absent in Chrome. */
export function firefoxSidebar(): { toggle(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
}

/** The toolbar button opens the side panel (LinkedIn and any page the user chooses). */
export function registerSidePanel(): void {
  void sidePanel()
    ?.setPanelBehavior({ openPanelOnActionClick: true })
    .catch(() => undefined);
  if (!sidePanel()) {
    // Called synchronously: Firefox honours toggle() only inside the click's user gesture.
    toolbarAction()?.onClicked.addListener(() => void firefoxSidebar()?.toggle().catch(() => undefined));
  }
}

/** Points a LinkedIn tab's side panel at that tab's sidebar. */
export async function enableSidePanelFor(tabId: number): Promise<void> {
  await sidePanel()
    ?.setOptions({ tabId, path: `sidebar.html?tabId=${tabId}`, enabled: true })
    .catch(() => undefined);
}
