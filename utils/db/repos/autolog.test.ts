import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../domain/capture';
import { guardWarnings } from '../../domain/guard';
import { keepInTouchDue } from '../../domain/cadence';
import { awaitingReply } from '../../domain/cadence';
import type { RapportDB } from '../db';
import { autoLogConversation } from './autolog';
import { createContact, getContact, updateContact } from './contacts';
import { captureInteractions, timeline } from './interactions';
import { saveLoggingSettings } from './logging-settings';
import { conversationToInteractions } from '../../domain/capture';
import { freshNotebook } from '../../../tests/support/fresh-db';

/*
 * Automatic logging (issue 11): every message of a mail thread on screen with a known contact is a
 * touchpoint, once; unknown people and the never-log list get nothing; direction from the sender;
 * no text unless kept; the guard, keep-in-touch, awaiting-reply and last contact count it.
 */

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const ME = { name: 'Dana Whitfield', email: 'dana@northwind.example' };
const ANKE = { name: 'Anke Sommerfeld', email: 'anke@sommerfeld.example' };
const PRIYA = { name: 'Priya R', email: 'priya@logistics.example' };
const KENJI = { name: 'Kenji Watanabe', email: 'kenji@northwind-colleagues.example' };
const day = (d: number, h = 9) => new Date(Date.UTC(2026, 10, d, h)).toISOString();

function thread(messages: Conversation['messages'], site: Conversation['site'] = 'gmail'): Conversation {
  return { site, url: 'https://mail.google.com/mail/u/0/#inbox/abc', subject: 'Angebot KX-40', threadId: 'thread-f:1', account: ME, messages };
}

const THREAD = thread([
  { id: 'm1', from: ANKE, to: [ME], cc: [PRIYA], sentAt: day(20), text: 'Hallo Dana, anbei die Preisliste.' },
  { id: 'm2', from: ME, to: [ANKE], cc: [], sentAt: day(21), text: 'Danke Anke, ich melde mich.' },
  { id: 'm3', from: PRIYA, to: [ME], cc: [], sentAt: day(22), text: 'Slots confirmed.' },
  { id: 'm4', from: ME, to: [ANKE, KENJI], cc: [], sentAt: day(23), text: 'Anbei das Angebot.' },
]);

describe('automatic logging', () => {
  it('logs each message with a known contact once, however often the thread is viewed', async () => {
    const anke = await createContact(db, { displayName: 'Anke Sommerfeld', emails: [ANKE.email] });
    const first = await autoLogConversation(db, THREAD, new Date(day(24)));
    expect(first.stored).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect((await autoLogConversation(db, THREAD, new Date(day(24)))).stored).toHaveLength(0);
    const items = await timeline(db, anke.id);
    expect(items.map((i) => [i.source?.messageId, i.direction, i.auto, i.kind, i.channel, i.subject, i.text])).toEqual([
      ['m4', 'outbound', true, 'email', 'email', 'Angebot KX-40', ''],
      ['m2', 'outbound', true, 'email', 'email', 'Angebot KX-40', ''],
      ['m1', 'inbound', true, 'email', 'email', 'Angebot KX-40', ''],
    ]);
    expect(await db.interactions.count()).toBe(3);
    expect(items.every((i) => i.department === 'sales' && i.contactIds.join() === anke.id)).toBe(true);
    expect((await getContact(db, anke.id))?.lastInteractionAt).toBe(day(23));
  });

  it('writes only when something is new: a later view of a logged thread opens no read-write transaction', async () => {
    // Counted below Dexie, where every transaction of every table passes: nothing can write around it.
    const writes: string[][] = [];
    db.use({
      stack: 'dbcore',
      name: 'count-rw',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          if (mode === 'readwrite') writes.push([...stores]);
          return down.transaction(stores, mode, options);
        },
      }),
    });
    const anke = await createContact(db, { displayName: 'Anke Sommerfeld', emails: [ANKE.email] });
    writes.length = 0;
    expect((await autoLogConversation(db, THREAD, new Date(day(24)))).stored).toHaveLength(3);
    expect(writes).toHaveLength(1);
    writes.length = 0;
    for (let i = 0; i < 3; i++) expect(await autoLogConversation(db, THREAD, new Date(day(24)))).toEqual({ stored: [], known: 3 });
    expect(writes).toEqual([]);
    // "Keep message text" turned on: the same view now has text to bring, and writes it once.
    await saveLoggingSettings(db, { keepText: true });
    writes.length = 0;
    expect(await autoLogConversation(db, THREAD, new Date(day(24)))).toEqual({ stored: [], known: 3 });
    expect(writes).toHaveLength(1);
    expect((await timeline(db, anke.id)).map((i) => i.text)).toEqual(['Anbei das Angebot.', 'Danke Anke, ich melde mich.', 'Hallo Dana, anbei die Preisliste.']);
    writes.length = 0;
    await autoLogConversation(db, THREAD, new Date(day(24)));
    expect(writes).toEqual([]);
    // One more message in the thread: written, the others untouched.
    const longer = thread([...THREAD.messages, { id: 'm5', from: ANKE, to: [ME], cc: [], sentAt: day(24), text: 'Passt.' }]);
    expect((await autoLogConversation(db, longer, new Date(day(24)))).stored.map((i) => i.source?.messageId)).toEqual(['m5']);
    expect(await db.interactions.count()).toBe(4);
  });

  it('logs nothing for unknown people, and nothing at all when nobody on the thread is known', async () => {
    expect(await autoLogConversation(db, THREAD)).toEqual({ stored: [], known: 0 });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
  });

  it('honours the never-log list by address and by domain', async () => {
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email] });
    const kenji = await createContact(db, { displayName: 'Kenji', emails: [KENJI.email] });
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example'] });
    await autoLogConversation(db, THREAD);
    expect(await timeline(db, kenji.id)).toEqual([]);
    expect(await timeline(db, anke.id)).toHaveLength(3);
    await saveLoggingSettings(db, { neverLog: ['@northwind-colleagues.example', ANKE.email] });
    const other = thread([{ id: 'm9', from: ANKE, to: [ME], cc: [], sentAt: day(25), text: 'x' }]);
    expect((await autoLogConversation(db, { ...other, threadId: 'thread-f:2' })).stored).toEqual([]);
  });

  it('stops when switched off, and never runs on LinkedIn', async () => {
    await createContact(db, { displayName: 'Anke', emails: [ANKE.email] });
    await saveLoggingSettings(db, { autoLog: false });
    expect(await autoLogConversation(db, THREAD)).toMatchObject({ skipped: 'off', stored: [] });
    await saveLoggingSettings(db, { autoLog: true });
    expect(await autoLogConversation(db, { ...THREAD, site: 'linkedin' })).toMatchObject({ skipped: 'linkedin', stored: [] });
    expect(await db.interactions.count()).toBe(0);
  });

  it('keeps message text only when asked, counts for the user\'s department, and a save by hand adds the text', async () => {
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email] });
    await saveLoggingSettings(db, { department: 'support' });
    await autoLogConversation(db, THREAD);
    expect((await timeline(db, anke.id)).map((i) => [i.text, i.department])).toEqual([
      ['', 'support'],
      ['', 'support'],
      ['', 'support'],
    ]);
    const manual = conversationToInteractions(THREAD, (p) => (p.email === ANKE.email ? anke.id : undefined), anke.id, new Date(), { department: 'support' });
    const saved = await captureInteractions(db, manual);
    // Three filled in, one new (Priya's message, taken by the contact in focus), nothing twice.
    expect(saved).toMatchObject({ filled: 3, skipped: 3 });
    expect(saved.stored).toHaveLength(1);
    expect((await timeline(db, anke.id)).map((i) => i.text)).toEqual(['Anbei das Angebot.', 'Slots confirmed.', 'Danke Anke, ich melde mich.', 'Hallo Dana, anbei die Preisliste.']);
    expect((await captureInteractions(db, manual)).filled).toBe(0);

    await saveLoggingSettings(db, { keepText: true });
    const more = thread([
      { id: 'n1', from: ANKE, to: [ME], cc: [], sentAt: day(26), text: 'Full body' },
      { id: 'n2', from: ANKE, to: [ME], cc: [], sentAt: day(27), text: 'Only the snippet…', snippet: true },
    ]);
    await autoLogConversation(db, { ...more, threadId: 'thread-f:3' });
    expect((await timeline(db, anke.id, { limit: 2 })).map((i) => i.text)).toEqual(['', 'Full body']);
  });

  it('finds a collapsed Outlook message\'s sender by the name the same page shows with an address', async () => {
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email] });
    const outlook = {
      ...thread([
        { id: 'o1', from: { name: ANKE.name, email: ANKE.email }, to: [ME], cc: [], sentAt: day(22), text: 'expanded' },
        { id: 'o2', from: { name: ANKE.name }, to: [], cc: [], sentAt: day(21), text: 'collapsed', snippet: true },
      ]),
      site: 'outlook' as const,
    };
    await autoLogConversation(db, outlook);
    expect((await timeline(db, anke.id)).map((i) => i.source?.messageId)).toEqual(['o1', 'o2']);
  });

  it('makes the guard, keep-in-touch, awaiting-reply and last contact count mail nobody saved by hand', async () => {
    const now = new Date(day(24, 12));
    const anke = await createContact(db, { displayName: 'Anke', emails: [ANKE.email], keepInTouchDays: 30 });
    await updateContact(db, anke.id, { preferences: { ...anke.preferences, maxFrequency: { count: 2, days: 14 } } });
    const current = (await getContact(db, anke.id))!;
    const warn = async () => guardWarnings({ preferences: current.preferences, recentInteractions: await timeline(db, anke.id), now }).map((w) => w.reason);
    expect(await warn()).toEqual([]);
    await autoLogConversation(db, THREAD, now);
    // Two outbound mails (m2, m4) in 14 days: the third would be one too many.
    expect(await warn()).toEqual(['frequency']);
    const items = await timeline(db, anke.id);
    expect(keepInTouchDue(current, items, now)).toMatchObject({ due: false, lastRealAt: day(23) });
    const waiting = thread([{ id: 'w1', from: ANKE, to: [ME], cc: [], sentAt: day(26), text: '?' }]);
    await autoLogConversation(db, { ...waiting, threadId: 'thread-f:4' }, now);
    expect(awaitingReply(await timeline(db, anke.id), new Date(day(28)))).toBe(true);
    expect((await getContact(db, anke.id))?.lastInteractionAt).toBe(day(26));
  });
});
