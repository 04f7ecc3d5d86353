import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RapportDB, applyMigrations } from '../db';
import { setFollowUpDone } from '../repos/followups';
import type { FollowUpId } from '../../domain/common';
import { MIGRATIONS } from './index';

/*
 * Before/after: a schema-6 notebook opened by schema 7 keeps every record unchanged, finds its open
 * follow-ups by `openDue` and its contacts by cadence and last contact; later writes keep the index true.
 */

const contact = (id: string, extra: Record<string, unknown>) => ({
  id,
  displayName: id,
  emails: [],
  phones: [],
  tags: [],
  value: {},
  preferences: { channels: [], topics: [] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  words: [id],
  ...extra,
});
const followUp = (id: string, due: string, doneAt?: string) => ({
  id,
  contactId: 'ct_a',
  due,
  what: 'Call',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...(doneAt ? { doneAt } : {}),
});

describe('migration 7: index reminders', () => {
  it('keeps every schema-6 record and indexes open follow-ups and cadences', async () => {
    const name = `migrate-7-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.slice(0, 6));
    await old.open();
    const contacts = [
      contact('ct_a', { keepInTouchDays: 30, lastInteractionAt: '2026-10-01T10:00:00.000Z' }),
      contact('ct_b', { keepInTouchDays: 30, lastInteractionAt: '2026-11-20T10:00:00.000Z' }),
      contact('ct_c', { value: { coverage: 'key-account' }, lastInteractionAt: '2026-09-01T10:00:00.000Z' }),
    ];
    const followUps = [followUp('fu_1', '2026-11-01'), followUp('fu_2', '2026-11-02', '2026-11-03T09:00:00.000Z'), followUp('fu_3', '2026-12-24')];
    await old.table('contacts').bulkAdd(contacts);
    await old.table('followUps').bulkAdd(followUps);
    old.close();

    const db = new RapportDB(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.followUps.toArray()).toEqual(followUps);
    expect((await db.contacts.toArray()).map(({ id }) => id)).toEqual(['ct_a', 'ct_b', 'ct_c']);
    expect(await db.followUps.where('openDue').belowOrEqual('2026-11-30').primaryKeys()).toEqual(['fu_1']);
    expect(await db.followUps.orderBy('openDue').primaryKeys()).toEqual(['fu_1', 'fu_3']);
    expect(
      await db.contacts.where('[keepInTouchDays+lastInteractionAt]').between([30, ''], [30, '2026-10-31'], true, true).primaryKeys(),
    ).toEqual(['ct_a']);
    expect(await db.contacts.where('[value.coverage+lastInteractionAt]').between(['key-account', ''], ['key-account', '\uffff']).primaryKeys()).toEqual(['ct_c']);

    // Later writes keep the index true: done leaves it, reopened comes back.
    await setFollowUpDone(db, 'fu_1' as FollowUpId, true);
    expect(await db.followUps.orderBy('openDue').primaryKeys()).toEqual(['fu_3']);
    await setFollowUpDone(db, 'fu_2' as FollowUpId, false);
    expect(await db.followUps.orderBy('openDue').primaryKeys()).toEqual(['fu_2', 'fu_3']);
    expect(Object.keys((await db.followUps.get('fu_2' as FollowUpId))!)).not.toContain('openDue');
    db.close();
    await db.delete();
  });
});
