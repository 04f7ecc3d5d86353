import { decodeImport } from '../../transfer/import';
import { emptyDecoded } from '../../transfer/model';
import { freshDb, seedSample } from '../../../tests/support/sample-db';
import { createContact } from './contacts';
import { addInteraction } from './interactions';
import { databaseChecksum } from '../../../tests/support/db-checksum';
import { openExportSource } from './export-source';
import { applyImport } from './import-apply';
import { mergeIncoming, planImport, stableStringify } from './import-plan';

describe('transfer repository', () => {
  it('checksum changes with any table and ignores key order', async () => {
    const db = freshDb();
    const empty = await databaseChecksum(db);
    await seedSample(db);
    const seeded = await databaseChecksum(db);
    expect(seeded).not.toBe(empty);
    await db.meta.put({ key: 'x', value: 1 });
    expect(await databaseChecksum(db)).not.toBe(seeded);
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('mergeIncoming keeps filled fields (keep) or takes the file (overwrite); lists are joined', async () => {
    const db = freshDb();
    const existing = await createContact(db, { displayName: 'A', title: 'Old', emails: ['a@x.example'], tags: ['t1'], about: 'mine' });
    const incoming = { ...existing, id: 'ct_other' as typeof existing.id, title: 'New', company: 'Co', tags: ['t2'], about: 'theirs', emails: ['b@x.example'] };
    const now = new Date('2030-01-01T00:00:00Z');
    expect(mergeIncoming(existing, incoming, 'keep', now)).toMatchObject({ id: existing.id, title: 'Old', company: 'Co', tags: ['t1', 't2'], about: 'mine', emails: ['a@x.example', 'b@x.example'] });
    expect(mergeIncoming(existing, incoming, 'overwrite', now)).toMatchObject({ id: existing.id, title: 'New', about: 'theirs' });
  });

  it('imported interactions update the last touchpoint of an existing contact and get timeline links', async () => {
    const db = freshDb();
    const c = await createContact(db, { displayName: 'A', emails: ['a@x.example'] });
    await addInteraction(db, { contactIds: [c.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-01-01T00:00:00.000Z' });
    const decoded = emptyDecoded('rapport-json', 'utf-8');
    decoded.interactions.push({ where: 'interactions[0]', value: { contactIds: [c.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: '2026-02-01T00:00:00.000Z', source: { site: 'gmail', messageId: 'm9' } } });
    decoded.interactions.push({ where: 'interactions[1]', value: { contactIds: ['ct_nobody'], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-02-01T00:00:00.000Z' } });
    const plan = await planImport(db, decoded);
    expect(plan.invalid).toEqual([{ where: 'interactions[1]', reason: 'the interaction belongs to no contact in this file or in Rapport' }]);
    await applyImport(db, plan);
    expect(await db.contacts.get(c.id as never)).toMatchObject({ lastInteractionAt: '2026-02-01T00:00:00.000Z', lastInteractionChannel: 'email' });
    expect(await db.interactionLinks.where('contactId').equals(c.id).count()).toBe(2);
    // The same captured message again is already present.
    const again = await planImport(db, decoded);
    expect(again.interactions).toEqual([]);
    expect(again.alreadyPresent).toBe(1);
  });

  it('a row matching two different contacts is not merged', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'One', emails: ['one@x.example'] });
    await createContact(db, { displayName: 'Two', linkedinUrl: 'https://www.linkedin.com/in/two/' });
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nX,Y,https://www.linkedin.com/in/two,one@x.example,,,\n';
    const plan = await planImport(db, (await decodeImport(new TextEncoder().encode(csv))));
    expect(plan.invalid[0]?.reason).toMatch(/matches One and Two/);
  });

  it('the export source pages through a table without loading it whole', async () => {
    const db = freshDb();
    for (let i = 0; i < 25; i++) await createContact(db, { displayName: `P${i}` });
    const source = await openExportSource(db, { kind: 'all' }, 10);
    const sizes: number[] = [];
    for await (const page of source.contacts()) sizes.push(page.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(source.counts.contacts).toBe(25);
  });
});
