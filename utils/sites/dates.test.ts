import { describe, expect, test } from 'vitest';
import { parseLocalDateTime } from './dates';

/**
 * Dates in every language Rapport reads, written by CLDR (`Intl` in Node) rather than by hand, so the
 * parser is checked against the forms the sites print and not against its own table.
 */

const LANGS = ['en-US', 'en-GB', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'pl'] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const local = (iso: string | undefined) => {
  if (!iso) return iso;
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fmt = (lang: string, date: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, options).format(date);

describe('a date in each language parses', () => {
  // Every month, so each month name of each language is read once (March 5, 20:47, …).
  const dates = Array.from({ length: 12 }, (_, month) => new Date(2025, month, month === 1 ? 28 : 5 + month, 8 + month, 47));
  const styles: [string, Intl.DateTimeFormatOptions][] = [
    ['Gmail title (short month, weekday)', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }],
    ['long month', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }],
    ['numeric (Outlook)', { weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' }],
    ['date only', { year: 'numeric', month: 'long', day: 'numeric' }],
  ];
  for (const lang of LANGS) {
    test.each(styles)(`${lang}: %s`, (_name, options) => {
      for (const date of dates) {
        const text = fmt(lang, date, options);
        const want = options.hour ? date : new Date(date.getFullYear(), date.getMonth(), date.getDate());
        expect(local(parseLocalDateTime(text, { lang })), `${lang} "${text}"`).toBe(local(want.toISOString()));
      }
    });
  }

  test('Polish month names in the genitive ("5 października 2025") and German "Jänner"', () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(2025, month, 5);
      const text = fmt('pl', date, { day: 'numeric', month: 'long', year: 'numeric' });
      expect(local(parseLocalDateTime(text, { lang: 'pl' })), text).toBe(local(date.toISOString()));
    }
    expect(local(parseLocalDateTime('5. Jänner 2025, 09:00', { lang: 'de-AT' }))).toBe('2025-01-05T09:00');
  });
});

describe('relative dates in each language', () => {
  const now = new Date(2025, 2, 5, 18, 30, 12);
  const clock = (lang: string) => fmt(lang, new Date(2025, 2, 4, 16, 15), { hour: 'numeric', minute: '2-digit' });
  for (const lang of LANGS) {
    test(`${lang}: yesterday, N days / hours / minutes ago, today`, () => {
      const auto = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
      const always = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
      const yesterday = `${auto.format(-1, 'day')} ${clock(lang)}`;
      expect(local(parseLocalDateTime(yesterday, { now, lang })), yesterday).toBe('2025-03-04T16:15');
      const twoDays = `${always.format(-2, 'day')}, ${clock(lang)}`;
      expect(local(parseLocalDateTime(twoDays, { now, lang })), twoDays).toBe('2025-03-03T16:15');
      const hours = always.format(-3, 'hour');
      expect(local(parseLocalDateTime(hours, { now, lang })), hours).toBe('2025-03-05T15:30');
      const minutes = always.format(-20, 'minute');
      expect(local(parseLocalDateTime(minutes, { now, lang })), minutes).toBe('2025-03-05T18:10');
      const today = `${auto.format(0, 'day')} ${fmt(lang, new Date(2025, 2, 5, 9, 5), { hour: 'numeric', minute: '2-digit' })}`;
      expect(local(parseLocalDateTime(today, { now, lang })), today).toBe('2025-03-05T09:05');
    });
  }
});

describe('never a wrong date', () => {
  const now = new Date(2025, 2, 5, 18, 30);
  test.each([
    ['a weekday and a time (Outlook list: "Wed 8:47 AM")', 'Wed 8:47 AM', 'en-US'],
    ['a weekday alone ("Montag")', 'Montag', 'de'],
    ['weeks ago', '3 weeks ago', 'en'],
    ['days ago without a clock time', 'vor 2 Tagen', 'de'],
    ['3/5/2025 on a page of unknown language', '3/5/2025 8:47', ''],
    ['a clock time later than now is not today', '23:10', 'de'],
    ['31 April', '31. April 2025', 'de'],
    ['no date at all', 'Entwurf', 'de'],
  ])('%s', (_name, text, lang) => {
    expect(parseLocalDateTime(text, { now, lang })).toBeUndefined();
  });

  test('the page language decides day and month order of slashed dates', () => {
    expect(local(parseLocalDateTime('Wed 3/5/2025 8:47 AM', { lang: 'en-US' }))).toBe('2025-03-05T08:47');
    expect(local(parseLocalDateTime('Mon 3/5/2025 08:47', { lang: 'en-GB' }))).toBe('2025-05-03T08:47');
    expect(local(parseLocalDateTime('13/5/2025 08:47', {}))).toBe('2025-05-13T08:47');
  });
});
