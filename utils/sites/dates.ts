import { cleanText } from '../domain/normalize';
import type { RawMessage } from './types';

/**
 * Dates as webmail and LinkedIn print them, in the languages Rapport reads: en, de, fr, es, it, nl,
 * pt, pl. A string that does not name one instant for certain gives `undefined` (the caller then
 * falls back to the time of capture and says so): a wrong date is worse than none.
 *
 * Where the words come from: month names are CLDR's (the forms `Intl.DateTimeFormat` prints in each
 * language, which dates.test.ts formats and parses back, abbreviated and in full, nominative and
 * Polish genitive); "yesterday", "today" and "N … ago" are the words Gmail, Outlook and LinkedIn
 * print in those languages (CLDR's relative-time forms, also checked by dates.test.ts through
 * `Intl.RelativeTimeFormat`).
 */

// Keys: a month word's first four, else first three letters, without diacritics. Index = month.
// en jan…dec · de jän/mär/mrz/okt/dez · fr janv févr mars avr juin juil août · es ene abr ago dic ·
// it gen mag giu lug ago set ott dic · nl mrt maa(rt) mei · pt fev abr mai set out dez ·
// pl sty lut mar kwi maj cze lip sie wrz paź lis gru (nominative and genitive share the stems).
const MONTH_KEYS = 'jan ene gen sty|feb fev lut|mar mrt mrz maa|apr abr avr kwi|may mai mag mei maj|jun juin giu cze|jul juil lug lip|aug ago aou sie|sep set wrz|oct okt ott out paz|nov lis|dec dez dic gru';
const MONTHS = new Map<string, number>();
MONTH_KEYS.split('|').forEach((keys, month) => keys.split(' ').forEach((key) => MONTHS.set(key, month)));

/** Lower case without diacritics ("März" → "marz", "paź" → "paz", "août" → "aout"). */
export const fold = (value: string): string => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function monthOf(word: string): number | undefined {
  const w = fold(word);
  return MONTHS.get(w.slice(0, 4)) ?? MONTHS.get(w.slice(0, 3));
}

// yesterday: en de fr es it nl pt pl; today likewise ("dziś" is Polish short for "dzisiaj").
const YESTERDAY = /(?<!\p{L})(yesterday|gestern|hier|ayer|ieri|gisteren|ontem|wczoraj)(?!\p{L})/u;
const TODAY = /(?<!\p{L})(today|heute|aujourd.hui|hoy|oggi|vandaag|hoje|dzisiaj|dzis)(?!\p{L})/u;
// "3 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "3 ore fa", "3 uur geleden",
// "há 3 horas", "3 godziny temu" (an article instead of the number means one).
const AGO = /(?<!\p{L})(ago|vor|il y a|hace|fa|geleden|ha|temu)(?!\p{L})/u;
const UNIT: [RegExp, number][] = [
  [/(?<!\p{L})min/u, 60_000],
  [/(?<!\p{L})(hour|hr|stund|heure|hora|or[ae]|uur|godz)/u, 3_600_000],
  [/(?<!\p{L})(day|tag|jour|dia|giorn|dag|dni|dzie)/u, 86_400_000],
];

export interface DateOptions {
  /** The moment "today", "yesterday" and "ago" count from (extraction time). */
  now?: Date;
  /** The page's language (`<html lang>`): tells 3/5 (en-US: March 5) from 3/5 (elsewhere: 3 May). */
  lang?: string;
}

function clock(text: string): { h: number; min: number } | undefined {
  const t = /(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s?m\.?(?![a-z\u00c0-\u024f]))?/.exec(text);
  if (!t) return undefined;
  let h = +t[1]!;
  const min = +t[2]!;
  if (t[3] === 'p' && h < 12) h += 12;
  if (t[3] === 'a' && h === 12) h = 0;
  return h < 24 && min < 60 ? { h, min } : undefined;
}

/** Day, month, year in a string, and where the match ended (for the clock after it). */
function calendarDate(text: string, lang: string): { y: number; mo: number; d: number; end: number } | undefined {
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text))) return { y: +m[1]!, mo: +m[2]! - 1, d: +m[3]!, end: m.index + m[0].length };
  if ((m = /(\d{1,2})([./-])(\d{1,2})\2(\d{4})/.exec(text))) {
    const [a, b] = [+m[1]!, +m[3]!];
    let monthFirst: boolean;
    if (m[2] !== '/') monthFirst = false; // 5.3.2025 (de, pl), 5-3-2025 (nl): day first
    else if (a > 12 || b > 12 || a === b) monthFirst = b > 12;
    else if (/^en-us\b|^en$/.test(lang)) monthFirst = true;
    else if (lang) monthFirst = false;
    else return undefined; // 3/5/2025 with no language: March 5 or 3 May, cannot tell
    return { y: +m[4]!, mo: (monthFirst ? a : b) - 1, d: monthFirst ? b : a, end: m.index + m[0].length };
  }
  // 5. März 2025, 5 mars 2025, 5 de mar. de 2025, 5 października 2025
  for (const w of text.matchAll(/(\d{1,2})\.?\s+(?:de\s+)?([a-z\u00c0-\u024f]{3,})\.?,?\s+(?:de\s+)?(\d{4})/g)) {
    const mo = monthOf(w[2]!);
    if (mo !== undefined) return { y: +w[3]!, mo, d: +w[1]!, end: w.index + w[0].length };
  }
  // Mar 5, 2025
  for (const w of text.matchAll(/([a-z\u00c0-\u024f]{3,})\.?\s+(\d{1,2})(?!\d),?\s+(\d{4})/g)) {
    const mo = monthOf(w[1]!);
    if (mo !== undefined) return { y: +w[3]!, mo, d: +w[2]!, end: w.index + w[0].length };
  }
  return undefined;
}

function relative(text: string, now: Date): Date | undefined {
  const folded = fold(text);
  const time = clock(text);
  const day = (offset: number) =>
    time ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset, time.h, time.min) : undefined;
  if (YESTERDAY.test(folded)) return day(1);
  if (AGO.test(folded)) {
    const n = /(\d+)/.exec(folded.replace(/\d{1,2}:\d{2}/g, ''));
    const unit = UNIT.find(([re]) => re.test(folded.replace(AGO, ' ')));
    if (!unit) return undefined;
    const count = n ? +n[1]! : 1;
    if (unit[1] === 86_400_000) return day(count);
    const at = new Date(now.getTime() - count * unit[1]);
    at.setSeconds(0, 0);
    return at;
  }
  if (TODAY.test(folded) || /^\s*\d{1,2}:\d{2}(\s*[ap]\.?\s?m\.?)?\s*$/.test(folded)) {
    const today = day(0);
    // A clock time alone means today; one later than now is not today's, so it is not read.
    return today && today.getTime() <= now.getTime() + 60_000 ? today : undefined;
  }
  return undefined;
}

/**
 * Parses a local date-time as the page prints it ("Tue, Mar 4, 2025, 4:02 PM", "Wed 3/5/2025 8:47 AM",
 * "Di., 4. März 2025, 16:02", "mer. 5 mars 2025, 08:47", "5 de mar. de 2025", "2025-03-04 16:02",
 * "Yesterday 4:15 PM", "gestern 16:15", "vor 3 Stunden", "16:02") into an ISO instant, read as the
 * browser's local time. Undefined when the string does not name one instant for certain (a weekday
 * alone, "3 weeks ago", an ambiguous 3/5/2025 on a page of unknown language).
 */
export function parseLocalDateTime(value: string, options: DateOptions = {}): string | undefined {
  const text = cleanText(value).toLowerCase();
  if (!text) return undefined;
  const now = options.now ?? new Date();
  const lang = (options.lang ?? '').toLowerCase();
  const found = calendarDate(text, lang);
  let date: Date | undefined;
  if (found) {
    const { y, mo, d } = found;
    if (!(y > 1970 && mo >= 0 && mo < 12 && d >= 1 && d <= 31)) return undefined;
    const time = clock(text.slice(found.end)) ?? { h: 0, min: 0 };
    date = new Date(y, mo, d, time.h, time.min);
    if (date.getMonth() !== mo) return undefined; // 31 April
  } else {
    date = relative(text, now);
  }
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** The first of the printed forms that names one instant for certain. */
function firstInstant(printed: readonly string[], options: DateOptions): string | undefined {
  for (const form of printed) {
    const instant = parseLocalDateTime(form, options);
    if (instant) return instant;
  }
  return undefined;
}

/**
 * Reads the dates a content script passed on as printed (`printedDate`, in the page's `lang`) into
 * instants, in the background, at arrival (`now`: what "yesterday" and "3 hours ago" count from). A
 * message whose printed forms name no instant for certain is `undated`. The result carries neither
 * the printed forms nor the language.
 */
export function withPrintedDates<M extends RawMessage, C extends { lang?: string; messages: M[] }>(
  context: C,
  now: Date = new Date(),
): Omit<C, 'lang'> {
  const { lang, ...rest } = context;
  const options: DateOptions = { now, ...(lang ? { lang } : {}) };
  return {
    ...rest,
    messages: context.messages.map(({ printedDate, ...message }) => {
      if (message.sentAt || message.undated) return message as M;
      const sentAt = printedDate ? firstInstant(printedDate, options) : undefined;
      return (sentAt ? { ...message, sentAt } : { ...message, undated: true }) as M;
    }),
  };
}
