import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactId } from '../domain/common';
import type { Contact } from '../domain/contact';
import { addContacts, clearContacts, CONTACT_PAGES, contactPageOf, contactsWithEmails, contactTables, countContacts, deleteContacts, filterContacts, packContactPage, putContacts, readContact } from './contact-store';
import { applyMigrations, RapportDB } from './db';
import { MIGRATIONS } from './migrations';
import { createContact, deleteContact, getContact, matchPerson, mergeContacts, searchContacts, updateContact } from './repos/contacts';
import { applyImport, planImport } from './repos/transfer';
import { contactText, newest, matchPrefixes, matchWord, pageOf, searchable, SEARCH_PAGES, CONTACTS_REV } from './search-index';
import { exportDatabase } from '../transfer/export';
import { decodeImport } from '../transfer/import';

let db: RapportDB;
beforeEach(async () => {
  db = new RapportDB(`search-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const stamp = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();

function contact(i: number, over: Partial<Contact> = {}): Contact {
  return {
    id: `ct_search-${i}` as ContactId,
    displayName: `Person ${i}`,
    emails: [`p${i}@search.example`],
    phones: [],
    tags: [],
    value: {},
    preferences: { channels: [], topics: [] },
    createdAt: stamp(0),
    updatedAt: stamp(i % 60),
    ...over,
  };
}

/**
 * The invariants: every contact sits in its own contact page, whose index lists are exactly what
 * its contacts imply; the count row is the number of contacts; and the search pages hold exactly
 * one entry per contact, in the contact's page, with its current words and `updatedAt`.
 */
async function expectPagesMatchContacts(target: RapportDB = db): Promise<void> {
  const contactPages = await target.contactPages.toArray();
  const contacts: Contact[] = [];
  for (const page of contactPages) {
    expect(page.contacts.length).toBeGreaterThan(0);
    for (const c of page.contacts) expect(contactPageOf(c.id)).toBe(page.page);
    expect(page).toEqual(packContactPage(page.page, page.contacts));
    contacts.push(...page.contacts);
  }
  expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
  expect(await countContacts(target)).toBe(contacts.length);

  const pages = await target.searchPages.toArray();
  const actual = new Map<string, string>();
  for (const page of pages) {
    expect(page.ids.length).toBe(page.words.length);
    expect(page.ids.length).toBe(page.updated.length);
    page.ids.forEach((id, i) => {
      expect(pageOf(id)).toBe(page.page);
      expect(actual.has(id)).toBe(false);
      actual.set(id, `${page.updated[i]}|${page.words[i]}`);
    });
  }
  const expected = new Map(contacts.map((c) => [c.id as string, `${c.updatedAt}|${contactText(c)}`]));
  expect(actual).toEqual(expected);
}

describe('packed search index', () => {
  it('spreads ids over all pages, each contact page inside one search page', () => {
    const ids = Array.from({ length: 120_000 }, (_, i) => `ct_${crypto.randomUUID()}-${i}`);
    expect(new Set(ids.slice(0, 5000).map(pageOf)).size).toBe(SEARCH_PAGES);
    expect(new Set(ids.map(contactPageOf)).size).toBe(CONTACT_PAGES);
    for (const id of ids.slice(0, 1000)) expect(contactPageOf(id) % SEARCH_PAGES).toBe(pageOf(id));
  });

  it('matches within one entry only, each entry once, first and last entries included', () => {
    const page = searchable({
      page: 0,
      ids: ['a', 'b', 'c', 'd'],
      updated: ['1', '2', '3', '4'],
      words: [' anna annabel berg ', '  ', ' berg anna ', ' zed anna '],
    });
    const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
    expect(ids(matchPrefixes([page], ['ann']))).toEqual(['a', 'c', 'd']);
    expect(ids(matchPrefixes([page], ['anna', 'berg']))).toEqual(['a', 'c']);
    // "berg" ends entry a and "anna" starts entry c: a query across two entries finds nothing.
    expect(ids(matchPrefixes([page], ['zed', 'berg']))).toEqual([]);
    expect(ids(matchWord([page], 'annabel'))).toEqual(['a']);
    expect(ids(matchWord([page], 'annab'))).toEqual([]);
    expect(ids(matchPrefixes([page], ['zed']))).toEqual(['d']);
    expect(ids(newest([page], 10))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(newest([page, searchable({ page: 1, ids: ['e', 'f'], updated: ['2', '9'], words: ['  ', '  '] })], 3))).toEqual(['f', 'd', 'c']);
    expect(matchPrefixes([searchable({ page: 1, ids: [], updated: [], words: [] })], ['a'])).toEqual([]);
  });

  it('follows create, rename, merge and delete through the repositories', async () => {
    const a = await createContact(db, { displayName: 'Jürgen Weiß', company: 'Nordlicht GmbH', emails: ['jw@nord.example'], phones: [], tags: [], value: {}, preferences: { channels: [], topics: [] } });
    const b = await createContact(db, { displayName: 'Amara Okafor', company: 'Okafor Logistics', emails: ['amara@okafor.example'], phones: [], tags: [], value: {}, preferences: { channels: [], topics: [] } });
    await expectPagesMatchContacts();
    expect((await searchContacts(db, 'jurg nord')).map((c) => c.id)).toEqual([a.id]);

    await updateContact(db, a.id, { displayName: 'Jürgen Schwarz' });
    await expectPagesMatchContacts();
    expect(await searchContacts(db, 'weiss')).toEqual([]);
    expect((await searchContacts(db, 'schwarz')).map((c) => c.id)).toEqual([a.id]);

    await mergeContacts(db, b.id, a.id);
    await expectPagesMatchContacts();
    expect((await searchContacts(db, 'schwarz')).map((c) => c.id)).toEqual([]);
    expect((await searchContacts(db, 'okafor')).map((c) => c.id)).toEqual([b.id]);

    await deleteContact(db, b.id);
    await expectPagesMatchContacts();
    expect(await searchContacts(db, 'okafor')).toEqual([]);
    expect(await db.searchPages.toArray()).toSatisfy((pages: { ids: string[] }[]) => pages.every((p) => p.ids.length === 0));
    expect(await db.contactPages.count()).toBe(0);
  });

  it('follows bulk adds, puts, deletes and clear in the store', async () => {
    await addContacts(db, Array.from({ length: 1200 }, (_, i) => contact(i)));
    await expectPagesMatchContacts();
    const p1 = await filterContacts(db, (c) => c.emails[0]!.startsWith('p1'));
    expect(p1).toHaveLength(1 + 10 + 100 + 200);
    await putContacts(db, p1.map((c) => ({ ...c, company: 'Modified Inc', updatedAt: stamp(59) })));
    await expectPagesMatchContacts();
    expect((await searchContacts(db, 'modified', 10_000)).length).toBe(p1.length);
    await deleteContacts(db, [...Array.from({ length: 300 }, (_, i) => `ct_search-${i}`), 'ct_never-stored']);
    await expectPagesMatchContacts();
    expect(await countContacts(db)).toBe(900);
    await putContacts(db, [contact(5, { displayName: 'Back Again' }), contact(900, { displayName: 'Renamed Nine Hundred', emails: ['moved@search.example'] })]);
    await expectPagesMatchContacts();
    expect((await contactsWithEmails(db, ['moved@search.example', 'p900@search.example'])).map((c) => c.displayName)).toEqual(['Renamed Nine Hundred']);
    await clearContacts(db);
    await expectPagesMatchContacts();
    expect(await searchContacts(db, '')).toEqual([]);
    expect(await countContacts(db)).toBe(0);
  });

  it('writes nothing for a transaction that fails, nor for an add whose id is taken', async () => {
    await addContacts(db, [contact(1)]);
    await expect(
      db.transaction('rw', contactTables(db), async () => {
        await putContacts(db, [contact(1, { displayName: 'Never Stored' })]);
        await addContacts(db, [contact(2)]);
        throw new Error('user cancelled');
      }),
    ).rejects.toThrow('user cancelled');
    await expectPagesMatchContacts();
    expect(await searchContacts(db, 'never')).toEqual([]);
    expect(await readContact(db, 'ct_search-2')).toBeUndefined();

    // An add is all or nothing: a taken id, or one id twice, refuses the whole batch.
    await expect(addContacts(db, [contact(3), contact(1, { displayName: 'Duplicate Id' })])).rejects.toThrow('ct_search-1 already exists');
    await expect(addContacts(db, [contact(4), contact(4)])).rejects.toThrow('already exists');
    await expectPagesMatchContacts();
    expect(await searchContacts(db, 'duplicate')).toEqual([]);
    expect(await countContacts(db)).toBe(1);
    expect((await readContact(db, 'ct_search-1'))?.displayName).toBe('Person 1');
  });

  it('refuses a write from a transaction that does not cover the search pages', async () => {
    await expect(db.transaction('rw', db.contactPages, () => putContacts(db, [contact(1)]))).rejects.toThrow();
    await expectPagesMatchContacts();
    expect(await countContacts(db)).toBe(0);
  });

  it('follows an import, and a failed import leaves it as it was', async () => {
    await addContacts(db, [contact(1)]);
    const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'Zoë,Ångström,https://www.linkedin.com/in/zoe-a,zoe@a.example,Fjord AS,CTO,01 Mar 2024'].join('\r\n');
    const plan = await planImport(db, await decodeImport(new TextEncoder().encode(csv)));
    // Someone else stored the address since the preview: the whole write is refused.
    await addContacts(db, [contact(2, { displayName: 'Other Owner', emails: ['zoe@a.example'] })]);
    await expect(applyImport(db, plan)).rejects.toThrow();
    await expectPagesMatchContacts();
    expect(await searchContacts(db, 'angstrom')).toEqual([]);
    await deleteContacts(db, ['ct_search-2']);

    await applyImport(db, await planImport(db, await decodeImport(new TextEncoder().encode(csv))));
    await expectPagesMatchContacts();
    expect((await searchContacts(db, 'zoe angstrom fjord')).map((c) => c.displayName)).toEqual(['Zoë Ångström']);
  });

  it('never answers from a stale copy, also after a write from another context', async () => {
    await addContacts(db, Array.from({ length: 50 }, (_, i) => contact(i)));
    expect(await searchContacts(db, 'renamed')).toEqual([]);
    const other = new RapportDB(db.name); // the background or another tab, same database
    await other.open();
    try {
      await updateContact(other, 'ct_search-3' as ContactId, { displayName: 'Renamed Elsewhere' });
      expect((await searchContacts(db, 'renamed')).map((c) => c.id)).toEqual(['ct_search-3']);
      const rev = await db.meta.get(CONTACTS_REV);
      await deleteContact(other, 'ct_search-3' as ContactId);
      expect(await db.meta.get(CONTACTS_REV)).not.toEqual(rev);
      expect(await searchContacts(db, 'renamed')).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('answers searches that run at the same time, as the sidebar runs them for everyone on screen', async () => {
    await addContacts(db, Array.from({ length: 200 }, (_, i) => contact(i)));
    for (let round = 0; round < 3; round++) {
      await updateContact(db, 'ct_search-1' as ContactId, { title: `Round ${round}` });
      const matches = await Promise.all([
        ...Array.from({ length: 6 }, (_, i) => matchPerson(db, { name: `Person ${i + 10}`, email: `new${i}@elsewhere.example` })),
        searchContacts(db, 'person 12'),
      ]);
      expect(matches.slice(0, 6).map((m) => 'suggestions' in m && m.suggestions.map((c) => c.id))).toEqual(
        Array.from({ length: 6 }, (_, i) => [`ct_search-${i + 10}`]),
      );
    }
  });

  it('lists the most recently changed contacts first, and finds near matches by name', async () => {
    await addContacts(db, Array.from({ length: 100 }, (_, i) => contact(i)));
    const recent = await searchContacts(db, '', 3);
    expect(recent.map((c) => c.id)).toEqual(['ct_search-59', 'ct_search-58', 'ct_search-57']);
    expect((await searchContacts(db, 'person', 1000)).length).toBe(100);
    const near = await matchPerson(db, { name: 'Person 42' });
    expect(near.contact).toBeUndefined();
    expect(near.suggestions.map((c) => c.id)).toContain('ct_search-42');
  });

  it('builds both kinds of page when a version-2 database is upgraded, and drops the old word lists', async () => {
    const name = `search-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 2));
    await old.open();
    await old.table('contacts').bulkAdd(Array.from({ length: 700 }, (_, i) => ({ ...contact(i, { company: i === 7 ? 'Seven Seas' : undefined }), searchWords: ['stale'] })));
    old.close();

    const upgraded = new RapportDB(name);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(MIGRATIONS.length);
      expect([...upgraded.backendDB().objectStoreNames]).not.toContain('contacts');
      const all = await filterContacts(upgraded, () => true);
      expect(all).toHaveLength(700);
      expect(await countContacts(upgraded)).toBe(700);
      expect(all.some((c) => 'searchWords' in c)).toBe(false);
      expect(await getContact(upgraded, 'ct_search-1')).not.toHaveProperty('searchWords');
      const backup = await exportDatabase(upgraded, { format: 'json', appVersion: 'test' });
      expect(await backup.blob.text()).not.toContain('searchWords');
      expect((await searchContacts(upgraded, 'seven')).map((c) => c.id)).toEqual(['ct_search-7']);
      expect(await searchContacts(upgraded, 'stale')).toEqual([]);
      expect((await upgraded.searchPages.toArray()).reduce((n, p) => n + p.ids.length, 0)).toBe(700);
      await expectPagesMatchContacts(upgraded);
      // The store keeps both from there.
      await updateContact(upgraded, 'ct_search-8' as ContactId, { company: 'Eight Bells' });
      await expectPagesMatchContacts(upgraded);
      expect((await searchContacts(upgraded, 'bells')).map((c) => c.id)).toEqual(['ct_search-8']);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
