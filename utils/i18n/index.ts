import type { Catalog, Language } from './types';

/**
 * Where UI strings and the UI language come from in an extension context: the browser's i18n API
 * (`_locales`, generated from the catalog at build time, every string in both languages). Each
 * entrypoint sets it at start-up (`i18nHost` in utils/messaging/client.ts). The catalog itself is
 * not bundled into the pages: the API already holds every string, and 50 kB of catalog in the
 * sidebar's first paint was the largest part of it after React, Dexie and zod. Where there is no
 * API (unit tests) a fallback catalog answers (`setFallbackCatalog`, tests/unit/setup.ts).
 */
export interface I18nHost {
  message(key: string, substitutions?: string[]): string;
  uiLanguage(): string;
}

let host: I18nHost | undefined;
let fallback: Catalog = {};

/** The strings `t` answers with where the i18n API has none (unit tests: the whole catalog). */
export function setFallbackCatalog(catalog: Catalog): void {
  fallback = catalog;
}

/** Sets where strings come from; called once by each entrypoint before it renders anything. */
export function setI18nHost(next: I18nHost | undefined): void {
  host = next;
}

/** The UI language from the browser's i18n API: German for any `de-*`, else English. */
export function language(): Language {
  return locale().toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * A UI string in the browser's language, through the i18n API (`_locales`, generated from the
 * catalog at build time); the fallback catalog answers where the API has no value (unit tests).
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  try {
    const text = host?.message(key, subs);
    if (text) return text;
  } catch {
    // The API is gone (an extension context being torn down): fall through to the catalog.
  }
  const entry = fallback[key];
  if (!entry) return key;
  return entry[language()].replace(/\{(\d)\}/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** Locale for dates and numbers. */
export function locale(): string {
  try {
    return host?.uiLanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** "3 months ago" in the UI language. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const diff = (new Date(iso).getTime() - now.getTime()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, seconds] of units) {
    if (Math.abs(diff) >= seconds) return format.format(Math.round(diff / seconds), unit);
  }
  return format.format(0, 'minute');
}

/** A date in the UI language, e.g. "25.11.2026". */
export function formatDate(iso: string, withTime = false): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
}

/** A number or amount in the UI language. */
export function formatNumber(value: number, currency?: string): string {
  return new Intl.NumberFormat(locale(), currency ? { style: 'currency', currency } : {}).format(value);
}
