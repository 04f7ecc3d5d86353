import { describe, expect, it } from 'vitest';
import type { RapportDB } from '../db';
import { createContact } from './contacts';
import { addFollowUp, setFollowUpDone } from './followups';
import { addInteraction } from './interactions';
import { dueFollowUps, keepInTouchList, segmentContacts, segmentValues } from './workspace';
import { freshNotebook } from '../../../tests/support/fresh-db';

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

describe('workspace queries', () => {
  it('lists a segment in priority order and offers the values in use', async () => {
    await createContact(db, { displayName: 'Small', tags: ['messe'], value: { tier: 'C' } });
    await createContact(db, { displayName: 'Big', tags: ['messe'], industry: 'Holzbau', value: { tier: 'A' } });
    await createContact(db, { displayName: 'Other', value: { tier: 'A' } });
    expect((await segmentContacts(db, '', { tag: 'messe' })).map((h) => h.contact.displayName)).toEqual(['Big', 'Small']);
    expect((await segmentContacts(db, 'big', {})).map((h) => h.contact.displayName)).toEqual(['Big']);
    expect((await segmentContacts(db, '', { tier: 'A' })).map((h) => h.contact.displayName)).toEqual(['Big', 'Other']);
    expect(await segmentValues(db)).toEqual({ tags: ['messe'], industries: ['Holzbau'], owners: [] });
  });

  it('keeps only the best of a large segment while streaming', async () => {
    for (let i = 0; i < 120; i++) {
      await createContact(db, { displayName: `C${i}`, value: { tier: i % 3 === 0 ? 'A' : 'C', yearlyRevenue: { amount: i, currency: 'EUR' } } });
    }
    const top = await segmentContacts(db, '', {}, 5);
    expect(top.map((h) => h.contact.displayName)).toEqual(['C117', 'C114', 'C111', 'C108', 'C105']);
  });

  it('lists open follow-ups due by a day with their contacts', async () => {
    const c = await createContact(db, { displayName: 'A' });
    const late = await addFollowUp(db, { contactId: c.id, due: '2026-11-20', what: 'Call back' });
    await addFollowUp(db, { contactId: c.id, due: '2027-01-20', what: 'Later' });
    expect((await dueFollowUps(db, '2026-12-09')).map((r) => [r.followUp.what, r.contact.displayName])).toEqual([['Call back', 'A']]);
    await setFollowUpDone(db, late.id, true);
    expect(await dueFollowUps(db, '2026-12-09')).toEqual([]);
  });

  it('lists contacts whose keep-in-touch cadence is due; logging a call takes them off', async () => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    const c = await createContact(db, { displayName: 'A', keepInTouchDays: 30 });
    await addInteraction(db, { contactIds: [c.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-09-01T10:00:00.000Z' });
    await addInteraction(db, { contactIds: [c.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-11-20T10:00:00.000Z' });
    expect((await keepInTouchList(db, now)).map((r) => r.contact.displayName)).toEqual(['A']);
    await addInteraction(db, { contactIds: [c.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-11-24T10:00:00.000Z' });
    expect(await keepInTouchList(db, now)).toEqual([]);
  });
});
