import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactId } from '../domain/common';
import type { Contact } from '../domain/contact';
import {
  addContacts,
  contactBatches,
  contactPageOf,
  contactsInIndustry,
  contactsWithEmails,
  contactsWithTag,
  contactsWithUrls,
  contactTags,
  countContacts,
  deleteContacts,
  putContacts,
  readContact,
  readContacts,
  writeChunks,
} from './contact-store';
import { RapportDB } from './db';
import { SEARCH_PAGES } from './search-index';

let db: RapportDB;
beforeEach(async () => {
  db = new RapportDB(`store-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function contact(i: number, over: Partial<Contact> = {}): Contact {
  return {
    id: `ct_store-${i}` as ContactId,
    displayName: `Person ${i}`,
    emails: [`p${i}@store.example`],
    phones: [],
    tags: i % 3 === 0 ? ['three'] : [],
    industry: i % 2 ? 'Logistics' : 'logistics & freight',
    linkedinUrl: `https://www.linkedin.com/in/person-${i}/`,
    value: {},
    preferences: { channels: [], topics: [] },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** Ids of contacts that share a page with `id` (at least `n` of them among the first 50 000). */
function pageMates(id: string, n: number): number[] {
  const page = contactPageOf(id);
  const mates: number[] = [];
  for (let i = 0; mates.length < n && i < 50_000; i++) if (contactPageOf(`ct_store-${i}`) === page && `ct_store-${i}` !== id) mates.push(i);
  return mates;
}

describe('contact store', () => {
  it('answers every look-up with exactly the contacts it asks for, also among page mates', async () => {
    const [mate] = pageMates('ct_store-1', 1);
    await addContacts(db, [contact(1, { emails: ['a@x.example', 'b@x.example'] }), contact(mate!), ...Array.from({ length: 40 }, (_, i) => contact(100 + i))]);

    expect(await readContact(db, 'ct_store-1')).toMatchObject({ displayName: 'Person 1' });
    expect(await readContact(db, `ct_store-${mate}`)).toMatchObject({ displayName: `Person ${mate}` });
    expect(await readContact(db, 'ct_store-2')).toBeUndefined();
    expect((await readContacts(db, ['ct_store-101', 'ct_missing', 'ct_store-1', 'ct_store-101'])).map((c) => c?.id)).toEqual([
      'ct_store-101',
      undefined,
      'ct_store-1',
      'ct_store-101',
    ]);

    // Both addresses of one contact: the contact once; the page mate, sharing the index record, not at all.
    expect((await contactsWithEmails(db, ['a@x.example', 'b@x.example'])).map((c) => c.id)).toEqual(['ct_store-1']);
    expect((await contactsWithEmails(db, ['a@x.example', 'p105@store.example', 'nobody@x.example'])).map((c) => c.id)).toEqual(['ct_store-1', 'ct_store-105']);
    expect(await contactsWithEmails(db, [])).toEqual([]);
    expect((await contactsWithUrls(db, ['https://www.linkedin.com/in/person-120/'])).map((c) => c.id)).toEqual(['ct_store-120']);
    expect(await contactsWithUrls(db, ['https://www.linkedin.com/in/person-2/'])).toEqual([]);

    const threes = [1, mate!, ...Array.from({ length: 40 }, (_, i) => 100 + i)].filter((i) => i % 3 === 0).map((i) => `ct_store-${i}`).sort();
    expect((await contactsWithTag(db, 'three')).map((c) => c.id)).toEqual(threes);
    expect(await contactTags(db)).toEqual(['three']);
    expect((await contactsInIndustry(db, 'LOGISTICS')).every((c) => c.industry === 'Logistics')).toBe(true);
    expect((await contactsInIndustry(db, 'logistics')).length).toBe([1, mate!, ...Array.from({ length: 40 }, (_, i) => 100 + i)].filter((i) => i % 2).length);
    expect(await countContacts(db)).toBe(42);
  });

  it('pages through every contact once, in batches of the asked size', async () => {
    await addContacts(db, Array.from({ length: 1000 }, (_, i) => contact(i)));
    const sizes: number[] = [];
    const seen = new Set<string>();
    for await (const batch of contactBatches(db, 300)) {
      sizes.push(batch.length);
      for (const c of batch) seen.add(c.id);
    }
    expect(sizes).toEqual([300, 300, 300, 100]);
    expect(seen.size).toBe(1000);
  });

  it('cuts writes at page boundaries, grouped by search page', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `ct_${crypto.randomUUID()}-${i}`);
    const out = writeChunks(ids, (id) => id, 500);
    expect(out.flat().sort()).toEqual([...ids].sort());
    for (const chunk of out.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(500);
    // No contact page is split over two chunks, and each search page is one run.
    const pageChunk = new Map<number, number>();
    out.forEach((chunk, n) => {
      for (const id of chunk) {
        const page = contactPageOf(id);
        expect(pageChunk.get(page) ?? n).toBe(n);
        pageChunk.set(page, n);
      }
    });
    const runs = out.flat().map((id) => contactPageOf(id) % SEARCH_PAGES);
    expect(runs.filter((page, i) => i === 0 || page !== runs[i - 1]).length).toBe(SEARCH_PAGES);
    expect(pageChunk.size).toBe(new Set(ids.map(contactPageOf)).size);
  });

  it('keeps live queries current through single edits and bulk writes', async () => {
    await addContacts(db, Array.from({ length: 300 }, (_, i) => contact(i)));
    const seen: (string | undefined)[] = [];
    let runs = 0;
    const one = liveQuery(() => readContact(db, 'ct_store-7')).subscribe((c) => seen.push(c?.displayName));
    const other = liveQuery(() => readContact(db, 'ct_store-8')).subscribe(() => runs++);
    const settle = async (until: () => boolean) => {
      for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
    };
    try {
      await settle(() => seen.length === 1 && runs === 1);
      await putContacts(db, [contact(7, { displayName: 'Edited Once' })]);
      await settle(() => seen.includes('Edited Once'));
      // A bulk write (here 20 pages: Dexie itself goes coarse from 50) counts as a change to the
      // whole store, so every live query re-runs.
      const before = runs;
      const bulk = Array.from({ length: 20 }, (_, i) => contact(i + 9, { displayName: `Bulk ${i}` })).filter(
        (c) => contactPageOf(c.id) !== contactPageOf('ct_store-8'),
      );
      await putContacts(db, [...bulk, contact(7, { displayName: 'Edited In Bulk' })]);
      await settle(() => seen.includes('Edited In Bulk') && runs > before);
      await deleteContacts(db, ['ct_store-7']);
      await settle(() => seen[seen.length - 1] === undefined);
      expect(seen).toEqual(['Person 7', 'Edited Once', 'Edited In Bulk', undefined]);
      expect(runs).toBeGreaterThan(before);
    } finally {
      one.unsubscribe();
      other.unsubscribe();
    }
  });
});
