import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb } from '../../../tests/support/sample-db';
import { createContact } from '../../../utils/db/repos/contacts';
import { eraseContact } from '../../../utils/db/repos/erase';
import { addInteraction } from '../../../utils/db/repos/interactions';
import { ContextStore } from '../../../utils/messaging/context-store';
import { FocusStore } from './capture';
import { forgetErased } from './erase';

/*
 * Erase leaves no trace outside the database either: after a contact is erased (and the page
 * tells the background, as the workspace does), neither session storage, local storage, nor the
 * background's in-memory stores (tab contexts, sidebar focus) hold their name, email or id.
 * The database side is erase-stores.test.ts.
 */

const SECRETS = ['Zacharias', 'Quenneville', 'zacharias.q@secret.example', 'https://www.linkedin.com/in/zq-secret/'];

const gmail = (email: string, name: string) => ({
  site: 'gmail' as const,
  view: 'email-thread' as const,
  url: 'https://mail.google.com/mail/u/0/#inbox/tz',
  subject: 'Angebot',
  people: [{ name, email, role: 'sender' as const }],
  messages: [],
});

describe('erase leaves nothing in the session stores', () => {
  beforeEach(() => fakeBrowser.reset());

  it('forgets the contexts that show them, the focus on them, in memory and in storage.session/local', async () => {
    const db = freshDb();
    const z = await createContact(db, {
      displayName: 'Zacharias Quenneville',
      givenName: 'Zacharias',
      familyName: 'Quenneville',
      emails: ['zacharias.q@secret.example'],
      linkedinUrl: 'https://www.linkedin.com/in/zq-secret/',
    });
    await addInteraction(db, { contactIds: [z.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-02-02T10:00:00.000Z', text: 'Zacharias mag Tee' });
    const contexts = new ContextStore(fakeBrowser.storage.session);
    const focus = new FocusStore();
    await contexts.set(7, gmail('zacharias.q@secret.example', 'Zacharias Quenneville'));
    await contexts.set(8, gmail('other@example.com', 'Olga Other'));
    focus.set(7, z.id);
    await fakeBrowser.storage.local.set({ 'layout:gmail': { collapsed: false, width: 400 } });
    // The oracle finds them before.
    const dump = async () =>
      JSON.stringify([
        await fakeBrowser.storage.session.get(null),
        await fakeBrowser.storage.local.get(null),
        contexts.peek(7) ?? null,
        contexts.peek(8) ?? null,
        (await focus.get(7)) ?? null,
        (await focus.get(99)) ?? null,
      ]);
    const before = await dump();
    for (const secret of [...SECRETS.slice(0, 3), z.id]) expect(before).toContain(secret);

    await eraseContact(db, z.id);
    await forgetErased(contexts, focus, {
      type: 'contact/erased',
      contactId: z.id,
      emails: ['zacharias.q@secret.example'],
      names: ['Zacharias Quenneville'],
      linkedin: ['https://www.linkedin.com/in/zq-secret/'],
    });

    const after = (await dump()).toLowerCase();
    for (const secret of [...SECRETS, z.id]) expect(after, `${secret} left in a session store`).not.toContain(secret.toLowerCase());
    // Other people's contexts are kept.
    expect(contexts.peek(8)?.people[0]?.name).toBe('Olga Other');
    expect(await contexts.get(8)).not.toBeNull();
  });
});
