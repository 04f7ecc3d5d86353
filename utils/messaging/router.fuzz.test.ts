import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContextStore, type SessionArea } from './context-store';
import { ContentMessageSchema, PageMessageSchema, type Broadcast } from './protocol';
import { createRouter } from './router';

/*
 * Every message type of the protocol, fuzzed against the router (fast-check): wrong shapes, huge
 * strings, prototype keys, wrong senders, subframes. Oracle: the router accepts exactly what the
 * schema of the sender's direction accepts from an allowed sender; everything else gets
 * `{ ok: false }` with no write, no broadcast, no page action, nothing on the console, no throw,
 * and a reply that does not echo what the page sent.
 */

const EXT = 'ehfeogeimmminehlpclnicbiffkmgeci';
const ORIGIN = `chrome-extension://${EXT}/`;
const MARK = 'PAGE-SECRET-7f3a';
const RUNS = 300;

/** Fuzz cases run, counted for the closing note of issue 13. */
let casesRun = 0;

function harness() {
  const writes: string[] = [];
  const area: SessionArea = {
    async get() {
      return {};
    },
    async set(items) {
      writes.push(...Object.keys(items));
    },
    async remove(key) {
      writes.push(`-${key}`);
    },
  };
  const broadcasts: Broadcast[] = [];
  const pageAction = vi.fn(async () => 'done');
  const onSiteContext = vi.fn();
  const route = createRouter({
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    contexts: new ContextStore(area),
    broadcast: (m) => broadcasts.push(m),
    activeTabId: async () => 7,
    onSiteContext,
    pageAction,
  });
  return { route, writes, broadcasts, pageAction, onSiteContext };
}

const context = {
  site: 'gmail',
  view: 'email-thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  subject: 'Angebot',
  people: [{ name: 'Jürgen Weiß', email: 'juergen@weiss.example', role: 'sender' }],
  messages: [],
};

/** One valid message of every type, by direction. */
const VALID_CONTENT = [{ type: 'context/update', context }, { type: 'context/clear' }];
const VALID_PAGE = [
  { type: 'context/get', tabId: 7 },
  { type: 'frame/tab' },
  { type: 'focus/set', tabId: 7, contactId: 'ct_1' },
  { type: 'autolog/run', tabId: 7 },
  { type: 'frame/layout', tabId: 7, collapsed: false, width: 400 },
  { type: 'page/save-note', tabId: 7, contactId: 'ct_1', selectionOnly: false },
  { type: 'reminders/changed' },
  { type: 'backup/run' },
  { type: 'contact/erased', contactId: 'ct_1', emails: ['a@b.example'], names: ['A B'], linkedin: [] },
];
const ALL_VALID = [...VALID_CONTENT, ...VALID_PAGE];

const contentSender = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 7 }, frameId: 0 };
const pageSender = { id: EXT, url: `${ORIGIN}sidebar.html?tabId=7` };

const hugeString = fc.constantFrom(MARK.repeat(50_000), `${MARK}\u0000\uFFFF\uD800`, `javascript:alert('${MARK}')`, `<img src=x onerror=alert('${MARK}')>`);
const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then');
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  hugeString,
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Object.create(null)),
);

/** A valid message with one field replaced, removed or a prototype key added (at any depth 1–2). */
const mutated = (valids: readonly Record<string, unknown>[]) =>
  fc.tuple(fc.constantFrom(...valids), fc.nat(), fc.oneof(junk, hugeString), protoKey, fc.nat(3)).map(([base, pick, value, key, how]) => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    const keys = Object.keys(copy);
    const field = keys[pick % keys.length]!;
    if (how === 0) copy[field] = value;
    else if (how === 1) delete copy[field];
    else if (how === 2) Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    else if (typeof copy.context === 'object' && copy.context) (copy.context as Record<string, unknown>)[keys[pick % keys.length] === 'type' ? 'people' : 'url'] = value;
    else copy.type = typeof value === 'string' ? value : `${String(copy.type)}/${MARK}`;
    return copy;
  });

/** Senders that are never allowed: other extensions, web pages, subframes, no tab, plain http. */
const foreignSender = fc.oneof(
  fc.record({ id: fc.string({ maxLength: 40 }).filter((s) => s !== EXT), url: fc.webUrl(), tab: fc.record({ id: fc.nat() }), frameId: fc.nat() }),
  fc.record({ url: fc.webUrl() }),
  fc.record({ id: fc.constant(EXT), url: fc.constant(contentSender.url), tab: fc.record({ id: fc.nat() }), frameId: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ id: fc.constant(EXT), url: fc.constant(contentSender.url), frameId: fc.constant(0) }),
  fc.record({ id: fc.constant(EXT), url: fc.constant('http://mail.google.com/mail/u/0/'), tab: fc.record({ id: fc.nat() }), frameId: fc.constant(0) }),
  fc.record({ id: fc.constant(EXT), url: fc.constant(`chrome-extension://${'x'.repeat(32)}/sidebar.html`), tab: fc.record({ id: fc.nat() }), frameId: fc.constant(0) }),
  fc.constant({ id: EXT }),
  fc.constant({}),
);

function echoes(reply: unknown): boolean {
  return JSON.stringify(reply ?? null).includes(MARK);
}

describe('message router under fuzzing', () => {
  const logged: unknown[][] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(logged, 'nothing logged').toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every message, valid or not, from a foreign sender or a subframe: no write, no echo', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...ALL_VALID), mutated(ALL_VALID), junk), foreignSender, async (message, sender) => {
        casesRun++;
        const h = harness();
        const reply = await h.route(message, sender);
        expect(reply).toEqual({ ok: false, error: 'sender not allowed' });
        expect(h.writes).toEqual([]);
        expect(h.broadcasts).toEqual([]);
        expect(h.pageAction).not.toHaveBeenCalled();
      }),
      { numRuns: RUNS },
    );
  });

  it('from our content script: accepts exactly what the content schema accepts; anything else changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(VALID_CONTENT), mutated(VALID_PAGE), junk), async (message) => {
        casesRun++;
        const h = harness();
        const reply = (await h.route(message, contentSender)) as { ok: boolean };
        expect(echoes(reply)).toBe(false);
        expect(h.pageAction).not.toHaveBeenCalled();
        if (!ContentMessageSchema.safeParse(message).success) {
          expect(reply.ok).toBe(false);
          expect(h.writes).toEqual([]);
          expect(h.broadcasts).toEqual([]);
          expect(h.onSiteContext).not.toHaveBeenCalled();
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('from an extension page: accepts exactly what the page schema accepts; anything else reaches no action', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(VALID_PAGE), mutated(VALID_CONTENT), junk), async (message) => {
        casesRun++;
        const h = harness();
        const reply = (await h.route(message, pageSender)) as { ok: boolean };
        expect(h.writes).toEqual([]);
        if (!PageMessageSchema.safeParse(message).success) {
          expect(reply.ok).toBe(false);
          expect(echoes(reply)).toBe(false);
          expect(h.pageAction).not.toHaveBeenCalled();
        } else expect(reply.ok).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('never throws, whatever the message and sender (the reply is always an object)', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.oneof(foreignSender, fc.constant(contentSender), fc.constant(pageSender), junk), async (message, sender) => {
        casesRun++;
        const h = harness();
        const reply = await h.route(message, sender as never);
        expect(typeof reply).toBe('object');
        expect(h.writes.length === 0 || (reply as { ok: boolean }).ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a content script cannot use any page-only message type, however well-formed', async () => {
    for (const message of VALID_PAGE) {
      casesRun++;
      const h = harness();
      expect(await h.route(message, contentSender)).toMatchObject({ ok: false });
      expect(h.pageAction).not.toHaveBeenCalled();
      expect(h.writes).toEqual([]);
    }
  });

  it('the valid message of every type is accepted from its own direction (the oracle is not vacuous)', async () => {
    for (const message of VALID_CONTENT) expect(await harness().route(message, contentSender)).toMatchObject({ ok: true });
    for (const message of VALID_PAGE) expect(await harness().route(message, pageSender)).toMatchObject({ ok: true });
    expect(casesRun).toBeGreaterThanOrEqual(RUNS * 6);
  });
});
