import { describe, expect, it } from 'vitest';
import type { ContactId, InteractionId } from '../../domain/common';
import type { RapportDB } from '../db';
import { addCheck, checksFor } from './checks';
import {
  createContact,
  deleteContact,
  findByEmail,
  findByLinkedIn,
  getContact,
  matchPerson,
  mergeContacts,
  searchContacts,
  updateContact,
} from './contacts';
import { ValidationError } from './errors';
import { addFollowUp, followUpsFor, openFollowUpsDueBy, setFollowUpDone } from './followups';
import {
  addInteraction,
  captureInteractions,
  deleteInteraction,
  restoreInteraction,
  timeline,
} from './interactions';
import { listPipelines } from './pipelines';
import { freshNotebook } from '../../../tests/support/fresh-db';

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10)).toISOString();

describe('contacts', () => {
  it('creates, finds by email and LinkedIn URL, and searches by name and company prefix', async () => {
    const c = await createContact(db, {
      displayName: 'Jürgen Weiß',
      emails: ['Juergen.Weiss@Weiss-Maschinenbau.example'],
      linkedinUrl: 'https://de.linkedin.com/in/juergen-weiss',
      company: 'Weiß Maschinenbau GmbH',
      tags: ['messe', 'messe'],
    });
    expect(c.tags).toEqual(['messe']);
    expect((await findByEmail(db, 'JUERGEN.weiss@weiss-maschinenbau.example'))?.id).toBe(c.id);
    expect((await findByLinkedIn(db, 'https://www.linkedin.com/in/juergen-weiss/'))?.id).toBe(c.id);
    expect((await searchContacts(db, 'jurg mas')).map((x) => x.id)).toEqual([c.id]);
    expect((await searchContacts(db, 'WEISS')).map((x) => x.id)).toEqual([c.id]);
    expect(await searchContacts(db, 'zzz')).toEqual([]);
  });

  it('refuses a second contact with the same email, and invalid input, without writing', async () => {
    await createContact(db, { displayName: 'A', emails: ['a@x.example'] });
    await expect(createContact(db, { displayName: 'B', emails: ['A@X.example'] })).rejects.toThrow(/already has/);
    await expect(createContact(db, { displayName: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createContact(db, { displayName: 'C', emails: ['not-an-email'] })).rejects.toThrow(/Invalid contact/);
    expect(await db.contacts.count()).toBe(1);
  });

  it('updates and keeps derived index words current', async () => {
    const c = await createContact(db, { displayName: 'Amara Okafor' });
    await updateContact(db, c.id, { company: 'Rotterdam Freight' });
    expect((await searchContacts(db, 'rotter')).map((x) => x.id)).toEqual([c.id]);
    await expect(updateContact(db, c.id, { value: { tier: 'Q' as 'A' } })).rejects.toBeInstanceOf(ValidationError);
    expect((await getContact(db, c.id))?.value).toEqual({});
  });

  it('matches exact identities first and offers name+company near matches', async () => {
    const saved = await createContact(db, {
      displayName: 'Amara Okafor',
      linkedinUrl: 'https://www.linkedin.com/in/amara-okafor-9b2a41/',
      company: 'Okafor Logistics',
    });
    const exact = await matchPerson(db, { name: 'A. Okafor', linkedinUrl: 'linkedin.com/in/amara-okafor-9b2a41' });
    expect(exact.contact?.id).toBe(saved.id);
    const near = await matchPerson(db, { name: 'Amara Okafor', email: 'amara@okafor.example', company: 'Okafor Logistics' });
    expect(near.contact).toBeUndefined();
    expect(near.suggestions.map((s) => s.id)).toEqual([saved.id]);
    expect((await matchPerson(db, { name: 'Amara Okafor', company: 'Other Corp' })).suggestions).toEqual([]);
  });
});

describe('timeline', () => {
  it('adding a note updates the contact last interaction in the same transaction', async () => {
    const c = await createContact(db, { displayName: 'A' });
    await addInteraction(db, { contactIds: [c.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: at(3), text: 'met' });
    await addInteraction(db, { contactIds: [c.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: at(5) });
    await addInteraction(db, { contactIds: [c.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: at(4) });
    const after = await getContact(db, c.id);
    expect(after?.lastInteractionAt).toBe(at(5));
    expect(after?.lastInteractionChannel).toBe('phone');
    expect((await timeline(db, c.id)).map((i) => i.occurredAt)).toEqual([at(5), at(4), at(3)]);
  });

  it('refuses an interaction for a contact that does not exist, writing nothing', async () => {
    await expect(
      addInteraction(db, { contactIds: ['ct_missing' as ContactId], kind: 'note', channel: 'other', direction: 'internal', occurredAt: at(1) }),
    ).rejects.toThrow(/not found/);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.interactionLinks.count()).toBe(0);
  });

  it('stores a captured thread once, however often it is saved', async () => {
    const a = await createContact(db, { displayName: 'A', emails: ['a@x.example'] });
    const b = await createContact(db, { displayName: 'B', emails: ['b@x.example'] });
    const thread = [1, 2, 3].map((n) => ({
      contactIds: n === 2 ? [a.id, b.id] : [a.id],
      kind: 'email' as const,
      channel: 'email' as const,
      direction: 'inbound' as const,
      occurredAt: at(n),
      subject: 'Angebot',
      text: `message ${n}`,
      source: { site: 'gmail' as const, threadId: 't1', messageId: `m${n}` },
    }));
    expect((await captureInteractions(db, thread)).stored).toHaveLength(3);
    const again = await captureInteractions(db, [...thread, thread[0]!]);
    expect(again).toMatchObject({ stored: [], skipped: 4 });
    expect(await db.interactions.count()).toBe(3);
    expect(await timeline(db, b.id)).toHaveLength(1);
  });

  it('deletes with undo and recomputes the last interaction', async () => {
    const c = await createContact(db, { displayName: 'A' });
    await addInteraction(db, { contactIds: [c.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: at(1) });
    const late = await addInteraction(db, { contactIds: [c.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: at(9) });
    const removed = await deleteInteraction(db, late.id as InteractionId);
    expect((await getContact(db, c.id))?.lastInteractionAt).toBe(at(1));
    await restoreInteraction(db, removed!);
    expect((await getContact(db, c.id))?.lastInteractionAt).toBe(at(9));
    expect(await db.interactions.get(late.id)).toEqual(late);
  });
});

describe('merge', () => {
  it('moves every interaction, follow-up and check, unions identities and loses nothing', async () => {
    const keep = await createContact(db, {
      displayName: 'Amara Okafor',
      linkedinUrl: 'https://www.linkedin.com/in/amara/',
      title: 'Head of Procurement',
      tags: ['linkedin'],
      preferences: { address: 'informal', channels: ['linkedin'], topics: [] },
    });
    const drop = await createContact(db, {
      displayName: 'Amara O.',
      emails: ['amara@okafor.example'],
      phones: ['+31 10 123 4567'],
      company: 'Okafor Logistics',
      tags: ['gmail'],
      about: 'Prefers calls before 10',
      preferences: { channels: ['email'], topics: ['rail freight'], maxFrequency: { count: 1, days: 14 } },
      value: { tier: 'A' },
    });
    const shared = await addInteraction(db, { contactIds: [keep.id, drop.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: at(2) });
    const mail = await addInteraction(db, { contactIds: [drop.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: at(7) });
    await addFollowUp(db, { contactId: drop.id, due: '2026-12-01', what: 'Send offer' });
    await addCheck(db, { contactId: drop.id, pillars: { emotionalOutward: { score: 4, comment: 'trust' } } });
    const before = { interactions: await db.interactions.count(), followUps: await db.followUps.count(), checks: await db.checks.count() };

    const merged = await mergeContacts(db, keep.id, drop.id);

    expect(merged).toMatchObject({
      id: keep.id,
      displayName: 'Amara Okafor',
      emails: ['amara@okafor.example'],
      phones: ['+31 10 123 4567'],
      linkedinUrl: 'https://www.linkedin.com/in/amara/',
      company: 'Okafor Logistics',
      title: 'Head of Procurement',
      tags: ['linkedin', 'gmail'],
      about: 'Prefers calls before 10',
      value: { tier: 'A' },
      lastInteractionAt: at(7),
    });
    expect(merged.preferences).toMatchObject({ address: 'informal', channels: ['linkedin', 'email'], topics: ['rail freight'], maxFrequency: { count: 1, days: 14 } });
    expect(await getContact(db, drop.id)).toBeUndefined();
    expect({ interactions: await db.interactions.count(), followUps: await db.followUps.count(), checks: await db.checks.count() }).toEqual(before);
    expect((await timeline(db, keep.id)).map((i) => i.id)).toEqual([mail.id, shared.id]);
    expect((await db.interactions.get(shared.id))?.contactIds).toEqual([keep.id]);
    expect(await followUpsFor(db, keep.id)).toHaveLength(1);
    expect(await checksFor(db, keep.id)).toHaveLength(1);
    expect(await db.interactionLinks.where('[contactId+occurredAt]').between([drop.id, ''], [drop.id, '\uffff']).count()).toBe(0);
    expect((await findByEmail(db, 'amara@okafor.example'))?.id).toBe(keep.id);
  });

  it('refuses to merge a contact with itself or a missing one, changing nothing', async () => {
    const a = await createContact(db, { displayName: 'A' });
    await expect(mergeContacts(db, a.id, a.id)).rejects.toBeInstanceOf(ValidationError);
    await expect(mergeContacts(db, a.id, 'ct_missing' as ContactId)).rejects.toThrow(/not found/);
    expect(await getContact(db, a.id)).toEqual(a);
  });

  it('deletes a contact with its own records but keeps shared interactions for the others', async () => {
    const a = await createContact(db, { displayName: 'A' });
    const b = await createContact(db, { displayName: 'B' });
    await addInteraction(db, { contactIds: [a.id, b.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: at(2) });
    await addInteraction(db, { contactIds: [a.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: at(3) });
    await deleteContact(db, a.id);
    expect(await db.interactions.count()).toBe(1);
    expect(await timeline(db, b.id)).toHaveLength(1);
  });
});

describe('follow-ups and pipelines', () => {
  it('lists open follow-ups due by a day and marks them done', async () => {
    const c = await createContact(db, { displayName: 'A' });
    const f = await addFollowUp(db, { contactId: c.id, due: '2026-11-24', what: 'Call back' });
    await addFollowUp(db, { contactId: c.id, due: '2026-12-24', what: 'Later' });
    expect((await openFollowUpsDueBy(db, '2026-11-25')).map((x) => x.id)).toEqual([f.id]);
    await setFollowUpDone(db, f.id, true);
    expect(await openFollowUpsDueBy(db, '2026-11-25')).toEqual([]);
    await expect(addFollowUp(db, { contactId: c.id, due: '24.11.2026', what: 'x' })).rejects.toBeInstanceOf(ValidationError);
  });
  it('offers the sales and recruiting pipelines by default', async () => {
    expect((await listPipelines(db)).map((p) => p.stages[0])).toEqual(['lead', 'sourced']);
  });
});
