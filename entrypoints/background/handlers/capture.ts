import { browser } from 'wxt/browser';
import { getDb } from '../../../utils/db/db';
import { addInteraction } from '../../../utils/db/repos/interactions';
import { isNeverLogged } from '../../../utils/db/repos/logging-settings';
import type { ContactId } from '../../../utils/domain/common';
import type { Interaction } from '../../../utils/domain/interaction';
import { t } from '../../../utils/i18n';
import { ArticleSchema } from '../../../utils/messaging/protocol';
import { toolbarAction } from './side-panel';

/** Which contact each tab's sidebar has in focus; the last one set anywhere as a fallback. */
export class FocusStore {
  private readonly byTab = new Map<number, string>();
  private last: string | undefined;

  set(tabId: number, contactId: string | null): void {
    if (contactId) {
      this.byTab.set(tabId, contactId);
      this.last = contactId;
      void browser.storage.session.set({ 'focus:last': contactId }).catch(() => undefined);
    } else this.byTab.delete(tabId);
  }

  async get(tabId: number): Promise<string | undefined> {
    if (this.byTab.has(tabId)) return this.byTab.get(tabId);
    this.last ??= (await browser.storage.session.get('focus:last'))['focus:last'] as string | undefined;
    return this.last;
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }

  /** An erased contact is in focus nowhere any more, in memory or in session storage. */
  async forgetContact(contactId: string): Promise<void> {
    for (const [tabId, id] of this.byTab) if (id === contactId) this.byTab.delete(tabId);
    if (this.last === contactId) this.last = undefined;
    const stored = await browser.storage.session.get('focus:last').catch(() => ({}) as Record<string, unknown>);
    if (stored['focus:last'] === contactId) await browser.storage.session.remove('focus:last').catch(() => undefined);
  }
}

/**
 * Reads the page in a tab with Readability and stores it as a note for a contact. A contact the
 * never-log list covers whole (a colleague, a private contact) gets nothing, not even an open mail
 * saved as a page: refused before the page is read.
 */
export async function savePageNote(tabId: number, contactId: string, selectionOnly: boolean): Promise<Interaction> {
  if (await isNeverLogged(getDb(), contactId as ContactId)) throw new Error(t('neverLogRefusedContact'));
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/readability.js'] });
  const raw = (injection?.result ?? {}) as Record<string, unknown>;
  const selected = typeof raw.selectionText === 'string' ? raw.selectionText : '';
  const article = ArticleSchema.parse({
    ...raw,
    text: selectionOnly && selected ? selected : raw.text,
    selection: selectionOnly && Boolean(selected),
  });
  const header = [article.byline, article.excerpt && !article.selection ? article.excerpt : undefined, article.url]
    .filter(Boolean)
    .join('\n');
  return addInteraction(getDb(), {
    contactIds: [contactId as ContactId],
    kind: 'page',
    channel: 'web',
    direction: 'internal',
    department: 'sales',
    occurredAt: new Date().toISOString(),
    subject: (article.title.trim() || article.url).slice(0, 1000),
    text: `${header}\n\n${article.text}`.trim(),
    source: { site: 'web', url: article.url },
  });
}

const MENU_PAGE = 'rapport-save-page';
const MENU_SELECTION = 'rapport-save-selection';

/** "Save page as note" and "Save selection as note" in the page's context menu. */
export function registerContextMenus(focus: FocusStore): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_PAGE, title: t('menuSavePage'), contexts: ['page'] });
      browser.contextMenus.create({ id: MENU_SELECTION, title: t('menuSaveSelection'), contexts: ['selection'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined || (info.menuItemId !== MENU_PAGE && info.menuItemId !== MENU_SELECTION)) return;
    const tabId = tab.id;
    void (async () => {
      const action = toolbarAction();
      const contactId = await focus.get(tabId);
      if (!contactId) {
        await action?.setBadgeText({ tabId, text: '!' });
        await action?.setTitle({ tabId, title: t('noFocus') });
        return;
      }
      try {
        await savePageNote(tabId, contactId, info.menuItemId === MENU_SELECTION);
        await action?.setBadgeText({ tabId, text: '' });
      } catch (error) {
        await action?.setBadgeText({ tabId, text: '!' });
        await action?.setTitle({ tabId, title: t('errorGeneric', error instanceof Error ? error.message : String(error)) });
      }
    })().catch(() => undefined);
  });
}
