import type { Catalog, Language } from '../types';
import backup from './backup';
import core from './core';
import followups from './followups';
import handover from './handover';
import pillars from './pillars';
import preferences from './preferences';
import reminders from './reminders';
import sidebar from './sidebar';
import transfer from './transfer';
import workspace from './workspace';
import enums from './enums';
import autolog from './autolog';

/** Every UI string. Areas add their own file here; keys must be unique across files. */
export const CATALOGS: Catalog[] = [core, sidebar, preferences, followups, pillars, handover, transfer, workspace, enums, reminders, backup, autolog];

export const MESSAGES: Catalog = Object.assign({}, ...CATALOGS);

/**
 * `_locales/<lang>/messages.json` content for the browser's i18n API: `{1}` becomes a placeholder.
 * Chrome allows only ASCII letters, digits and underscores in keys.
 */
export function localeFile(lang: Language): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, texts] of Object.entries(MESSAGES)) {
    const placeholders: Record<string, { content: string }> = {};
    const message = texts[lang]
      .replace(/\$/g, '$$$$')
      .replace(/\{(\d)\}/g, (_, n: string) => {
        placeholders[`p${n}`] = { content: `$${n}` };
        return `$P${n}$`;
      });
    out[key] = Object.keys(placeholders).length > 0 ? { message, placeholders } : { message };
  }
  return out;
}
