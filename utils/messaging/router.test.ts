import { describe, expect, it, vi } from 'vitest';
import { ContextStore, type SessionArea } from './context-store';
import type { Broadcast } from './protocol';
import { createRouter } from './router';

const EXT = 'ehfeogeimmminehlpclnicbiffkmgeci';
const ORIGIN = `chrome-extension://${EXT}/`;
const gmailSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 7 }, frameId: 0 };
const pageSender = { id: EXT, url: `${ORIGIN}sidebar.html?tabId=7` };

function memoryArea(): SessionArea & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: {} as Record<string, unknown>,
    writes: 0,
    async get(key: string) {
      return key in area.data ? { [key]: area.data[key] } : {};
    },
    async set(items: Record<string, unknown>) {
      area.writes++;
      Object.assign(area.data, items);
    },
    async remove(key: string) {
      area.writes++;
      delete area.data[key];
    },
  };
  return area;
}

function setup(now?: Date) {
  const area = memoryArea();
  const broadcasts: Broadcast[] = [];
  const pageAction = vi.fn(async () => 'done');
  const route = createRouter({
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    contexts: new ContextStore(area),
    broadcast: (m) => broadcasts.push(m),
    activeTabId: async () => 7,
    pageAction,
    ...(now ? { now: () => now } : {}),
  });
  return { area, broadcasts, route, pageAction };
}

const context = {
  site: 'gmail',
  view: 'email-thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  subject: 'Angebot',
  people: [{ name: 'Jürgen Weiß', email: 'Juergen@Weiss.example', role: 'sender' }],
  messages: [],
};

describe('message router', () => {
  it('stores a valid context from our content script and tells the sidebars', async () => {
    const { route, area, broadcasts } = setup();
    expect(await route({ type: 'context/update', context }, gmailSender)).toEqual({ ok: true, tabId: 7 });
    expect(area.writes).toBe(1);
    expect(broadcasts[0]).toMatchObject({ type: 'context/changed', tabId: 7 });
    const reply = (await route({ type: 'context/get', tabId: 7 }, pageSender)) as { context: { people: { email: string }[] } };
    expect(reply.context.people[0]!.email).toBe('juergen@weiss.example');
  });

  it('reads the dates the page printed, in its language, when the context arrives; unreadable ones are undated', async () => {
    const { route, broadcasts } = setup(new Date(2025, 2, 6, 12, 0));
    const message = (id: string, printedDate?: string[]) => ({ id, to: [], cc: [], text: '', ...(printedDate ? { printedDate } : {}) });
    const dated = {
      ...context,
      lang: 'de',
      messages: [
        message('a', ['Di., 4. März 2025, 16:02']),
        message('b', ['Mittwoch', '3/5/2025 08:47']),
        message('c', ['gestern 16:15']),
        message('d', ['Freitag']),
        { ...message('e'), sentAt: '2025-03-01T10:00:00.000Z', printedDate: ['gestern 09:00'] },
        { ...message('f'), undated: true },
      ],
    };
    expect(await route({ type: 'context/update', context: dated }, gmailSender)).toEqual({ ok: true, tabId: 7 });
    const stored = ((await route({ type: 'context/get', tabId: 7 }, pageSender)) as { context: Record<string, unknown> & { messages: Record<string, unknown>[] } }).context;
    expect(stored.messages.map((m) => m.sentAt)).toEqual([
      new Date(2025, 2, 4, 16, 2).toISOString(),
      // de: day first
      new Date(2025, 4, 3, 8, 47).toISOString(),
      new Date(2025, 2, 5, 16, 15).toISOString(),
      undefined,
      '2025-03-01T10:00:00.000Z',
      undefined,
    ]);
    expect(stored.messages.map((m) => m.undated ?? false)).toEqual([false, false, false, true, false, true]);
    for (const m of stored.messages) expect(m).not.toHaveProperty('printedDate');
    expect(stored).not.toHaveProperty('lang');
    expect((broadcasts[0] as { context: unknown }).context).toEqual(stored);

    // The same printed date on an en-US page is March 5.
    const us = setup(new Date(2025, 2, 6, 12, 0));
    await us.route({ type: 'context/update', context: { ...dated, lang: 'en-US', messages: [message('b', ['3/5/2025 08:47'])] } }, gmailSender);
    const usStored = ((await us.route({ type: 'context/get', tabId: 7 }, pageSender)) as { context: { messages: { sentAt?: string }[] } }).context;
    expect(usStored.messages[0]!.sentAt).toBe(new Date(2025, 2, 5, 8, 47).toISOString());
  });

  it('refuses a context whose printed dates are too many or too long', async () => {
    const { route, area } = setup();
    const message = (printedDate: string[]) => ({ ...context, messages: [{ id: 'a', to: [], cc: [], text: '', printedDate }] });
    for (const bad of [message(['1', '2', '3', '4']), message(['x'.repeat(201)])]) {
      expect(await route({ type: 'context/update', context: bad }, gmailSender)).toMatchObject({ ok: false });
    }
    expect(area.writes).toBe(0);
  });

  it.each([
    ['another extension', { ...gmailSender, id: 'otherextensionidotherextensionid' }],
    ['a web page', { url: 'https://evil.example/' }],
    ['a subframe of the host page', { ...gmailSender, frameId: 3 }],
    ['no sender id', { url: gmailSender.url, tab: { id: 7 }, frameId: 0 }],
  ])('refuses %s without a write', async (_label, sender) => {
    const { route, area, broadcasts } = setup();
    expect(await route({ type: 'context/update', context }, sender)).toEqual({ ok: false, error: 'sender not allowed' });
    expect(area.writes).toBe(0);
    expect(broadcasts).toEqual([]);
  });

  it.each([
    ['not an object', 'context/update'],
    ['unknown type', { type: 'db/wipe' }],
    ['people not a list', { type: 'context/update', context: { ...context, people: 'Mallory' } }],
    ['bad role', { type: 'context/update', context: { ...context, people: [{ name: 'x', role: 'admin' }] } }],
    ['javascript: url', { type: 'context/update', context: { ...context, url: 'javascript:alert(1)' } }],
    ['a huge name', { type: 'context/update', context: { ...context, people: [{ name: 'x'.repeat(100_000), role: 'sender' }] } }],
    ['prototype pollution', JSON.parse('{"type":"context/update","__proto__":{"polluted":true},"context":null}')],
  ])('refuses a malformed message (%s) without a write', async (_label, message) => {
    const { route, area } = setup();
    const reply = (await route(message, gmailSender)) as { ok: boolean; error: string };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/^invalid message/);
    expect(area.writes).toBe(0);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses a context that claims another site than the sending page', async () => {
    const { route, area } = setup();
    const spoof = { ...context, site: 'linkedin', url: 'https://www.linkedin.com/in/mallory/' };
    expect(await route({ type: 'context/update', context: spoof }, gmailSender)).toMatchObject({ ok: false });
    const otherOrigin = { ...context, url: 'https://evil.example/' };
    expect(await route({ type: 'context/update', context: otherOrigin }, gmailSender)).toMatchObject({ ok: false });
    expect(area.writes).toBe(0);
  });

  it('does not let a content script use page-only actions', async () => {
    const { route, pageAction } = setup();
    const reply = await route({ type: 'page/save-note', tabId: 7, contactId: 'ct_1' }, gmailSender);
    expect(reply).toMatchObject({ ok: false });
    expect(pageAction).not.toHaveBeenCalled();
  });

  it('takes "the notebook changed" (the badge recount) from extension pages only', async () => {
    const { route, pageAction } = setup();
    expect(await route({ type: 'reminders/changed' }, gmailSender)).toMatchObject({ ok: false });
    expect(pageAction).not.toHaveBeenCalled();
    expect(await route({ type: 'reminders/changed' }, pageSender)).toMatchObject({ ok: true });
    expect(pageAction).toHaveBeenCalledWith({ type: 'reminders/changed' });
  });

  it('passes validated page actions from extension pages only', async () => {
    const { route, pageAction } = setup();
    expect(await route({ type: 'page/save-note', tabId: 7, contactId: 'ct_1' }, pageSender)).toEqual({ ok: true, result: 'done' });
    expect(pageAction).toHaveBeenCalledWith({ type: 'page/save-note', tabId: 7, contactId: 'ct_1', selectionOnly: false });
    expect(await route({ type: 'page/save-note', tabId: -1, contactId: 'ct_1' }, pageSender)).toMatchObject({ ok: false });
    expect(pageAction).toHaveBeenCalledTimes(1);
  });

  it('still serves and broadcasts a context the session mirror cannot hold', async () => {
    const broadcasts: Broadcast[] = [];
    const full = memoryArea();
    full.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const route = createRouter({
      extensionId: EXT,
      extensionOrigin: ORIGIN,
      contexts: new ContextStore(full),
      broadcast: (m) => broadcasts.push(m),
      activeTabId: async () => 7,
    });
    expect(await route({ type: 'context/update', context }, gmailSender)).toEqual({ ok: true, tabId: 7 });
    expect(broadcasts).toHaveLength(1);
    expect(await route({ type: 'context/get', tabId: 7 }, pageSender)).toMatchObject({ ok: true, context: { subject: 'Angebot' } });
  });

  it('clears a tab context', async () => {
    const { route, broadcasts } = setup();
    await route({ type: 'context/update', context }, gmailSender);
    await route({ type: 'context/clear' }, gmailSender);
    expect(await route({ type: 'context/get', tabId: 7 }, pageSender)).toEqual({ ok: true, tabId: 7, context: null });
    expect(broadcasts.at(-1)).toEqual({ type: 'context/changed', tabId: 7, context: null });
  });
});
