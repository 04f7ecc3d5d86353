import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BROADCAST_PORT } from './protocol';

type Listener = (message: unknown) => void;

/** A fresh copy of the client (it subscribes once per page). */
async function freshClient() {
  vi.resetModules();
  return import('./client');
}

describe('broadcasts reach every kind of extension page', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('a page with the tabs API hears tab switches and contexts from our background via runtime messages', async () => {
    const client = await freshClient();
    const active: number[] = [];
    const contexts: number[] = [];
    client.onActiveTabChanged((tabId) => active.push(tabId));
    client.onContextChanged((tabId) => contexts.push(tabId));
    const ours = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab/activated', tabId: 4 }, ours);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'context/changed', tabId: 4, context: null }, ours);
    // Another extension, or a malformed message, is ignored.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab/activated', tabId: 5 }, { id: 'someone-else' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab/activated', tabId: -1 }, ours);
    expect(active).toEqual([4]);
    expect(contexts).toEqual([4]);
  });

  it('a page framed in Firefox (no tabs API) opens one port and hears broadcasts there only', async () => {
    const portListeners: Listener[] = [];
    const connect = vi.fn(() => ({
      onMessage: { addListener: (l: Listener) => portListeners.push(l) },
      onDisconnect: { addListener: () => undefined },
    }));
    const api = fakeBrowser as unknown as { tabs?: unknown; runtime: { connect: unknown } };
    const tabs = api.tabs;
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(connect as never);
    delete api.tabs;
    try {
      const client = await freshClient();
      const active: number[] = [];
      const toggles: number[] = [];
      client.onActiveTabChanged((tabId) => active.push(tabId));
      client.onFrameToggle(7, () => toggles.push(7));
      expect(connect).toHaveBeenCalledTimes(1);
      expect(connect).toHaveBeenCalledWith({ name: BROADCAST_PORT });
      for (const l of portListeners) l({ type: 'tab/activated', tabId: 2 });
      for (const l of portListeners) l({ type: 'frame/toggle', tabId: 7 });
      for (const l of portListeners) l({ type: 'frame/toggle', tabId: 8 });
      // Runtime messages are not a second channel: a toggle must not be applied twice.
      await fakeBrowser.runtime.onMessage.trigger({ type: 'frame/toggle', tabId: 7 }, { id: fakeBrowser.runtime.id });
      expect(active).toEqual([2]);
      expect(toggles).toEqual([7]);
    } finally {
      api.tabs = tabs;
    }
  });
});
