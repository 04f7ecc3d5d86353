// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { displayName, emailKey } from './dom';
import { ADAPTERS, adapterFor } from './index';
import { expectedStates, type ExpectedState } from './testing/expected';
import { isEnglish, localise, VARIANTS, type Variant } from './testing/languages';
import { openFixture, OWN_FIXTURES, SHARED_FIXTURES, type FixtureWindow } from './testing/fixture-window';
import { PageContextSchema, type RawPageContext } from './types';
import { withPrintedDates } from './dates';

/**
 * The contract: every adapter over every fixture (shared and our own dated ones), in every state the
 * fixture offers, driven through the fixture's own `__nav` runtime (it runs in happy-dom), compared
 * with `<name>.expected.json`. Also checks the moment between URL change and DOM swap. Every English
 * fixture runs again in each language of testing/languages.ts (de fr es it nl pt pl, and sv, which no
 * label table knows): the same people, ids and dates are expected.
 */

const ws = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const localMinute = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

interface FixtureCase {
  label: string;
  html: string;
  expected: unknown & { serve_at: string; states: unknown[] };
  /** Extra query for layout variants (LinkedIn profile SDUI). */
  query?: string;
  /** The page in another language (generated from the English fixture by testing/languages.ts). */
  lang?: Variant;
}

function cases(): FixtureCase[] {
  const list: FixtureCase[] = [];
  for (const file of readdirSync(SHARED_FIXTURES).filter((f) => f.endsWith('.html'))) {
    const expected = JSON.parse(readFileSync(join(SHARED_FIXTURES, file.replace(/\.html$/, '.expected.json')), 'utf8'));
    list.push({ label: `shared/${file}`, html: join(SHARED_FIXTURES, file), expected });
    if (file === 'linkedin-profile.html') {
      for (const layout of ['sdui', 'sdui-h1']) {
        list.push({ label: `shared/${file}?layout=${layout}`, html: join(SHARED_FIXTURES, file), expected, query: `layout=${layout}` });
      }
    }
  }
  for (const site of ['gmail', 'outlook', 'linkedin'].filter((s) => existsSync(join(OWN_FIXTURES, s)))) {
    const dir = join(OWN_FIXTURES, site);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      list.push({ label: `tests/fixtures/${site}/${file}`, html: join(dir, file), expected });
    }
  }
  // Every English fixture again in every listed language (and in one no table knows: sv).
  const variants: FixtureCase[] = [];
  for (const c of list) {
    if (!isEnglish(readFileSync(c.html, 'utf8'))) continue;
    for (const lang of VARIANTS) variants.push({ ...c, label: `${c.label} [${lang}]`, lang });
  }
  return [...list, ...variants];
}

function withQuery(url: string, query?: string): string {
  if (!query) return url;
  const u = new URL(url);
  for (const [k, v] of new URLSearchParams(query)) u.searchParams.set(k, v);
  return u.href;
}

function extract(fx: FixtureWindow): RawPageContext {
  const url = fx.url();
  const adapter = adapterFor(url);
  expect(adapter, `an adapter for ${url.href}`).toBeDefined();
  // The content script reports printed dates; the background reads them (as the router does).
  return withPrintedDates(adapter!.extract(fx.doc, url));
}

const personKey = (p: { email?: string; linkedinUrl?: string; name: string }) =>
  p.email ? `e:${emailKey(p.email)}` : p.linkedinUrl ? `l:${p.linkedinUrl}` : `n:${p.name.toLowerCase()}`;

function sameName(actual: string, expected: string) {
  // Names longer than the schema's 500 units are clipped with an ellipsis.
  if (expected.length > 500) expect(expected.startsWith(actual.slice(0, -1))).toBe(true);
  else expect(actual).toBe(expected);
}

function checkContext(ctx: RawPageContext, state: ExpectedState, label: string) {
  const parsed = PageContextSchema.safeParse(ctx);
  expect(parsed.success, `${label}: schema ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`).toBe(true);
  expect(ctx.view, `${label}: view`).toBe(state.view);
  if (state.subject) expect(ws(ctx.subject), `${label}: subject`).toBe(ws(state.subject));
  if (state.threadId) expect(ctx.threadId, `${label}: thread id`).toBe(state.threadId);
  expect(ctx.people.map(personKey).sort(), `${label}: people`).toEqual(state.people.map(personKey).sort());
  for (const want of state.people) {
    const got = ctx.people.find((p) => personKey(p) === personKey(want))!;
    sameName(got.name, want.name);
    if (want.email) expect(emailKey(got.email), `${label}: ${want.name} email`).toBe(want.email);
    if (want.linkedinUrl) expect(got.linkedinUrl, `${label}: ${want.name} url`).toBe(want.linkedinUrl);
    expect(want.roles, `${label}: ${want.name} role ${got.role}`).toContain(got.role);
    for (const field of ['headline', 'title', 'company', 'location'] as const) {
      if (want[field]) expect(ws(got[field]), `${label}: ${want.name} ${field}`).toBe(ws(want[field]));
    }
    for (const field of want.absent ?? []) expect(got[field], `${label}: ${want.name} ${field} is unknown`).toBeUndefined();
  }
  if (!state.messages) return;
  expect(ctx.messages.length, `${label}: message count`).toBe(state.messages.length);
  state.messages.forEach((want, i) => {
    const got = ctx.messages[i]!;
    const where = `${label}: message ${i}`;
    if (want.id) expect(got.id, `${where} id`).toBe(want.id);
    if (want.fromName) sameName(got.from?.name ?? '', want.fromName);
    if (want.fromEmail) expect(emailKey(got.from?.email), `${where} from`).toBe(want.fromEmail);
    if (want.snippet) {
      expect(got.snippet, `${where} snippet flag`).toBe(true);
      expect(ws(want.text).startsWith(ws(got.text).replace(/…$/, '')), `${where} snippet text`).toBe(true);
    } else {
      expect(got.snippet, `${where} snippet flag`).toBeFalsy();
      expect(ws(got.text), `${where} text`).toBe(ws(want.text));
    }
    if (want.sentLocal || want.sentUtc) expect(got.undated, `${where} dated`).toBeFalsy();
    if (want.sentLocal) expect(got.sentAt && localMinute(got.sentAt), `${where} date`).toBe(want.sentLocal);
    if (want.sentUtc) expect(got.sentAt?.slice(0, 16), `${where} date`).toBe(want.sentUtc);
  });
}

/** Between the URL change and the DOM swap: never people who are not in the new state. */
function checkInBetween(ctx: RawPageContext, state: ExpectedState, label: string) {
  const allowed = new Set(state.people.map(personKey));
  for (const person of ctx.people) expect(allowed.has(personKey(person)), `${label}: stale ${person.name} under new URL`).toBe(true);
  expect(PageContextSchema.safeParse(ctx).success).toBe(true);
}

describe('adapter contract over every fixture', () => {
  test.each(cases().map((c) => [c.label, c] as const))('%s', async (_label, fixture) => {
    const states = expectedStates(fixture.expected);
    const transform = fixture.lang ? (html: string) => localise(html, fixture.expected.serve_at, fixture.lang!) : undefined;
    const fx = await openFixture(fixture.html, withQuery(fixture.expected.serve_at, fixture.query), true, transform);
    try {
      const hasNav = !!(fx.win as unknown as { __nav?: unknown }).__nav;
      // Initial load (state 0 or the only state).
      checkContext(extract(fx), states[0]!, `${fixture.label} [load ${states[0]!.name}]`);
      if (!hasNav) return;
      const order = states.filter((s) => !s.loadOnly);
      // Walk every state, then back to the first one, each time checking the in-between moment too.
      for (const state of [...order.slice(1), order[0]!]) {
        const label = `${fixture.label} [${state.name}]`;
        const done = fx.nav(state.index, 25);
        checkInBetween(extract(fx), state, `${label} before swap`);
        await done;
        checkContext(extract(fx), state, label);
      }
    } finally {
      await fx.close();
    }
    // Load-only states (Outlook deeplink) open on their own URL.
    for (const state of states.filter((s) => s.loadOnly)) {
      const own = await openFixture(fixture.html, withQuery(state.url, `state=${state.name}`), true, transform);
      try {
        checkContext(extract(own), state, `${fixture.label} [load ${state.name}]`);
      } finally {
        await own.close();
      }
    }
  });

  test('every adapter claims only its own hosts', () => {
    const hosts: Record<string, string> = {
      gmail: 'https://mail.google.com/mail/u/0/#inbox',
      outlook: 'https://outlook.office365.com/owa/?path=/mail/inbox',
      linkedin: 'https://www.linkedin.com/in/someone/',
    };
    for (const adapter of ADAPTERS) {
      for (const [site, url] of Object.entries(hosts)) expect(adapter.matches(new URL(url))).toBe(adapter.site === site);
      expect(adapter.matches(new URL('https://example.com/'))).toBe(false);
    }
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']) {
      expect(adapterFor(new URL(`https://${host}/mail/`))?.site).toBe('outlook');
    }
  });
});

describe('gmail details and expanded messages', () => {
  test('expanding the collapsed message gives its body; "Show details" splits to and cc', async () => {
    const expected = JSON.parse(readFileSync(join(SHARED_FIXTURES, 'gmail-thread.expected.json'), 'utf8'));
    const state = expectedStates(expected)[0]!;
    const fx = await openFixture(join(SHARED_FIXTURES, 'gmail-thread.html'), expected.serve_at);
    try {
      fx.fixture('expand', 0);
      for (const i of [0, 1, 2]) fx.fixture('showDetails', i);
      const ctx = extract(fx);
      state.messages!.forEach((want, i) => {
        const got = ctx.messages[i]!;
        expect(got.snippet).toBeFalsy();
        expect(ws(got.text)).toBe(ws(expected.states[0].open_thread.messages[i].body_text));
        expect(got.to.map((a) => a.email)).toEqual(want.to);
        expect(got.cc.map((a) => a.email)).toEqual(want.cc);
      });
      const roles = Object.fromEntries(ctx.people.map((p) => [p.name, p.role]));
      expect(roles).toEqual({ 'Jürgen Weiß': 'sender', 'Priya Raghunathan': 'sender', 'Markus Brandt': 'cc', 'Sophie Laurent': 'cc' });
      expect(ctx.people.some((p) => p.email === 'dana.whitfield@gmail.com')).toBe(false);
    } finally {
      await fx.close();
    }
  });

  test('hostile page: decoys and page-authored sidebars never show, addresses come from attributes', async () => {
    const expected = JSON.parse(readFileSync(join(SHARED_FIXTURES, 'hostile-page.expected.json'), 'utf8'));
    const fx = await openFixture(join(SHARED_FIXTURES, 'hostile-page.html'), expected.serve_at);
    try {
      for (const index of [0, 1]) {
        await fx.nav(index);
        const json = JSON.stringify(extract(fx));
        for (const banned of ['Mallory', 'mallory@evil.example', 'decoy@evil.example', 'PAYROLL UPDATE']) expect(json).not.toContain(banned);
      }
      const spoof = extract(fx);
      expect(spoof.people).toEqual([
        { name: 'Jürgen Weiß <juergen.weiss@weiss-maschinenbau.example>', email: 'juergen.weiss@weiss-maschinenbau.example.evil.example', role: 'sender' },
      ]);
      expect(displayName('Accounts Payable \u202Efdp.exe\u202C')).toBe('Accounts Payable fdp.exe');
    } finally {
      await fx.close();
    }
  });
});
