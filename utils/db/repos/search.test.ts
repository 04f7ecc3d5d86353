import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/sample-db';
import type { ContactId, InteractionId } from '../../domain/common';
import { contactWords, interactionWords } from '../../domain/search';
import { decodeImport } from '../../transfer/import';
import type { RapportDB } from '../db';
import { createContact, deleteContact, mergeContacts, updateContact } from './contacts';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { addInteraction, captureInteractions, deleteInteraction, updateInteraction } from './interactions';
import { rebuildSearchIndex, search, searchReads } from './search';

let db: RapportDB;
beforeEach(() => {
  db = freshDb();
});

/** `n` contacts "Person i", each with one note `text(i)`. */
async function peopleWithNotes(n: number, text: (i: number) => string): Promise<void> {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await createContact(db, { displayName: `Person ${i}` }));
  await captureInteractions(
    db,
    people.map((p, i) => ({
      contactIds: [p.id],
      kind: 'note' as const,
      channel: 'other' as const,
      direction: 'internal' as const,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      text: text(i),
    })),
  );
}

const names = async (query: string) => (await search(db, query)).map((h) => h.contact.displayName);

describe('full-text search over contacts and notes', () => {
  it('ignores case and diacritics: Müller finds Muller and müller, and the other way round', async () => {
    await createContact(db, { displayName: 'Jana Müller' });
    await createContact(db, { displayName: 'Tom Muller' });
    await createContact(db, { displayName: 'Ines Weiß', company: 'Straßenbau Nord' });
    expect((await names('Müller')).sort()).toEqual(['Jana Müller', 'Tom Muller']);
    expect((await names('muller')).sort()).toEqual(['Jana Müller', 'Tom Muller']);
    expect((await names('MÜLL')).sort()).toEqual(['Jana Müller', 'Tom Muller']);
    expect(await names('weiss')).toEqual(['Ines Weiß']);
    expect(await names('strassen')).toEqual(['Ines Weiß']);
  });

  it('finds by every email, by the domain, by tag, industry, title and about', async () => {
    const anke = await createContact(db, {
      displayName: 'Anke Sommerfeld',
      emails: ['anke.sommerfeld@nordlicht.example', 'a.s@privat.example'],
      tags: ['messe-2025', 'newsletter'],
      industry: 'Maschinenbau',
      title: 'Leiterin Einkauf',
      about: 'Kennt den Geschäftsführer aus dem Rotary Club',
    });
    await createContact(db, { displayName: 'Someone Else', emails: ['x@y.example'] });
    for (const query of ['anke.sommerfeld@nordlicht.example', 'nordlicht.example', 'a.s@privat', 'messe-2025', 'messe', 'maschinen', 'einkauf', 'rotary', 'geschaftsfuhrer']) {
      expect((await search(db, query)).map((h) => h.contact.id), query).toEqual([anke.id]);
    }
  });

  it('needs every term (prefixes), in any order', async () => {
    await createContact(db, { displayName: 'Jürgen Weiß', company: 'Nordlicht GmbH' });
    await createContact(db, { displayName: 'Jürgen Albers', company: 'Südwind AG' });
    expect(await names('nord jur')).toEqual(['Jürgen Weiß']);
    expect((await names('jurgen')).sort()).toEqual(['Jürgen Albers', 'Jürgen Weiß']);
    expect(await names('jurgen ost')).toEqual([]);
    expect(await names('   ')).toEqual([]);
  });

  it('a word that appears only in a note finds the contact and shows the matching line', async () => {
    const c = await createContact(db, { displayName: 'Anke Sommerfeld' });
    await addInteraction(db, {
      contactIds: [c.id],
      kind: 'note',
      channel: 'other',
      direction: 'internal',
      occurredAt: '2026-11-02T10:00:00.000Z',
      text: 'Kaffee auf der Messe.\nWill den Rahmenvertrag bis März verlängern.\nKinder: zwei',
    });
    const hits = await search(db, 'rahmen');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.contact.id).toBe(c.id);
    expect(hits[0]!.note).toMatchObject({ kind: 'note', line: 'Will den Rahmenvertrag bis März verlängern.' });
    // With and without umlauts.
    expect((await search(db, 'marz verlang'))[0]?.note?.line).toBe('Will den Rahmenvertrag bis März verlängern.');
    expect((await search(db, 'verlängern'))[0]?.contact.id).toBe(c.id);
  });

  it('captured mail is found by subject and text; each contact once; own fields first', async () => {
    const a = await createContact(db, { displayName: 'Angebot Fan', emails: ['fan@x.example'] });
    const b = await createContact(db, { displayName: 'Bea Berg', emails: ['bea@x.example'] });
    await captureInteractions(db, [
      { contactIds: [b.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: '2026-10-01T08:00:00.000Z', subject: 'Angebot Nr. 4711', text: 'Hallo', source: { site: 'gmail', messageId: 'm1' } },
      { contactIds: [b.id, a.id], kind: 'email', channel: 'email', direction: 'outbound', occurredAt: '2026-10-02T08:00:00.000Z', subject: 'Re: Angebot Nr. 4711', text: 'Danke', source: { site: 'gmail', messageId: 'm2' } },
    ]);
    const hits = await search(db, 'angebot');
    expect(hits.map((h) => [h.contact.displayName, h.note ? 'note' : 'contact'])).toEqual([
      ['Angebot Fan', 'contact'],
      ['Bea Berg', 'note'],
    ]);
    expect(hits[1]!.note!.line).toBe('Re: Angebot Nr. 4711');
    expect((await search(db, '4711')).length).toBe(2);
  });

  it('common terms: the rarer term leads, all hits of an AND are found, a single term stops at the limit', async () => {
    await peopleWithNotes(120, (i) => (i % 40 === 7 ? 'Angebot mit Rabatt geschickt' : `Angebot Nummer ${i}`));
    const both = await search(db, 'angebot rabatt', 50);
    expect(both.map((h) => h.contact.displayName).sort()).toEqual(['Person 47', 'Person 7', 'Person 87']);
    expect(both.every((h) => h.note?.line === 'Angebot mit Rabatt geschickt')).toBe(true);
    expect(await search(db, 'angebot', 10)).toHaveLength(10);
    expect(await search(db, 'rabatt angebot', 2)).toHaveLength(2);
  });

  it('when every term is common, the sparser one leads and all its matches are found', async () => {
    await peopleWithNotes(60, (i) => (i % 10 === 3 ? `Angebot ${i} mit Rabatt` : `Angebot Nummer ${i}`));
    const saved = { ...searchReads };
    // Five keys per term: neither range is read to its end, the five first keys of each share few notes.
    Object.assign(searchReads, { probe: 5 });
    try {
      const both = await search(db, 'angebot rabatt', 50);
      expect(both.map((h) => h.contact.displayName).sort()).toEqual(['Person 13', 'Person 23', 'Person 3', 'Person 33', 'Person 43', 'Person 53']);
      expect(await search(db, 'rabatt angebot', 4)).toHaveLength(4);
      // At most seven records of the leading term read: what was found by then, nothing wrong.
      searchReads.scan = 7;
      const some = await search(db, 'angebot rabatt', 50);
      expect(some.length).toBeGreaterThan(0);
      expect(some.every((h) => /Rabatt/.test(h.note!.line))).toBe(true);
    } finally {
      Object.assign(searchReads, saved);
    }
  });

  it('follows edits and deletes: nothing stale is found', async () => {
    const c = await createContact(db, { displayName: 'Old Name' });
    const note = await addInteraction(db, { contactIds: [c.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-11-01T00:00:00.000Z', text: 'zebra' });
    await updateContact(db, c.id, { displayName: 'New Name' });
    expect(await names('old')).toEqual([]);
    expect(await names('new')).toEqual(['New Name']);
    await updateInteraction(db, note.id, { text: 'giraffe' });
    expect(await names('zebra')).toEqual([]);
    expect(await names('giraffe')).toEqual(['New Name']);
    await deleteInteraction(db, note.id);
    expect(await names('giraffe')).toEqual([]);
    await deleteContact(db, c.id);
    expect(await names('new')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the index is derived data. After any sequence of writes, merges, deletes and imports,
// it holds exactly what a rebuild from the records would, and answers every query the same.
// ---------------------------------------------------------------------------------------------

const WORDS = ['Müller', 'Muller', 'Jürgen', 'Weiß', 'Rahmenvertrag', 'Angebot', 'Öl', 'Straße', 'Nordlicht', 'Émile', 'zoë', 'RAHMEN'];
const QUERIES = ['mul', 'müller', 'jur', 'weiss', 'rahmen', 'rahmenv', 'angebot nord', 'ol', 'strasse', 'emile', 'zoe', 'nord mul', 'x', 'rahmen angebot', 'mul jur ol', 'weiss strasse'];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: text, about: fc.option(text, { nil: undefined }), tags: fc.array(fc.constantFrom('kunde', 'öl-branche', 'Messe'), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('rename' as const), who: fc.nat(), name: text }),
  fc.record({ kind: fc.constant('note' as const), who: fc.nat(), text }),
  fc.record({ kind: fc.constant('editNote' as const), which: fc.nat(), text }),
  fc.record({ kind: fc.constant('deleteNote' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('deleteContact' as const), who: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), keep: fc.nat(), drop: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), rows: fc.array(text, { minLength: 1, maxLength: 3 }) }),
);

/** Every (word, record) pair in a table's `words` index. */
async function indexEntries(table: 'contacts' | 'interactions'): Promise<string[]> {
  const out: string[] = [];
  await db.table(table).orderBy('words').eachKey((word, cursor) => out.push(`${String(word)} ${String(cursor.primaryKey)}`));
  return out.sort();
}

/** The entries a rebuild writes: the words derived from each record as it is now. */
async function derivedEntries(table: 'contacts' | 'interactions'): Promise<string[]> {
  const rows = await db.table(table).toArray();
  const wordsOf = table === 'contacts' ? contactWords : interactionWords;
  return rows.flatMap((row) => wordsOf(row).map((word) => `${word} ${row.id}`)).sort();
}

/** `answers()` with the search reading at most `probe` keys per term first and `cap` in all. */
async function answersReading(reads: Partial<typeof searchReads>): Promise<string[][]> {
  const saved = { ...searchReads };
  Object.assign(searchReads, reads);
  try {
    return await answers();
  } finally {
    Object.assign(searchReads, saved);
  }
}

async function answers(): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of QUERIES) out.push((await search(db, q, 1000)).map((h) => `${h.contact.id}:${h.note?.interactionId ?? ''}`).sort());
  return out;
}

describe('search index (property)', () => {
  it('after any sequence of writes, merges, deletes and imports, equals a rebuild', async () => {
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        db = freshDb();
        const pick = async <T extends { id: string }>(rows: T[], n: number) => rows[n % Math.max(1, rows.length)];
        for (const o of ops) {
          const contacts = await db.contacts.toArray();
          const notes = await db.interactions.toArray();
          try {
            switch (o.kind) {
              case 'create':
                await createContact(db, { displayName: o.name, about: o.about, tags: o.tags });
                break;
              case 'rename': {
                const c = await pick(contacts, o.who);
                if (c) await updateContact(db, c.id, { displayName: o.name, company: o.name });
                break;
              }
              case 'note': {
                const c = await pick(contacts, o.who);
                if (c) await addInteraction(db, { contactIds: [c.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: new Date(Date.UTC(2026, 0, 1 + notes.length)).toISOString(), text: o.text, subject: o.text.split(' ')[0] });
                break;
              }
              case 'editNote': {
                const n = await pick(notes, o.which);
                if (n) await updateInteraction(db, n.id as InteractionId, { text: o.text });
                break;
              }
              case 'deleteNote': {
                const n = await pick(notes, o.which);
                if (n) await deleteInteraction(db, n.id as InteractionId);
                break;
              }
              case 'deleteContact': {
                const c = await pick(contacts, o.who);
                if (c) await deleteContact(db, c.id as ContactId);
                break;
              }
              case 'merge': {
                const keep = await pick(contacts, o.keep);
                const drop = await pick(contacts, o.drop);
                if (keep && drop && keep.id !== drop.id) await mergeContacts(db, keep.id, drop.id);
                break;
              }
              case 'import': {
                const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...o.rows.map((r) => `${r},X,https://www.linkedin.com/in/p-${++seq},p${seq}@imp.example,${r},Role,01 Mar 2024`)].join('\n');
                await applyImport(db, await planImport(db, await decodeImport(new TextEncoder().encode(csv))));
                break;
              }
            }
          } catch (error) {
            // A refused write (e.g. a clash) is fine; it must leave the index consistent too.
            if (!(error instanceof Error)) throw error;
          }
        }
        for (const table of ['contacts', 'interactions'] as const) expect(await indexEntries(table)).toEqual(await derivedEntries(table));
        const before = await answers();
        // Reading two keys per term first: the same answers.
        expect(await answersReading({ probe: 2 })).toEqual(before);
        // Reading at most three records of the leading term: only true hits, never a wrong one.
        const capped = await answersReading({ probe: 2, scan: 3 });
        capped.forEach((hits, i) => expect(before[i]).toEqual(expect.arrayContaining(hits)));
        await rebuildSearchIndex(db, 3);
        expect(await answers()).toEqual(before);
        for (const table of ['contacts', 'interactions'] as const) expect(await indexEntries(table)).toEqual(await derivedEntries(table));
        db.close();
        await db.delete();
      }),
      { numRuns: 40 },
    );
    // Forty notebooks, each searched three ways: give a loaded machine time.
  }, 120_000);
});
