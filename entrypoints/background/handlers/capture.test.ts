import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../utils/db/db';
import { createContact } from '../../../utils/db/repos/contacts';
import { timeline } from '../../../utils/db/repos/interactions';
import { saveLoggingSettings } from '../../../utils/db/repos/logging-settings';
import { savePageNote } from './capture';

/* "Save page as note" (context menu, sidebar button) honours the never-log list: a contact it covers whole gets nothing. */

describe('saving a page as a note', () => {
  const executeScript = vi.fn(async () => [{ result: { title: 'Re: Angebot', text: 'The mail on screen', url: 'https://mail.google.com/mail/u/0/#inbox/abc' } }]);
  beforeEach(async () => {
    fakeBrowser.reset();
    executeScript.mockClear();
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    await getDb().open();
  });
  afterEach(async () => {
    await getDb().delete();
  });

  it('refuses a contact the never-log list covers whole before reading the page; saves for anyone else', async () => {
    const db = getDb();
    const kenji = await createContact(db, { displayName: 'Kenji', emails: ['kenji@northwind-colleagues.example'] });
    const anke = await createContact(db, { displayName: 'Anke', emails: ['anke@sommerfeld.example', 'anke@home.example'] });
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example', 'anke@home.example'] });
    await expect(savePageNote(4, kenji.id, false)).rejects.toThrow('This contact is on your never-log list');
    expect(executeScript).not.toHaveBeenCalled();
    expect(await timeline(db, kenji.id)).toEqual([]);
    const saved = await savePageNote(4, anke.id, false);
    expect(saved).toMatchObject({ kind: 'page', subject: 'Re: Angebot', contactIds: [anke.id] });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });
});
