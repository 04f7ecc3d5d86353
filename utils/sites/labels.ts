/**
 * Localised labels, for the few places where a host page's label is the only signal. Each site keeps
 * its own table (`<site>/labels.ts`): one entry per language Rapport reads, several forms separated
 * by `|`, and a comment saying where each was seen. Structure (ids, `name`, `data-*`, roles,
 * positions) always comes first in the adapters; a label only decides what structure cannot.
 */

export const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl'] as const;
export type Lang = (typeof LANGS)[number];
/** One label in every language; `|` separates forms of the same language. */
export type Labels = Readonly<Record<Lang, string>>;

/** Every form of a label, without repeats. */
export const forms = (table: Labels): string[] => [...new Set(Object.values(table).flatMap((value) => value.split('|')))];

/** Regular-expression alternatives for every form of the given labels. */
export const anyOf = (...tables: Labels[]): string =>
  tables
    .flatMap(forms)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
