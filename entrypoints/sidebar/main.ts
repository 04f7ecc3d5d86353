/**
 * The sidebar page's first script: no React, Dexie or zod. In the side panel, and in a docked frame
 * with someone on screen, it loads the app at once. A docked frame on a list view (`#idle`, nobody on
 * screen) shows a static collapsed tab instead; the app loads when the content script says someone
 * appeared (the fragment becomes `#boot`, no reload) or when the tab is clicked. A docked frame the
 * user keeps collapsed also stays a static tab until it is opened (click or the shortcut).
 */
import '../../components/ui/base.css';
import '../../components/ui/panels.css';

type Listener = (message: unknown, sender: { id?: string }) => void;
interface Port {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  disconnect(): void;
}
interface ShellApi {
  i18n: { getMessage(key: string): string };
  tabs?: unknown;
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): Port;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}
const globals = globalThis as { browser?: ShellApi; chrome?: ShellApi };
const api: ShellApi = globals.browser?.runtime ? globals.browser : globals.chrome!;

const params = new URLSearchParams(location.search);
// Follow the host page's light or dark theme when the frame was told it (webmail).
const theme = params.get('theme');
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
const root = document.getElementById('root')!;
const site = params.get('host');
const tabId = Number(params.get('tabId'));

let booted = false;
let stopToggle = () => {};
function boot(): void {
  if (booted) return;
  booted = true;
  removeEventListener('hashchange', onHash);
  stopToggle();
  // A packaged chunk fails to load only when this page is going away (navigated, closed, the
  // extension updated underneath): nothing to show then, and nothing to report as an error.
  import('./app').then(({ mountApp }) => mountApp(root)).catch(() => undefined);
}
/** The content script moved `#idle` to `#boot`: someone is on screen now. */
function onHash(): void {
  if (location.hash !== '#idle' && !keptCollapsed) boot();
  else if (main) main.dataset.state = 'ready';
}

/** The keyboard shortcut (the background's `frame/toggle` for this tab) opens the tab. */
function listenToggle(): void {
  const handle = (message: unknown) => {
    const m = message as { type?: unknown; tabId?: unknown } | null;
    if (m?.type === 'frame/toggle' && m.tabId === tabId) void expand();
  };
  // A framed page in Firefox hears broadcasts through a port (as utils/messaging/client.ts does).
  if (!api.tabs) {
    try {
      const port = api.runtime.connect({ name: 'broadcasts' });
      port.onMessage.addListener(handle);
      stopToggle = () => port.disconnect();
    } catch {
      // The extension is going away.
    }
    return;
  }
  const listener: Listener = (message, sender) => {
    if (sender.id === api.runtime.id) handle(message);
  };
  api.runtime.onMessage.addListener(listener);
  stopToggle = () => api.runtime.onMessage.removeListener(listener);
}

let main: HTMLElement | undefined;
let keptCollapsed = false;

/** The collapsed tab, as the app draws it (same hooks), until the app is wanted. */
function showIdle(): void {
  main = document.createElement('main');
  main.className = 'sidebar sidebar--collapsed';
  main.dataset.testid = 'sidebar';
  main.dataset.state = location.hash === '#idle' ? 'no-context' : 'ready';
  main.dataset.site = site ?? '';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'expand-handle';
  button.dataset.testid = 'sidebar-expand';
  const label = api.i18n.getMessage('expand') || 'Open Rapport';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.textContent = '\u27e8';
  button.addEventListener('click', () => void expand());
  main.append(button);
  root.replaceChildren(main);
}

/** The user opened the tab: widen the frame (remembered for the site, as the app does) and load the app. */
async function expand(): Promise<void> {
  try {
    const key = `layout:${site}`;
    const stored = (await api.storage.local.get(key))[key] as { width?: unknown } | undefined;
    const width = typeof stored?.width === 'number' ? stored.width : 360;
    await api.storage.local.set({ [key]: { collapsed: false, width } });
    await api.runtime.sendMessage({ type: 'frame/layout', tabId, collapsed: false, width });
  } catch {
    // The frame stays narrow; the app still loads and offers its own controls.
  }
  boot();
}

/** A docked frame the user collapsed on this site stays a static tab (its width told to the page). */
async function collapsedByUser(): Promise<boolean> {
  try {
    const key = `layout:${site}`;
    const stored = (await api.storage.local.get(key))[key] as { collapsed?: unknown; width?: unknown } | undefined;
    if (stored?.collapsed !== true || typeof stored.width !== 'number') return false;
    await api.runtime.sendMessage({ type: 'frame/layout', tabId, collapsed: true, width: stored.width });
    return true;
  } catch {
    return false;
  }
}

if (site && Number.isInteger(tabId)) {
  void collapsedByUser().then((collapsed) => {
    keptCollapsed = collapsed;
    if (!collapsed && location.hash !== '#idle') return boot();
    showIdle();
    addEventListener('hashchange', onHash);
    listenToggle();
  });
} else {
  boot();
}
