// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { conversationToInteractions } from '../domain/capture';
import { adapterFor } from './index';
import { LANGS } from './labels';
import { localise, VARIANTS } from './testing/languages';
import { openFixture, OWN_FIXTURES, REPO_ROOT, SHARED_FIXTURES } from './testing/fixture-window';
import { PageContextSchema, type RawPageContext } from './types';
import { withPrintedDates } from './dates';

/**
 * The user's language: the label tables are complete and sourced; the same page in any language gives
 * the same people (the contract test runs every fixture in every variant; here the cases that need a
 * hand-made change of structure or content); an unreadable date is never guessed.
 */

async function extractFrom(file: string, url: string, transform?: (html: string) => string): Promise<RawPageContext> {
  const fx = await openFixture(file, url, true, transform);
  try {
    return withPrintedDates(adapterFor(new URL(url))!.extract(fx.doc, fx.url()));
  } finally {
    await fx.close();
  }
}

const peopleOf = (ctx: RawPageContext) => ctx.people.map((p) => `${p.role}:${p.email ?? p.linkedinUrl ?? p.name}`).sort();

describe('label tables', () => {
  test.each(['outlook', 'gmail', 'linkedin'])('%s: every entry has every language, each saying where it was seen', (site) => {
    const source = readFileSync(join(REPO_ROOT, 'utils/sites', site, 'labels.ts'), 'utf8');
    const tables = source.split(/export const (\w+): Labels = \{/).slice(1);
    expect(tables.length).toBeGreaterThan(0);
    for (let i = 0; i < tables.length; i += 2) {
      const body = tables[i + 1]!.slice(0, tables[i + 1]!.indexOf('};'));
      for (const lang of LANGS) {
        const line = body.split('\n').find((l) => l.trim().startsWith(`${lang}:`));
        expect(line, `${site} ${tables[i]} ${lang}`).toBeDefined();
        expect(line, `${site} ${tables[i]} ${lang}: source`).toMatch(/\/\/ (seen: .+|product UI.*|usage.*)$/);
      }
    }
  });
});

describe('Outlook compose in each language', () => {
  const file = join(OWN_FIXTURES, 'outlook/2026-11-25-compose.html');
  const url = 'https://outlook.office.com/mail/inbox';

  test('German compose (the issue): the same three recipients as the English one', async () => {
    const english = await extractFrom(file, url);
    expect(peopleOf(english)).toHaveLength(3);
    for (const lang of VARIANTS) {
      const localised = await extractFrom(file, url, (html) => localise(html, url, lang));
      expect(localised.view, lang).toBe('compose');
      expect(peopleOf(localised), lang).toEqual(peopleOf(english));
      expect(localised.subject, lang).toBe(english.subject);
    }
  });

  test('wells whose label no table knows: the first is To, the later ones Cc (OWA order)', async () => {
    const unknown = (html: string) =>
      html.replace(/aria-label="To"/g, 'aria-label="宛先"').replace(/aria-label="Cc"/g, 'aria-label="CC (コピー)"').replace(/aria-label="Add a subject"/g, 'aria-label="件名を追加"');
    const ctx = await extractFrom(file, url, unknown);
    expect(ctx.people.filter((p) => p.role === 'recipient').map((p) => p.name)).toEqual(['Lena Vogt', 'Marek Nowak']);
    expect(ctx.people.filter((p) => p.role === 'cc').map((p) => p.name)).toEqual(['Sofia Reyes']);
    expect(ctx.subject).toBe('Q1 freight rates – Gdańsk route');
  });
});

describe('Outlook reading pane rows in a language no table knows', () => {
  test('To and Cc rows are told apart by their place after the sender', async () => {
    const file = join(SHARED_FIXTURES, 'outlook-reading-pane.html');
    const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8'));
    const japanese = (html: string) => html.replace(/aria-label="To: /g, 'aria-label="宛先: ').replace(/aria-label="Cc: /g, 'aria-label="CC (コピー): ');
    const english = await extractFrom(file, expected.serve_at);
    const other = await extractFrom(file, expected.serve_at, japanese);
    expect(peopleOf(other)).toEqual(peopleOf(english));
    expect(other.messages.map((m) => [m.to.length, m.cc.length])).toEqual(english.messages.map((m) => [m.to.length, m.cc.length]));
  });
});

describe('LinkedIn top card in each language', () => {
  test.each(VARIANTS)('%s: with no experience section and no "at" in the headline, the company comes from the localised company button', async (lang) => {
    const file = join(SHARED_FIXTURES, 'linkedin-profile.html');
    const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8'));
    const fx = await openFixture(file, expected.serve_at, true, (html) =>
      localise(html, expected.serve_at, lang).split('Head of Procurement Operations at Northwind Logistics |').join('Procurement |'),
    );
    try {
      for (const section of Array.from(fx.doc.querySelectorAll('section')).filter((el) => el.querySelector('#experience'))) section.remove();
      const ctx = withPrintedDates(adapterFor(fx.url())!.extract(fx.doc, fx.url()));
      expect(ctx.people).toHaveLength(1);
      // Swedish is in no table: no company rather than a wrong one.
      expect(ctx.people[0]!.company).toBe(lang === 'sv' ? undefined : 'Northwind Logistics');
    } finally {
      await fx.close();
    }
  });
});

describe('dates the page does not give for certain', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('Outlook: a weekday without a date leaves the message undated; capture then uses the capture time and says so', async () => {
    const file = join(SHARED_FIXTURES, 'outlook-reading-pane.html');
    const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8'));
    // German OWA within the week: "Mi 08:47", no date.
    const weekdayOnly = (html: string) =>
      localise(html, expected.serve_at, 'de').replace(/(class="AL_OM">)[^<]*/g, '$1Mi 08:47');
    const ctx = await extractFrom(file, expected.serve_at, weekdayOnly);
    expect(ctx.messages.length).toBeGreaterThan(0);
    for (const message of ctx.messages) {
      expect(message.sentAt).toBeUndefined();
      expect(message.undated).toBe(true);
    }
    const parsed = PageContextSchema.parse(ctx);
    expect(parsed.messages[0]!.undated).toBe(true);
    const now = new Date('2026-11-30T10:00:00Z');
    const captured = conversationToInteractions(parsed, () => 'c_1' as never, undefined, now);
    expect(captured.length).toBeGreaterThan(0);
    for (const entry of captured) {
      expect(entry.occurredAt).toBe(now.toISOString());
      expect(entry.dateIsCaptureTime).toBe(true);
    }
  });

  test('a dated message is not flagged, and its touchpoint keeps the page date', async () => {
    const file = join(SHARED_FIXTURES, 'outlook-reading-pane.html');
    const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8'));
    const ctx = PageContextSchema.parse(await extractFrom(file, expected.serve_at, (html) => localise(html, expected.serve_at, 'de')));
    const captured = conversationToInteractions(ctx, () => 'c_1' as never, undefined, new Date());
    expect(captured.every((entry) => !entry.dateIsCaptureTime)).toBe(true);
    expect(captured.map((entry) => entry.occurredAt)).toEqual(ctx.messages.filter((m) => m.id).map((m) => m.sentAt));
  });

  test.each(VARIANTS)('LinkedIn messages without event URNs (%s): "today" and "yesterday" give dates, a weekday none', async (lang) => {
    const file = join(SHARED_FIXTURES, 'linkedin-messaging.html');
    const expected = JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8'));
    const noUrn = (html: string) => localise(html, expected.serve_at, lang).replace(/ data-event-urn="[^"]*"/g, '');
    // Evening, so that every "today" time of the fixture has passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 30, 18, 0));
    const fx = await openFixture(file, expected.serve_at, true, noUrn);
    try {
      const states: [string, string][] = [];
      for (const index of [0, 1]) {
        await fx.nav(index);
        const ctx = withPrintedDates(adapterFor(fx.url())!.extract(fx.doc, fx.url()));
        const day = (iso: string | undefined) => (iso ? new Date(iso).toDateString() : 'undated');
        for (const m of ctx.messages) {
          expect(!!m.sentAt, 'flag and date agree').toBe(!m.undated);
          states.push([m.text.slice(0, 20), day(m.sentAt)]);
        }
      }
      const today = new Date();
      const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
      const days = new Set(states.map(([, d]) => d));
      // The fixture's headings: Monday (undated), Today, Yesterday. Swedish ("i dag", "i går") is in no
      // table: every message stays undated rather than dated wrongly.
      expect(days).toEqual(lang === 'sv' ? new Set(['undated']) : new Set(['undated', today.toDateString(), yesterday.toDateString()]));
    } finally {
      await fx.close();
    }
  });
});
