/** Supported UI languages; English is the fallback. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One catalog entry per key with every language side by side, so a missing translation is a type
 * error. `{1}`…`{9}` are substitutions.
 */
export type Catalog = Record<string, Record<Language, string>>;
