import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../domain/capture';
import type { RapportDB } from '../db';
import { captureConversation } from './capture-conversation';
import { createContact } from './contacts';
import { timeline } from './interactions';
import { saveLoggingSettings } from './logging-settings';
import { freshNotebook } from '../../../tests/support/fresh-db';

/*
 * The never-log list on the paths a person saves by hand (issue 11): "Save this conversation" on
 * webmail and the one-click save of unsaved LinkedIn messages (both `captureConversation`). The
 * automatic logging's own test is autolog.test.ts.
 */

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const ME = { name: 'Dana Whitfield', email: 'dana@northwind.example' };
const ANKE = { name: 'Anke Sommerfeld', email: 'anke@sommerfeld.example' };
const KENJI = { name: 'Kenji Watanabe', email: 'kenji@northwind-colleagues.example' };
const STRANGER = { name: 'Sam Stranger', email: 'sam@elsewhere.example' };
const sent = (d: number) => new Date(Date.UTC(2026, 10, d, 9)).toISOString();

const mail = (messages: Conversation['messages']): Conversation => ({
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  subject: 'Angebot',
  threadId: 'thread-f:9',
  account: ME,
  messages,
});

const KENJI_IN = 'https://www.linkedin.com/in/kenji-watanabe/';
const ANKE_IN = 'https://www.linkedin.com/in/anke-sommerfeld/';
const chat = (messages: Conversation['messages']): Conversation => ({
  site: 'linkedin',
  url: 'https://www.linkedin.com/messaging/thread/2-abc/',
  threadId: '2-abc',
  account: { name: 'Dana Whitfield', linkedinUrl: 'https://www.linkedin.com/in/dana-whitfield/' },
  messages,
});

describe('saving a conversation by hand honours the never-log list', () => {
  it('webmail: a listed address is never attached, and a message with nobody else is not stored', async () => {
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email] });
    const kenji = await createContact(db, { displayName: 'Kenji', emails: [KENJI.email] });
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example'] });
    const result = await captureConversation(
      db,
      mail([
        { id: 'a1', from: ANKE, to: [ME, KENJI], cc: [], sentAt: sent(20), text: 'Both of you' },
        { id: 'a2', from: KENJI, to: [ME], cc: [], sentAt: sent(21), text: 'Internal only' },
      ]),
      kenji.id,
    );
    expect(result.stored.map((i) => [i.source?.messageId, i.contactIds])).toEqual([['a1', [anke.id]]]);
    expect(await timeline(db, kenji.id)).toEqual([]);
  });

  it('webmail: the contact in focus is not the fallback when the list covers them whole', async () => {
    const kenji = await createContact(db, { displayName: 'Kenji', emails: [KENJI.email] });
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email, 'anke.private@home.example'] });
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example', 'anke.private@home.example'] });
    const fromStranger = mail([{ id: 'b1', from: STRANGER, to: [ME], cc: [], sentAt: sent(22), text: 'Hello' }]);
    // Kenji (a colleague) in focus, the mail from someone unknown: before, it went to Kenji.
    expect((await captureConversation(db, fromStranger, kenji.id)).stored).toEqual([]);
    expect(await timeline(db, kenji.id)).toEqual([]);
    // Anke has one listed address among others: she is still a contact to log for.
    expect((await captureConversation(db, fromStranger, anke.id)).stored.map((i) => i.contactIds)).toEqual([[anke.id]]);
  });

  it('LinkedIn one-click save: a contact the list covers whole is not attached through their profile', async () => {
    const kenji = await createContact(db, { displayName: 'Kenji', emails: [KENJI.email], linkedinUrl: KENJI_IN });
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email], linkedinUrl: ANKE_IN });
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example'] });
    const withKenji = chat([{ id: 'l1', from: { name: 'Kenji Watanabe', linkedinUrl: KENJI_IN }, to: [], cc: [], sentAt: sent(23), text: 'Lunch?' }]);
    expect((await captureConversation(db, withKenji, kenji.id)).stored).toEqual([]);
    expect(await timeline(db, kenji.id)).toEqual([]);
    const withAnke = chat([{ id: 'l2', from: { name: 'Anke Sommerfeld', linkedinUrl: ANKE_IN }, to: [], cc: [], sentAt: sent(23), text: 'Danke!' }]);
    const saved = await captureConversation(db, withAnke, anke.id);
    expect(saved.stored.map((i) => [i.contactIds, i.channel, i.direction])).toEqual([[[anke.id], 'linkedin', 'inbound']]);
  });
});
