import { readFileSync } from 'node:fs';
import { databaseChecksum } from '../../../tests/support/db-checksum';
import { applyImport } from './import-apply';
import { planImport, summarize } from './import-plan';
import { createContact, findByEmail, findByLinkedIn, updateContact } from './contacts';
import type { RapportDB } from '../db';
import { TransferError, type TransferErrorCode } from '../../transfer/errors';
import { decodeImport, readImportFile } from '../../transfer/import';
import { MAX_IMPORT_BYTES } from '../../transfer/text';
import { freshDb, seedSample } from '../../../tests/support/sample-db';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imports/${name}`));
const text = (s: string) => new TextEncoder().encode(s);

async function importBytes(db: RapportDB, bytes: Uint8Array, mode: 'keep' | 'overwrite' = 'keep') {
  const plan = await planImport(db, (await decodeImport(bytes)), { mode });
  return { plan, summary: summarize(plan), report: await applyImport(db, plan) };
}

describe('import: other apps', () => {
  it('LinkedIn Connections.csv (notes lines above the header)', async () => {
    const db = freshDb();
    const decoded = (await decodeImport(fixture('linkedin-Connections.csv')));
    expect(decoded.format).toBe('linkedin-csv');
    const { summary, report } = await importBytes(db, fixture('linkedin-Connections.csv'));
    expect(summary).toMatchObject({ new: 5, matched: 0, invalid: 0 });
    expect(report).toMatchObject({ imported: 5, updated: 0, skipped: 0, errors: 0 });
    expect(await findByLinkedIn(db, 'https://www.linkedin.com/in/jana-krueger-example')).toMatchObject({
      displayName: 'Jana Krüger',
      givenName: 'Jana',
      familyName: 'Krüger',
      emails: ['jana.krueger@maschinen.example'],
      company: 'Maschinen Krüger GmbH',
      title: 'Head of Procurement',
      linkedinUrl: 'https://www.linkedin.com/in/jana-krueger-example/',
      about: 'LinkedIn connection since 2024-03-14',
    });
    expect(await findByLinkedIn(db, 'https://www.linkedin.com/in/tobias-schmidt-0815/')).toMatchObject({ company: 'Schmidt & Söhne, KG', emails: [] });
    expect(await findByLinkedIn(db, 'https://www.linkedin.com/in/lukasz-nowak-example/')).toMatchObject({ displayName: 'Łukasz Nowak' });
    expect(await findByLinkedIn(db, 'https://www.linkedin.com/in/mcdubois-example/')).toMatchObject({ displayName: 'Marie-Claire Dubois "MC"', title: 'Freelance Consultant' });
  });

  it('Google Contacts CSV (labels, several emails and phones, website)', async () => {
    const db = freshDb();
    expect((await decodeImport(fixture('google-contacts.csv'))).format).toBe('google-csv');
    const { report } = await importBytes(db, fixture('google-contacts.csv'));
    expect(report).toMatchObject({ imported: 3, errors: 0 });
    expect(await findByEmail(db, 'sophie@privat.example')).toMatchObject({
      displayName: 'Sophie Berger',
      emails: ['sophie.berger@bergerbau.example', 'sophie@privat.example'],
      phones: ['+49 160 5550123', '+49 711 555010'],
      company: 'Berger Bau KG',
      title: 'Prokuristin',
      location: 'Stuttgart',
      tags: ['Kunden', 'Bau'],
      linkedinUrl: 'https://www.linkedin.com/in/sophie-berger-example/',
      about: 'Kontakt über Messe.\nMag Sie.',
    });
    expect(await findByEmail(db, 'h.larsen@nordic.example')).toMatchObject({ displayName: 'Henrik Paul Larsen', tags: [] });
    expect(await findByEmail(db, 'info@stadtwerke.example')).toMatchObject({ displayName: 'Stadtwerke Musterstadt', phones: ['+49 30 555000'] });
  });

  it('Outlook CSV; an Exchange-only row is invalid with its line', async () => {
    const db = freshDb();
    const { plan, report } = await importBytes(db, fixture('outlook-contacts.csv'));
    expect(plan.format).toBe('outlook-csv');
    expect(report).toMatchObject({ imported: 2, errors: 1 });
    expect(plan.invalid).toMatchObject([{ line: 4, reason: 'no name, email address or company' }]);
    expect(await findByEmail(db, 'k.hoffmann@versicherung.example')).toMatchObject({
      displayName: 'Katrin Hoffmann',
      emails: ['k.hoffmann@versicherung.example', 'katrin.h@privat.example'],
      phones: ['+49 221 555 7788', '+49 151 5557788'],
      company: 'Rhein Versicherung AG',
      title: 'Vertriebsleiterin',
      location: 'Köln',
      linkedinUrl: 'https://www.linkedin.com/in/katrin-hoffmann-example/',
      about: 'Entscheidet über Rahmenverträge; "bitte siezen".',
    });
  });

  it('German Outlook CSV saved by Excel as Windows-1252 with semicolons', async () => {
    const db = freshDb();
    const decoded = (await decodeImport(fixture('outlook-de-windows1252.csv')));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.notices.join()).toMatch(/Windows-1252/);
    await importBytes(db, fixture('outlook-de-windows1252.csv'));
    expect(await findByEmail(db, 'juergen.weiss@baecker.example')).toMatchObject({
      displayName: 'Jürgen Weiß',
      company: 'Bäckerei Weiß',
      about: 'Größter Kunde – 20 € Rabatt',
    });
    expect(await findByEmail(db, 'renee@mueller.example')).toMatchObject({ displayName: 'Renée Müller', company: 'Müller & Söhne' });
  });

  it('vCard 3.0 from an address book: several cards, folded lines, groups, escapes', async () => {
    const db = freshDb();
    const { report } = await importBytes(db, fixture('apple-contacts-3.0.vcf'));
    expect(report).toMatchObject({ imported: 2, errors: 0 });
    expect(await findByEmail(db, 'petra@privat.example')).toMatchObject({
      displayName: 'Dr. Petra Lehmann',
      givenName: 'Petra',
      familyName: 'Lehmann',
      emails: ['petra.lehmann@klinikum-sued.example', 'petra@privat.example'],
      phones: ['+49 171 5550101', '+49 89 5550100'],
      company: 'Klinikum Süd',
      title: 'Leiterin Einkauf',
      linkedinUrl: 'https://www.linkedin.com/in/petra-lehmann-example/',
      location: 'München',
      tags: ['Kunde', 'Gesundheit'],
      about: 'Ansprechpartnerin für Rahmenvertrag, bevorzugt Telefon.\nNicht vor 9 Uhr.',
    });
    expect((await findByEmail(db, 'emre@handel.example'))?.about).toBe(
      'Ein langer Kommentar, der über mehrere Zeilen gefaltet ist, weil er länger als fünfundsiebzig Oktette ist.',
    );
  });
});

describe('import: matching and merging', () => {
  it('merges by email or LinkedIn URL without overwriting non-empty fields', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'Jana K.', emails: ['jana.krueger@maschinen.example'], title: 'Einkauf', tags: ['vip'] });
    await createContact(db, { displayName: 'Tobias', linkedinUrl: 'https://de.linkedin.com/in/tobias-schmidt-0815' });
    const { summary } = await importBytes(db, fixture('linkedin-Connections.csv'));
    expect(summary).toMatchObject({ new: 3, matched: 2, duplicate: 0 });
    expect(await findByEmail(db, 'jana.krueger@maschinen.example')).toMatchObject({
      displayName: 'Jana K.',
      title: 'Einkauf',
      company: 'Maschinen Krüger GmbH',
      tags: ['vip'],
      linkedinUrl: 'https://www.linkedin.com/in/jana-krueger-example/',
    });
    expect(await db.contacts.count()).toBe(5);
    // Importing the same file again changes nothing.
    const again = await importBytes(db, fixture('linkedin-Connections.csv'));
    expect(again.summary).toMatchObject({ new: 0, matched: 0, duplicate: 5 });
  });

  it('overwrites non-empty fields when the user chooses so', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'Jana K.', emails: ['jana.krueger@maschinen.example'], title: 'Einkauf' });
    await importBytes(db, fixture('linkedin-Connections.csv'), 'overwrite');
    expect(await findByEmail(db, 'jana.krueger@maschinen.example')).toMatchObject({ displayName: 'Jana Krüger', title: 'Head of Procurement' });
  });

  it('a row repeating an earlier row of the same file is a duplicate', async () => {
    const db = freshDb();
    const csv = 'First Name,Last name,URL,Email Address,Company,Position,Connected On\nA,B,,a@b.example,,,\nA,B2,,A@B.example,,,\n';
    const { plan } = await importBytes(db, text(csv.replace('Last name', 'Last Name')));
    expect(plan.duplicates).toEqual([{ line: 3, reason: 'the same person as line 2' }]);
  });

  it('reports invalid rows with line and reason and imports the rest', async () => {
    const db = freshDb();
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,,,01 Mar 2024\nC,D,,c@d.example,,,\n';
    const { plan, report } = await importBytes(db, text(csv));
    expect(plan.invalid).toMatchObject([{ line: 2, reason: 'no name, email address or company' }]);
    expect(report).toMatchObject({ imported: 1, errors: 1 });
  });

  it('a bad email cell is left out with a warning on its row; the contact is kept', async () => {
    const db = freshDb();
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,not-an-email,,,\nC,D,,c@d.example,,,\n';
    const decoded = await decodeImport(text(csv));
    expect(decoded.contacts[0]!.warnings).toEqual(['email "not-an-email" left out: not an email address: not-an-email']);
    const plan = await planImport(db, decoded);
    expect(plan.invalid).toEqual([]);
    expect((await applyImport(db, plan)).imported).toBe(2);
  });
});

describe('import: bad files are refused whole, nothing written', () => {
  async function refused(bytes: Uint8Array, code: TransferErrorCode, message: RegExp) {
    const db = freshDb();
    await seedSample(db);
    const before = await databaseChecksum(db);
    let error: unknown;
    try {
      const plan = await planImport(db, (await decodeImport(bytes)));
      await applyImport(db, plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransferError);
    expect((error as TransferError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect(await databaseChecksum(db)).toBe(before);
  }

  it('empty file', () => refused(new Uint8Array(0), 'empty', /The file is empty/));
  it('blank lines only', () => refused(text('\r\n \n'), 'empty', /empty/));
  it('only broken rows', () =>
    refused(
      text('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,a@b.example,"Open" GmbH,,\nC,D,,,,,,,x\n'),
      'nothing-readable',
      /^Line 2: a field opens with a quote and goes on after it closes \("Open" GmbH.*\(and 1 more rows that could not be read/,
    ));
  it('a vCard whose only card has no END', () =>
    refused(text('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\n'), 'vcard-no-end', /^Line 1: the card that begins here has no END:VCARD/));
  it("another app's JSON", () => refused(text('{"version":1,"people":[]}'), 'not-rapport', /not a Rapport backup/));
  it('a backup from a future version', () =>
    refused(text(JSON.stringify({ format: 'rapport-backup', version: 3, exportedAt: 'x', appVersion: '2.0', data: {} })), 'future-version', /format version 3.*reads versions 1 to 2/));
  it('a CSV nobody knows', () => refused(text('foo,bar\n1,2\n'), 'csv-unknown-header', /^Line 1: Rapport does not recognise the columns/));
  it('a file over the size limit (50 MB)', async () => {
    const big = new Blob([new Uint8Array(50 * 1024 * 1024)]);
    await expect(readImportFile(big)).rejects.toThrowError(/The file is 50\.0 MB; Rapport imports files up to 40\.0 MB/);
    expect(MAX_IMPORT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it('a write that fails half-way leaves the database as it was', async () => {
    const db = freshDb();
    await seedSample(db);
    const before = await databaseChecksum(db);
    const plan = await planImport(db, (await decodeImport(fixture('linkedin-Connections.csv'))));
    // An interaction id that already exists makes the last bulkAdd fail after contacts were written.
    const existing = (await db.interactions.toArray())[0]!;
    plan.interactions.push({ ...existing, sourceKey: undefined, source: undefined });
    await expect(applyImport(db, plan)).rejects.toMatchObject({ code: 'write-failed' });
    expect(await databaseChecksum(db)).toBe(before);
  });

  it('cancel during the write leaves the database exactly as it was', async () => {
    const db = freshDb();
    await seedSample(db);
    const rows = Array.from({ length: 1200 }, (_, i) => `Per${i},Son${i},https://www.linkedin.com/in/cancel-${i},c${i}@cancel.example,Firma ${i},Rolle,01 Mar 2024`);
    const csv = text(['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\r\n'));
    const plan = await planImport(db, await decodeImport(csv));
    expect(plan.creates).toHaveLength(1200);
    const before = await databaseChecksum(db);
    const controller = new AbortController();
    const seen: number[] = [];
    const write = applyImport(db, plan, {
      chunkSize: 200,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        // Cancelled after two chunks are already written inside the transaction.
        if (p.done >= 400) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toEqual([200, 400]);
    expect(await databaseChecksum(db)).toBe(before);
    expect(await findByEmail(db, 'c1@cancel.example')).toBeUndefined();
  });

  it('decodes a file of many slices with every row and line, invalid rows included', async () => {
    const lines = ['Notes:', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 12_345; i++) lines.push(i % 4000 === 7 ? ',,,,,,' + '01 Mar 2024' : `P${i},L${i},,p${i}@slice.example,C${i},,01 Mar 2024`);
    const decoded = await decodeImport(new TextEncoder().encode(lines.join('\n')));
    const bad = [7, 4007, 8007, 12007];
    expect(decoded.invalid.map((r) => r.line)).toEqual(bad.map((i) => i + 4));
    expect(decoded.contacts).toHaveLength(12_345 - bad.length);
    expect(decoded.contacts.at(-1)).toMatchObject({ line: 12_345 + 3 });
    expect((decoded.contacts.at(-1)!.value as { emails: string[] }).emails).toEqual(['p12344@slice.example']);
  });

  it('refuses when the database changed since the preview', async () => {
    const db = freshDb();
    const plan = await planImport(db, (await decodeImport(fixture('linkedin-Connections.csv'))));
    await createContact(db, { displayName: 'Jana', emails: ['jana.krueger@maschinen.example'] });
    const before = await databaseChecksum(db);
    await expect(applyImport(db, plan)).rejects.toMatchObject({ code: 'changed' });
    expect(await databaseChecksum(db)).toBe(before);
  });

  it('refuses a matched contact edited since the preview, and lets an unrelated new contact pass', async () => {
    const db = freshDb();
    const jana = await createContact(db, { displayName: 'Jana', emails: ['jana.krueger@maschinen.example'] });
    const plan = await planImport(db, await decodeImport(fixture('linkedin-Connections.csv')));
    expect(plan.updates.map((u) => u.before.id)).toEqual([jana.id]);
    await updateContact(db, jana.id, { title: 'Edited meanwhile' });
    await expect(applyImport(db, plan)).rejects.toMatchObject({ code: 'changed' });

    const again = await planImport(db, await decodeImport(fixture('linkedin-Connections.csv')));
    await createContact(db, { displayName: 'Unrelated Person', emails: ['unrelated@elsewhere.example'] });
    const report = await applyImport(db, again);
    expect(report.imported).toBe(again.creates.length);
    expect(report.updated).toBe(1);
  });
});
