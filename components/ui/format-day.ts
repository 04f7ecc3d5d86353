import { formatDate } from '../../utils/i18n';

/**
 * A calendar day (`YYYY-MM-DD`) in the UI language. `formatDate` takes an instant, and a bare day
 * parses as UTC midnight (the previous day west of Greenwich), so the day is placed at local noon.
 */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return formatDate(new Date(y, m - 1, d, 12).toISOString());
}

/** The local day of an instant in the UI language. */
export function formatInstantDay(iso: string): string {
  return formatDate(iso);
}

/** A language code as a name in the UI language (`de` → "Deutsch" in German, "German" in English). */
export function languageName(code: string, uiLocale: string): string {
  try {
    const name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
