import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RapportDB, applyMigrations } from '../db';
import { timeline } from '../repos/interactions';
import { MIGRATIONS } from './index';
import type { ContactId } from '../../domain/common';
import { contactsWithEmails, countContacts, readContacts } from '../contact-store';

/**
 * The pattern for every schema step: write a database at the previous version with real-looking
 * data, open it with the current code, and find every record.
 */
describe('migrations', () => {
  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('upgrade a version-1 database without losing a record', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.filter((m) => m.version === 1));
    const stamp = '2024-05-01T08:00:00.000Z';
    const contacts = Array.from({ length: 50 }, (_, i) => ({
      id: `ct_${i}`,
      displayName: `Contact ${i}`,
      emails: [`c${i}@x.example`],
      phones: [],
      tags: i % 2 ? ['odd'] : [],
      value: {},
      preferences: { channels: [], topics: [] },
      searchWords: ['contact', String(i)],
      createdAt: stamp,
      updatedAt: stamp,
    }));
    const interactions = Array.from({ length: 120 }, (_, i) => ({
      id: `ix_${i}`,
      contactIds: i % 10 === 0 ? ['ct_0', 'ct_1'] : [`ct_${i % 50}`],
      kind: 'email',
      channel: 'email',
      direction: 'inbound',
      department: 'sales',
      occurredAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      text: `mail ${i}`,
      source: { site: 'gmail', messageId: `m${i}` },
      sourceKey: `gmail:m${i}`,
      createdAt: stamp,
      updatedAt: stamp,
    }));
    await old.open();
    await old.table('contacts').bulkAdd(contacts);
    await old.table('interactions').bulkAdd(interactions);
    await old.table('followUps').add({ id: 'fu_1', contactId: 'ct_3', due: '2024-06-01', what: 'call', createdAt: stamp, updatedAt: stamp });
    await old.table('checks').add({ id: 'rc_1', contactId: 'ct_3', at: stamp, pillars: {}, createdAt: stamp, updatedAt: stamp });
    old.close();

    const db = new RapportDB(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    expect(await countContacts(db)).toBe(50);
    expect(await db.interactions.count()).toBe(120);
    expect(await db.followUps.count()).toBe(1);
    expect(await db.checks.count()).toBe(1);
    // Every interaction is reachable through the new timeline index, shared ones from both contacts.
    let reachable = 0;
    for (const c of contacts) reachable += (await timeline(db, c.id as ContactId)).length;
    expect(reachable).toBe(120 + 12);
    expect((await db.followUps.where('[contactId+due]').equals(['ct_3', '2024-06-01']).first())?.id).toBe('fu_1');
    expect((await contactsWithEmails(db, ['c7@x.example'])).map((c) => c.id)).toEqual(['ct_7']);
    expect((await readContacts(db, contacts.map((c) => c.id))).every((c, i) => c?.displayName === contacts[i]!.displayName)).toBe(true);
    db.close();
    await db.delete();
  });
});
