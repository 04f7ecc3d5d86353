import { RapportDB } from '../db';
import { seedSample } from '../../../tests/support/sample-db';
import type { Contact } from '../../domain/contact';
import { createContact, editContact } from './contacts';
import { addFollowUp } from './followups';
import { addInteraction, captureInteractions } from './interactions';

/*
 * Many tabs: two sidebars and the workspace are three connections to one database (fake-indexeddb
 * here, shared like the browser's). Each scenario starts their writes at the same moment
 * (Promise.all) from the same snapshot; nothing may be lost and nothing duplicated.
 */

let scenarios = 0;
afterAll(() => {
  if (process.env.COUNT_CONCURRENT) process.stdout.write(`concurrent-write scenarios: ${scenarios}\n`);
});

async function tabs() {
  const name = `tabs-${crypto.randomUUID()}`;
  const workspace = new RapportDB(name);
  const ids = await seedSample(workspace);
  const sidebarA = new RapportDB(name);
  const sidebarB = new RapportDB(name);
  await Promise.all([sidebarA.open(), sidebarB.open()]);
  const snapshot = (await workspace.contacts.get(ids.anna))! as Contact;
  return { workspace, sidebarA, sidebarB, ...ids, snapshot };
}

describe('many tabs writing the same contact at the same moment', () => {
  it('three edits from the same snapshot: list additions and removals of each are merged, other fields kept', async () => {
    scenarios++;
    const { workspace, sidebarA, sidebarB, anna, snapshot } = await tabs();
    await Promise.all([
      editContact(sidebarA, snapshot, { tags: [...snapshot.tags, 'from-a'], emails: [...snapshot.emails, 'anna@a.example'] }),
      editContact(sidebarB, snapshot, { tags: [...snapshot.tags.filter((t) => t !== 'kunde'), 'from-b'], phones: [...snapshot.phones, '+49 40 999'] }),
      editContact(workspace, snapshot, { title: 'Einkaufsleiterin', tags: [...snapshot.tags, 'from-ws'], value: { ...snapshot.value, tier: 'B' } }),
    ]);
    const after = (await workspace.contacts.get(anna))!;
    expect(new Set(after.tags)).toEqual(new Set(['messe-2025', 'from-a', 'from-b', 'from-ws']));
    expect(after.emails).toEqual([...snapshot.emails, 'anna@a.example']);
    expect(after.phones).toEqual([...snapshot.phones, '+49 40 999']);
    expect(after.title).toBe('Einkaufsleiterin');
    expect(after.value).toMatchObject({ tier: 'B', loyalty: 'repeat-customer', yearlyRevenue: { amount: 120000, currency: 'EUR' } });
    expect(after.about).toBe(snapshot.about);
  });

  it('notes, follow-ups and an edit at once: every note and follow-up stored, the last touchpoint the newest', async () => {
    scenarios++;
    const { workspace, sidebarA, sidebarB, anna, snapshot } = await tabs();
    const notesBefore = await workspace.interactions.where('contactIds').equals(anna).count();
    // Calls: real touchpoints, so the last contact follows the newest of them (a note would not count).
    const note = (db: RapportDB, day: number) => addInteraction(db, { contactIds: [anna], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: `2026-06-${String(day).padStart(2, '0')}T10:00:00.000Z`, text: `call ${day}` });
    await Promise.all([
      note(sidebarA, 1),
      note(sidebarB, 3),
      note(workspace, 2),
      addFollowUp(sidebarA, { contactId: anna, due: '2026-07-01', what: 'A' }),
      addFollowUp(sidebarB, { contactId: anna, due: '2026-07-02', what: 'B' }),
      editContact(workspace, snapshot, { about: 'rewritten' }),
    ]);
    expect(await workspace.interactions.where('contactIds').equals(anna).count()).toBe(notesBefore + 3);
    expect(await workspace.interactionLinks.where('[contactId+occurredAt]').between([anna, ''], [anna, '\uffff']).count()).toBe(notesBefore + 3);
    expect((await workspace.followUps.where('contactId').equals(anna).toArray()).map((f) => f.what)).toEqual(expect.arrayContaining(['A', 'B']));
    const after = (await workspace.contacts.get(anna))!;
    expect(after.about).toBe('rewritten');
    expect(after.lastInteractionAt).toBe('2026-06-03T10:00:00.000Z');
  });

  it('two sidebars capture the same thread at once: each message stored once', async () => {
    scenarios++;
    const { workspace, sidebarA, sidebarB, anna, ben } = await tabs();
    const thread = [1, 2, 3, 4].map((n) => ({
      contactIds: [anna, ben],
      kind: 'email' as const,
      channel: 'email' as const,
      direction: 'inbound' as const,
      occurredAt: `2026-05-0${n}T10:00:00.000Z`,
      text: `message ${n}`,
      source: { site: 'gmail' as const, threadId: 'tt', messageId: `mt${n}`, url: 'https://mail.google.com/mail/u/0/#inbox/tt' },
    }));
    const before = await workspace.interactions.count();
    const results = await Promise.all([captureInteractions(sidebarA, thread), captureInteractions(sidebarB, thread), captureInteractions(workspace, thread.slice(1, 3))]);
    expect(results.reduce((n, r) => n + r.stored.length, 0)).toBe(4);
    expect(await workspace.interactions.count()).toBe(before + 4);
    const keys = (await workspace.interactions.toArray()).map((i) => i.sourceKey).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('two sidebars save the same new person at once: one contact, the other told who has the address', async () => {
    scenarios++;
    const { workspace, sidebarA, sidebarB } = await tabs();
    const person = { displayName: 'Clara Neu', emails: ['clara@neu.example'] };
    const results = await Promise.allSettled([createContact(sidebarA, person), createContact(sidebarB, person), createContact(workspace, person)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/Clara Neu already has this email/);
    expect(await workspace.contacts.where('emails').equals('clara@neu.example').count()).toBe(1);
  });

  it('an edit from a stale form does not undo a change made in another tab since', async () => {
    scenarios++;
    const { workspace, sidebarA, anna, snapshot } = await tabs();
    await editContact(sidebarA, snapshot, { tags: [...snapshot.tags, 'later'], location: 'Hamburg' });
    // The workspace form still shows the snapshot; its user changes only the company.
    await editContact(workspace, snapshot, { company: 'Neue GmbH', tags: snapshot.tags, location: snapshot.location });
    const after = (await workspace.contacts.get(anna))!;
    expect(after).toMatchObject({ company: 'Neue GmbH', location: 'Hamburg' });
    expect(after.tags).toContain('later');
  });
});
