import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGES } from '.';

describe('catalog files', () => {
  it('define each key in one file only (a later file would silently win)', () => {
    const seen = new Map<string, number>();
    const clashes: string[] = [];
    CATALOGS.forEach((catalog, index) => {
      for (const key of Object.keys(catalog)) {
        if (seen.has(key)) clashes.push(`${key} (files ${seen.get(key)} and ${index})`);
        seen.set(key, index);
      }
    });
    expect(clashes).toEqual([]);
  });
  it('give German texts for the glossary terms the guard and panels rely on', () => {
    expect(MESSAGES.guard_doNotContact?.de).toContain('Kontaktsperre');
    expect(MESSAGES.guard_quiet?.de).toContain('Ruhezeit bis');
    expect(MESSAGES.guard_frequency?.de).toContain('Zu häufig kontaktiert');
    expect(MESSAGES.guard_channel?.de).toContain('Anderer Kanal bevorzugt');
    expect(MESSAGES.fu_title?.de).toBe('Wiedervorlagen');
    expect(MESSAGES.pil_title?.de).toBe('4-Säulen-Modell');
    expect(MESSAGES.ho_title?.de).toBe('Übergabe');
  });
});
