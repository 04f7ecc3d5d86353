import { describe, expect, it } from 'vitest';
import { MESSAGES, localeFile } from './catalog';
import { LANGUAGES } from './types';

describe('i18n catalog', () => {
  it('has Chrome-valid keys and a non-empty text in every language', () => {
    for (const [key, texts] of Object.entries(MESSAGES)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      for (const lang of LANGUAGES) expect(texts[lang].trim(), `${key}.${lang}`).not.toBe('');
    }
  });
  it('uses the same substitutions in every language', () => {
    for (const [key, texts] of Object.entries(MESSAGES)) {
      const subs = (s: string) => [...s.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort().join();
      expect(subs(texts.de), key).toBe(subs(texts.en));
    }
  });
  it('writes _locales files with placeholders and escaped dollars', () => {
    const de = localeFile('de');
    expect(de.onSite).toEqual({ message: 'Auf $P1$', placeholders: { p1: { content: '$1' } } });
    expect(Object.keys(localeFile('en'))).toEqual(Object.keys(de));
  });
});
