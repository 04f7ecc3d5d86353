import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContextStore } from '../../../utils/messaging/context-store';
import type { Broadcast } from '../../../utils/messaging/protocol';
import type { PageContext } from '../../../utils/sites/types';
import { registerCommands } from './commands';

type CommandListener = (command: string, tab?: { id?: number }) => void;

const context = (site: PageContext['site'], url: string) => ({ site, url, people: [], messages: [] }) as unknown as PageContext;

/** Registers the shortcut handler with Firefox's sidebarAction present; returns what it did. */
async function setup() {
  let listener: CommandListener | undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => {
    listener = l as unknown as CommandListener;
  });
  const toggle = vi.fn(async () => undefined);
  (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction = { toggle };
  const contexts = new ContextStore(undefined);
  await contexts.set(1, context('linkedin', 'https://www.linkedin.com/in/a/'));
  await contexts.set(2, context('gmail', 'https://mail.google.com/mail/u/0/'));
  const broadcasts: Broadcast[] = [];
  registerCommands(contexts, (m) => broadcasts.push(m));
  return { press: (tabId: number) => listener!('toggle-sidebar', { id: tabId }), toggle, broadcasts };
}

describe('Alt+Shift+R in Firefox', () => {
  afterEach(() => {
    delete (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction;
    vi.restoreAllMocks();
  });

  it('toggles the sidebar within the key press itself, before any await (LinkedIn, unknown pages)', async () => {
    const { press, toggle, broadcasts } = await setup();
    press(1);
    // Synchronously: Firefox refuses sidebarAction.toggle() once the user gesture has ended.
    expect(toggle).toHaveBeenCalledTimes(1);
    press(99);
    expect(toggle).toHaveBeenCalledTimes(2);
    expect(broadcasts).toEqual([]);
  });

  it('collapses or expands the docked frame on webmail instead', async () => {
    const { press, toggle, broadcasts } = await setup();
    press(2);
    expect(broadcasts).toEqual([{ type: 'frame/toggle', tabId: 2 }]);
    expect(toggle).not.toHaveBeenCalled();
  });
});
