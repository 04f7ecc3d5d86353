import { message, uiLanguage } from './messaging/client';

/**
 * UI strings come from `public/_locales/<lang>/messages.json` through the browser's i18n API, so
 * the UI speaks the browser's language. A missing key shows the key itself (and fails the
 * locale completeness test), never an empty label.
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  try {
    const text = message(key, substitutions.map(String));
    return text || key;
  } catch {
    return key;
  }
}

/** Locale for dates and numbers. */
export function locale(): string {
  try {
    return uiLanguage() || 'en';
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

/** A date in the UI language, e.g. "25. Nov. 2026". */
export function formatDate(iso: string, withTime = false): string {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale(), options).format(new Date(iso));
}
