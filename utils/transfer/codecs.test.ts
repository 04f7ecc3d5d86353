import { parseContact } from '../db/repos/contacts';
import { applyImport } from '../db/repos/import-apply';
import { planImport, summarize } from '../db/repos/import-plan';
import { exportDatabase } from '../db/repos/export-source';
import type { Contact } from '../domain/contact';
import { joinList, neutralizeFormula, parseCsv, restoreFormula, splitList } from './csv-cells';
import { writeExport } from './export';
import { decodeImport } from './import';
import { encodeMarkdown, markdownFileName } from './markdown';
import { arraySource } from './source';
import { dumpTables, freshDb, seedSample } from '../../tests/support/sample-db';
import { encodeVCard, foldLine } from './vcard';
import { unzip } from './zip';

const base = (over: Partial<Contact>): Contact =>
  parseContact({ id: 'ct_1', displayName: 'X', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...over });

describe('CSV cells', () => {
  it('neutralises formula starts reversibly', async () => {
    for (const [value, cell] of [
      ['=SUM(A1)', "'=SUM(A1)"],
      ["'=SUM(A1)", "''=SUM(A1)"],
      ["'quoted", "'quoted"],
      ['+49', "'+49"],
      ['-1', "'-1"],
      ['@x', "'@x"],
      ['\tx', "'\tx"],
      ['\rx', "'\rx"],
      ['plain', 'plain'],
    ]) {
      expect(neutralizeFormula(value!)).toBe(cell);
      expect(restoreFormula(cell!)).toBe(value);
    }
  });

  it('joins and splits lists with escaped separators', async () => {
    const items = ['a;b', 'c\\d', 'e'];
    expect(joinList(items)).toBe('a\\;b; c\\\\d; e');
    expect(splitList(joinList(items))).toEqual(items);
  });
});

describe('CSV parsing that yields to the UI', () => {
  const text = Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? `r${i},"multi\nline ${i}"` : `r${i},plain`)).join('\r\n') + '\r\n';

  it('gives the same records and line numbers with and without pauses', async () => {
    const straight = await parseCsv(text, ',', 1, { yieldEvery: 0 });
    const paused = await parseCsv(text, ',', 1, { yieldEvery: 3 });
    expect(paused).toEqual(straight);
    expect(straight).toHaveLength(50);
    expect(straight[8]).toEqual({ line: 11, cells: ['r8', 'plain'] });
  });

  it('names the right line of a broken quote after a pause, and reads on after it', async () => {
    const records = await parseCsv(text + 'x,"open\r\ny,z\r\n', ',', 1, { yieldEvery: 4 });
    expect(records.at(-2)).toMatchObject({ line: 59, error: 'a quoted field is never closed (a " character is missing)', text: 'x,"open' });
    expect(records.at(-1)).toEqual({ line: 60, cells: ['y', 'z'] });
  });
});

describe('vCard', () => {
  it('folds at 75 octets without splitting a UTF-8 sequence', async () => {
    const line = 'NOTE:' + 'ä'.repeat(100);
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.map((l) => new TextEncoder().encode(l).length)).toEqual([75, 75, 57]);
    expect(physical[0]).toBe('NOTE:' + 'ä'.repeat(35));
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    // 4-byte emoji at the boundary move to the next line whole.
    const emoji = foldLine('NOTE:xx' + '👍'.repeat(30));
    for (const l of emoji.split('\r\n')) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it('writes vCard 4.0 and 3.0 with escaping', async () => {
    const contact = base({
      displayName: 'Müller, Anna; Dr.',
      givenName: 'Anna',
      familyName: 'Müller',
      emails: ['anna@a.example', 'a2@b.example'],
      phones: ['+49 30 1'],
      company: 'A; B GmbH',
      title: 'CEO',
      linkedinUrl: 'https://www.linkedin.com/in/anna/',
      tags: ['kunde', 'a,b'],
      about: 'line1\nline2 \\ end',
      preferences: { channels: [], topics: [], language: 'de' },
    });
    expect(encodeVCard(contact)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:ct_1',
        'FN:Müller\\, Anna\\; Dr.',
        'N:Müller;Anna;;;',
        'EMAIL:anna@a.example',
        'EMAIL:a2@b.example',
        'TEL;VALUE=text:+49 30 1',
        'ORG:A\\; B GmbH',
        'TITLE:CEO',
        'URL:https://www.linkedin.com/in/anna/',
        'CATEGORIES:kunde,a\\,b',
        'NOTE:line1\\nline2 \\\\ end',
        'LANG:de',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    const v3 = encodeVCard(contact, '3.0');
    expect(v3).toContain('VERSION:3.0\r\n');
    expect(v3).toContain('EMAIL;TYPE=INTERNET:anna@a.example\r\n');
    expect(v3).not.toContain('LANG');
    const [back] = (await decodeImport(new TextEncoder().encode(v3))).contacts;
    expect(back?.value).toMatchObject({ id: 'ct_1', displayName: 'Müller, Anna; Dr.', company: 'A; B GmbH', tags: ['kunde', 'a,b'], about: 'line1\nline2 \\ end' });
  });

  it('reads a card folded in the middle of a UTF-8 sequence by another app', async () => {
    const bytes = new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:J\u00fcrgen\r\nEND:VCARD\r\n');
    const at = bytes.indexOf(0xc3); // split "ü" (C3 BC) across two lines
    const folded = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
    expect((await decodeImport(folded)).contacts[0]?.value.displayName).toBe('Jürgen');
  });
});

describe('Markdown', () => {
  it('is stable: the same data gives exactly this file', async () => {
    const db = freshDb();
    const { anna } = await seedSample(db);
    const { blob } = await exportDatabase(db, { format: 'markdown', selection: { kind: 'contact', contactId: anna } });
    const files = unzip(new Uint8Array(await blob.arrayBuffer()));
    const [name, bytes] = [...files][0]!;
    expect(name).toBe(markdownFileName({ id: anna, displayName: 'Anna Weiß' }));
    const text = new TextDecoder().decode(bytes).replace(/ct_[0-9a-f-]+/g, 'ct_ID');
    expect(text).toBe(`---
id: "ct_ID"
name: "Anna Weiß"
givenName: "Anna"
familyName: "Weiß"
emails:
  - "anna.weiss@beispiel.example"
  - "anna@privat.example"
phones:
  - "+49 30 1234567"
linkedin: "https://www.linkedin.com/in/anna-weiss-example/"
company: "Beispiel GmbH"
title: "Leiterin Einkauf"
location: "Berlin"
industry: "Maschinenbau"
owner: "Max"
tags:
  - "kunde"
  - "messe-2025"
value:
  loyalty: "repeat-customer"
  tier: "A"
  yearlyRevenue:
    amount: 120000
    currency: "EUR"
pipeline:
  pipelineId: "sales"
  stage: "proposal"
keepInTouchDays: 30
preferences:
  address: "formal"
  bestTime: "Dienstag vormittags"
  channels:
    - "email"
    - "phone"
  language: "de"
  maxFrequency:
    count: 2
    days: 30
  newsletterConsent:
    at: "2025-01-01T00:00:00.000Z"
    granted: true
  quietUntil: "2026-04-01"
  salutation: "Sehr geehrte Frau Weiß"
  topics:
    - "Wartung"
    - "Ersatzteile"
  wants: "relevant-only"
lastInteractionAt: "2026-02-10T08:30:00.000Z"
createdAt: "2026-03-01T09:00:00.000Z"
updatedAt: "2026-03-01T09:00:00.000Z"
---

# Anna Weiß

Leiterin Einkauf · Beispiel GmbH

Met at Hannover Messe 2025.
Prefers short emails; "no" means no.

## Follow-ups

- [ ] 2026-03-10 Nachfassen Angebot

## Relationship checks

- 2026-03-01 09:00 UTC: factualOutward 4/5, emotionalOutward 2/5
  - factualOutward: Preise ok

## Timeline

### 2026-02-10 08:30 UTC · email · email · inbound · Angebot =SUM(A1) ★

Hallo,
anbei das Angebot.
— Anna

Source: <https://mail.google.com/mail/u/0/#inbox/t1>

### 2026-02-01 10:00 UTC · note · other · internal

Budget freigegeben
`);
  });

  it('keeps note text from becoming headings or HTML', async () => {
    const md = encodeMarkdown({
      contact: base({ displayName: 'X' }),
      interactions: [
        { id: 'ix_1' as never, contactIds: ['ct_1' as never], kind: 'note', channel: 'other', direction: 'internal', department: 'sales', occurredAt: '2026-01-01T00:00:00.000Z', text: '# not a heading\n---\n<img src=x onerror=alert(1)>', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
    });
    expect(md).toContain('\\# not a heading\n\\---\n&lt;img src=x onerror=alert(1)>');
  });
});

describe('export: selections, handover, progress, cancel', () => {
  it('a handover bundle of one contact carries its full history and imports into a colleague\'s Rapport', async () => {
    const mine = freshDb();
    const { anna } = await seedSample(mine);
    const { blob, fileName } = await exportDatabase(mine, { format: 'json', selection: { kind: 'contact', contactId: anna }, from: 'Max', note: 'Bitte siezen' });
    expect(fileName).toMatch(/^rapport-handover-/);
    const envelope = JSON.parse(await blob.text());
    expect(envelope.scope).toEqual({ selection: { kind: 'contact', contactId: anna }, from: 'Max', note: 'Bitte siezen' });
    expect(envelope.data.contacts).toHaveLength(1);
    expect(envelope.data.interactions).toHaveLength(2);
    // The email was shared with Ben, who is not in the bundle.
    expect(envelope.data.interactions.every((i: { contactIds: string[] }) => i.contactIds.join() === anna)).toBe(true);

    const colleague = freshDb();
    const plan = await planImport(colleague, (await decodeImport(new Uint8Array(await blob.arrayBuffer()))));
    expect(summarize(plan)).toMatchObject({ new: 1, interactions: 2, followUps: 1, checks: 1, companies: 1, invalid: 0 });
    await applyImport(colleague, plan);
    expect((await colleague.contacts.get(anna as never))?.displayName).toBe('Anna Weiß');
    expect(await colleague.interactionLinks.where('contactId').equals(anna).count()).toBe(2);
  });

  it('segments by tag, tier, industry and search', async () => {
    const db = freshDb();
    await seedSample(db);
    const names = async (selection: Parameters<typeof exportDatabase>[1]['selection']) => {
      const { blob } = await exportDatabase(db, { format: 'json', selection });
      return JSON.parse(await blob.text()).data.contacts.map((c: Contact) => c.displayName).sort();
    };
    expect(await names({ kind: 'tag', tag: 'kunde' })).toEqual(['Anna Weiß', 'Ben Ó Briain']);
    expect(await names({ kind: 'tier', tier: 'B' })).toEqual(['Ben Ó Briain']);
    expect(await names({ kind: 'industry', industry: 'maschinenbau' })).toEqual(['Anna Weiß']);
    expect(await names({ kind: 'search', query: 'obriain' })).toEqual([]);
    expect(await names({ kind: 'search', query: 'ben' })).toEqual(['Ben Ó Briain']);
  });

  it('reports progress and can be cancelled', async () => {
    const contacts = Array.from({ length: 5000 }, (_, i) => base({ id: `ct_${i}` as Contact['id'], displayName: `P ${i}` }));
    const seen: number[] = [];
    const done = await writeExport(arraySource({ contacts }, 500), { format: 'vcard', onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(5000);
    expect(seen.length).toBe(10);
    expect((await done.blob.text()).match(/BEGIN:VCARD/g)).toHaveLength(5000);

    const controller = new AbortController();
    const run = writeExport(arraySource({ contacts }, 500), {
      format: 'csv',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 1000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('JSON import restores every table exactly (dump equality incl. links)', async () => {
    const db = freshDb();
    await seedSample(db);
    const { blob } = await exportDatabase(db, { format: 'json' });
    const other = freshDb();
    await applyImport(other, await planImport(other, (await decodeImport(new Uint8Array(await blob.arrayBuffer())))));
    const a = await dumpTables(db);
    const b = await dumpTables(other);
    for (const table of ['contacts', 'interactions', 'interactionLinks', 'followUps', 'checks', 'companies', 'pipelines']) expect(b[table]).toEqual(a[table]);
  });
});
