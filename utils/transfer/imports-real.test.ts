// Files other people's apps write, one trait per fixture (tests/fixtures/imports/README.md says
// where each trait was seen). Each contact must arrive with its name spelled as written.
import { readFileSync } from 'node:fs';
import { applyImport } from '../db/repos/import-apply';
import { planImport, summarize } from '../db/repos/import-plan';
import { CsvReader } from './csv-cells';
import { dropBadFields } from './fields';
import { decodeImport } from './import';
import type { DecodedImport } from './model';
import { decodeCharset, decodeText, sniffUtf16 } from './text';
import { freshDb } from '../../tests/support/sample-db';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/imports/2026-11-30-${name}`));
const values = (decoded: DecodedImport) => decoded.contacts.map((row) => row.value);
const names = (decoded: DecodedImport) => decoded.contacts.map((row) => row.value.displayName);

describe('vCards from phones and mail clients', () => {
  it('Android 2.1: quoted-printable soft line breaks in N, FN, ADR and NOTE are joined before unfolding', async () => {
    const decoded = await decodeImport(fixture('android-2.1-quoted-printable.vcf'));
    expect(decoded.invalid).toEqual([]);
    expect(decoded.contacts[0]).toMatchObject({
      line: 1,
      value: {
        displayName: 'Anna-Lena Müller-Lüdenscheidt Schäfer-Großmann',
        givenName: 'Anna-Lena Müller-Lüdenscheidt',
        familyName: 'Schäfer-Großmann',
        location: 'Düsseldorf',
        about: 'Getroffen auf der Hannover Messe.\nMag keine Anrufe vor 10 Uhr; schreibt lieber E-Mails über das Projekt „Lüftung“.',
        phones: ['+49 170 5550199'],
      },
    });
    // The folded base64 photo is read past: the next card starts where it should.
    expect(decoded.contacts[1]).toMatchObject({ line: 31, value: { displayName: 'Chidi Okafor', company: 'Lagos Logistics' } });
  });

  it('a phone that is a word ("pager") is left out with a warning on that contact, which is kept', async () => {
    const decoded = await decodeImport(fixture('android-2.1-quoted-printable.vcf'));
    expect(decoded.contacts[0]!.warnings).toEqual(['phone "pager" left out: not a phone number']);
    const plan = await planImport(freshDb(), decoded);
    expect(summarize(plan)).toMatchObject({ new: 2, invalid: 0 });
  });

  it('Outlook 2003: CHARSET=ISO-8859-1 and Windows-1252 bytes, a quoted-printable note, a photo whose lines are not indented', async () => {
    const decoded = await decodeImport(fixture('outlook-2003-iso-8859-1.vcf'));
    expect(decoded.invalid).toEqual([]);
    expect(values(decoded)).toMatchObject([
      {
        displayName: 'Jürgen Wüstenröder',
        company: 'Bäckerei Wüstenröder & Söhne',
        title: 'Geschäftsführer',
        location: 'Esslingen am Neckar',
        about: 'Größter Kunde im Großraum Stuttgart - Rabatt 20 %.\nÄnderungen nur schriftlich, bitte über Frau Kühn.',
      },
      { displayName: 'Renée Lefèvre – Œnologie', familyName: 'Lefèvre' },
    ]);
    expect(decoded.contacts[0]!.warnings).toBeUndefined();
  });

  it('CHARSET=SHIFT_JIS, raw and quoted-printable (trail bytes 0x5C are not escapes)', async () => {
    const decoded = await decodeImport(fixture('feature-phone-shift-jis.vcf'));
    expect(values(decoded)).toMatchObject([
      { displayName: '山田太郎', familyName: '山田', givenName: '太郎', company: '株式会社表示ソフト開発' },
      { displayName: '佐藤 花子', title: '営業部長' },
    ]);
  });

  it('iCloud 3.0: grouped item1.EMAIL with X-ABLabel, a grouped LinkedIn URL, a folded base64 photo', async () => {
    const decoded = await decodeImport(fixture('icloud-3.0-grouped.vcf'));
    expect(decoded.invalid).toEqual([]);
    expect(decoded.contacts).toHaveLength(1);
    expect(decoded.contacts[0]!.warnings).toBeUndefined();
    expect(decoded.contacts[0]!.value).toMatchObject({
      displayName: 'Sofía Nakamura-Ortiz',
      emails: ['sofia@andes-trading.example', 's.nakamura@private.example'],
      phones: ['+51 1 555 0100'],
      linkedinUrl: 'https://www.linkedin.com/in/sofia-nakamura-ortiz',
      location: 'Lima',
    });
  });

  it('UTF-16 with a BOM and without one (LE), and big-endian without one', async () => {
    const withBom = await decodeImport(fixture('windows-utf16le-bom.vcf'));
    const without = await decodeImport(fixture('windows-utf16le-no-bom.vcf'));
    expect(names(withBom)).toEqual(['Zdeněk Dvořák', 'Åse Øster']);
    expect(names(without)).toEqual(['Zdeněk Dvořák', 'Åse Øster']);
    expect(without.encoding).toBe('utf-16le');
    const le = fixture('windows-utf16le-no-bom.vcf');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(sniffUtf16(be)).toBe('utf-16be');
    expect(names(await decodeImport(be))).toEqual(['Zdeněk Dvořák', 'Åse Øster']);
  });

  it('a card without END:VCARD, a stray END and text outside cards are invalid rows; the other cards import', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Cut Off', 'EMAIL:cut@off.example',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Whole Card', 'not a property line', 'END:VCARD',
      'END:VCARD', 'some trailing words',
    ].join('\r\n');
    const decoded = await decodeImport(new TextEncoder().encode(vcf));
    expect(names(decoded)).toEqual(['Whole Card']);
    expect(decoded.contacts[0]!.warnings).toEqual(['line 8: "not a property line" is not a vCard property (NAME:value); left out']);
    expect(decoded.invalid).toMatchObject([
      { line: 1, reason: 'the card that begins here has no END:VCARD before the next BEGIN:VCARD' },
      { line: 10, reason: 'END:VCARD without a BEGIN:VCARD before it' },
      { line: 11, reason: 'text outside BEGIN:VCARD … END:VCARD', text: 'some trailing words' },
    ]);
  });
});

describe('LinkedIn exports', () => {
  it('2018: First Name,Last Name,Email Address,Company,Position,Connected On (no URL)', async () => {
    const decoded = await decodeImport(fixture('linkedin-2018-Connections.csv'));
    expect(decoded.format).toBe('linkedin-csv');
    expect(values(decoded)).toMatchObject([
      { displayName: 'Marta Kowalczyk', emails: ['marta.kowalczyk@budowa.example'], company: 'Budowa Polska S.A.', about: 'LinkedIn connection since 2018-03-05' },
      { displayName: 'Giulia Bianchi', title: 'Export Manager' },
      { displayName: 'Tomás Ó Briain' },
    ]);
  });

  it('2024: bad URL slugs (’ ♾ ~) and an urn:li:member email are dropped with a warning; a stray quote and extra cells are invalid rows', async () => {
    const decoded = await decodeImport(fixture('linkedin-2024-Connections.csv'));
    expect(names(decoded)).toEqual(['Kwame Mensah', 'Siobhán O’Connor', 'Infinite Loop', 'Tilde Person', 'Hidden Member', 'Nguyễn Văn An']);
    const warnings = Object.fromEntries(decoded.contacts.filter((c) => c.warnings).map((c) => [c.line, c.warnings]));
    expect(warnings).toEqual({
      6: ['LinkedIn URL "https://www.linkedin.com/in/siobhán-o’connor-77" left out: not a LinkedIn profile URL'],
      7: ['LinkedIn URL "https://www.linkedin.com/in/infinite-♾-loop" left out: not a LinkedIn profile URL'],
      8: ['LinkedIn URL "https://www.linkedin.com/in/~tilde" left out: not a LinkedIn profile URL'],
      9: ['email "urn:li:member:123456789" left out: not an email address: urn:li:member:123456789'],
    });
    expect(decoded.invalid).toEqual([
      {
        line: 10,
        reason: 'a field opens with a quote and goes on after it closes ("Asante" Ventures,Partner,15…)',
        text: 'Ama,Asante,https://www.linkedin.com/in/ama-asante,ama@asante.example,"Asante" Ventures,Partner,15 Nov 2023',
      },
      { line: 11, reason: '9 cells but the header has 7 columns', text: 'Lena,Vogt,https://www.linkedin.com/in/lena-vogt,,Vogt AG,CFO,10 Nov 2023,extra,cells' },
    ]);
    const db = freshDb();
    const plan = await planImport(db, decoded);
    expect(summarize(plan)).toMatchObject({ new: 6, matched: 0, duplicate: 0, invalid: 2 });
    expect((await applyImport(db, plan)).imported).toBe(6);
  });
});

describe('Outlook and Google CSV', () => {
  it('German Outlook (Windows-1252): every e-mail and phone column, the phone cell "pager" left out with a warning', async () => {
    const decoded = await decodeImport(fixture('outlook-de.csv'));
    expect(decoded.format).toBe('outlook-csv');
    expect(decoded.contacts[0]).toMatchObject({
      warnings: ['phone "pager" left out: not a phone number'],
      value: {
        displayName: 'Käthe Großmann',
        emails: ['k.grossmann@maschinenbau.example', 'kaethe@privat.example'],
        phones: ['+49 371 555 2000'],
        company: 'Großmann Maschinenbau GmbH',
        title: 'Leiterin Einkauf',
        location: 'Chemnitz',
        linkedinUrl: 'https://de.linkedin.com/in/kaethe-grossmann',
        tags: ['Kunden', 'Messe 2025'],
        about: 'Bevorzugt „Sie“.',
      },
    });
    expect(decoded.contacts[1]!.value).toMatchObject({ displayName: 'Jörg Weiß', phones: ['+49 160 5551234'], location: 'München' });
  });

  it('French Outlook (semicolons)', async () => {
    const decoded = await decodeImport(fixture('outlook-fr.csv'));
    expect(decoded.format).toBe('outlook-csv');
    expect(values(decoded)).toMatchObject([
      {
        displayName: 'Hélène Lefèbvre',
        emails: ['helene.lefebvre@sgm.example', 'h.lefebvre@maison.example'],
        phones: ['+33 4 72 55 50 00', '+33 6 55 50 12 34'],
        company: 'Société Générale de Mécanique',
        location: 'Lyon',
        tags: ['Clients'],
      },
      { displayName: 'François Dupré', emails: ['f.dupre@atlantique.example'] },
    ]);
  });

  it('an Outlook CSV with only e-mail columns', async () => {
    const decoded = await decodeImport(fixture('outlook-email-only.csv'));
    expect(decoded.format).toBe('outlook-csv');
    expect(values(decoded)).toEqual([
      { displayName: 'orders@kontor-nord.example', emails: ['orders@kontor-nord.example'] },
      { displayName: 'billing@fjordline.example', emails: ['billing@fjordline.example', 'accounts@fjordline.example'] },
    ]);
  });

  it('Chinese Outlook in GBK and Japanese Outlook in Shift_JIS: the encoding is the one the headers are readable in', async () => {
    const zh = await decodeImport(fixture('outlook-zh-gbk.csv'));
    expect(zh.encoding).toBe('gb18030');
    expect(values(zh)).toMatchObject([
      { displayName: '王伟', company: '华东机械有限公司', title: '采购经理', emails: ['wang.wei@huadong.example'], phones: ['+86 21 5555 0101', '+86 138 0013 8000'], tags: ['客户'] },
      { displayName: '李静' },
    ]);
    const ja = await decodeImport(fixture('outlook-ja-shift-jis.csv'));
    expect(ja.encoding).toBe('shift_jis');
    expect(values(ja)).toMatchObject([
      { displayName: '鈴木一郎', company: '東京精機株式会社', title: '課長', emails: ['ichiro.suzuki@tokyo-seiki.example'] },
      { displayName: '高橋美咲' },
    ]);
  });

  // The column names Outlook writes (and Google writes in its "Outlook CSV") per language.
  const LOCALISED: Record<string, string> = {
    en: 'First Name,Middle Name,Last Name,Company,Job Title,Business Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes',
    de: 'Vorname,Weitere Vornamen,Nachname,Firma,Position,Telefon geschäftlich,Mobiltelefon,E-Mail-Adresse,E-Mail-Typ,E-Mail: Angezeigter Name,E-Mail 2: Adresse,Notizen',
    fr: 'Prénom,Deuxième prénom,Nom,Société,Titre,Téléphone (bureau),Tél. mobile,Adresse de messagerie,Type de messagerie,Nom complet de l\'adresse de messagerie,Adresse de messagerie 2,Notes',
    es: 'Nombre,Segundo nombre,Apellidos,Organización,Puesto,Teléfono del trabajo,Móvil,E-mail Address,E-mail Type,Nombre de pantalla de correo electrónico,Dirección de correo electrónico 2,Notas',
    it: 'Nome,Secondo nome,Cognome,Società,Posizione,Telefono ufficio,Cellulare,Indirizzo posta elettronica,Tipo posta elettronica,Nome visualizzato posta elettronica,Indirizzo posta elettronica 2,Note',
    nl: 'Voornaam,Middelste naam,Achternaam,Bedrijf,Functie,Telefoon op werk,Mobiele telefoon,E-mailadres,E-mailtype,Weergavenaam voor e-mail,E-mailadres 2,Notities',
    pt: 'Nome,Segundo Nome,Sobrenome,Empresa,Cargo,Telefone comercial,Telefone celular,Endereço de email,Tipo de email,Nome para Exibição do Email,Endereço de email 2,Anotações',
    zh: '名,中间名,姓,单位,职务,商务电话,移动电话,电子邮件地址,电子邮件类型,电子邮件显示名称,电子邮件 2 地址,附注',
    ja: '名,ミドル ネーム,姓,会社名,役職,勤務先電話,携帯電話,電子メール アドレス,電子メール 種類,電子メール 表示名,電子メール 2 アドレス,メモ',
  };
  for (const [language, header] of Object.entries(LOCALISED)) {
    it(`Outlook CSV headers in ${language}`, async () => {
      const row = 'Ana,,Silva,Acme SA,Buyer,+1 555 0100,+1 555 0199,ana@acme.example,SMTP,Ana Silva (ana@acme.example),ana@home.example,Met in Porto';
      const decoded = await decodeImport(new TextEncoder().encode(`${header}\r\n${row}\r\n`));
      expect(decoded.format).toBe('outlook-csv');
      expect(decoded.contacts[0]!.value).toMatchObject({
        givenName: 'Ana',
        familyName: 'Silva',
        company: 'Acme SA',
        title: 'Buyer',
        emails: ['ana@acme.example', 'ana@home.example'],
        phones: ['+1 555 0100', '+1 555 0199'],
        about: 'Met in Porto',
      });
      expect(decoded.contacts[0]!.warnings).toBeUndefined();
    });
  }

  it('a UTF-8 file with one row in Latin-1 bytes: that row is invalid, naming the column; the others keep their spelling', async () => {
    const decoded = await decodeImport(fixture('google-utf8-one-latin1-row.csv'));
    expect(decoded.encoding).toBe('utf-8');
    expect(names(decoded)).toEqual(['Zoë Brontë', 'Łukasz Żółć']);
    expect(decoded.invalid).toMatchObject([{ line: 3, reason: 'bytes that are not UTF-8 in "First Name" (the rest of the file is UTF-8)' }]);
  });
});

describe('the pieces', () => {
  it('CsvReader: a stray quote costs one row; a never-closed quote costs the line it opens on', () => {
    const reader = new CsvReader('a,b\r\n1,"x" y\r\n2,z\r\n3,"open\r\n4,w', ',');
    const records = [];
    for (let r = reader.next(); r; r = reader.next()) records.push(r);
    expect(records.map((r) => [r.line, r.error ? 'error' : r.cells.join('|')])).toEqual([
      [1, 'a|b'],
      [2, 'error'],
      [3, '2|z'],
      [4, 'error'],
      [5, '4|w'],
    ]);
  });

  it('decodeText: a UTF-8 file stays UTF-8 when a few bytes are damaged; a legacy file is Windows-1252', () => {
    const damaged = new Uint8Array([...new TextEncoder().encode('Zoë,Łódź\n'), 0x52, 0x65, 0x6e, 0xe9, 0x0a]);
    expect(decodeText(damaged)).toMatchObject({ encoding: 'utf-8', badLines: new Set([2]) });
    expect(decodeText(new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x0a, 0x4d, 0xfc]))).toMatchObject({ encoding: 'windows-1252', text: 'René\nMü' });
  });

  it('decodeCharset: what TextDecoder knows, undefined for an unknown label', () => {
    expect(decodeCharset(new Uint8Array([0x93, 0xfa, 0x96, 0x7b]), 'SHIFT_JIS')).toBe('日本');
    expect(decodeCharset(new Uint8Array([0xe9, 0x80]), 'ISO-8859-1')).toBe('é€');
    expect(decodeCharset(new Uint8Array([0x41]), 'X-UNHEARD-OF')).toBeUndefined();
  });

  it('dropBadFields keeps what identifies the row and drops only the bad list element', () => {
    const value: Record<string, unknown> = { displayName: 'A', emails: ['ok@a.example', 'bad', 'ok2@a.example'], phones: ['fax'], linkedinUrl: 'https://x.example' };
    expect(dropBadFields(value)).toEqual([
      'email "bad" left out: not an email address: bad',
      'phone "fax" left out: not a phone number',
      'LinkedIn URL "https://x.example" left out: not a LinkedIn profile URL',
    ]);
    expect(value).toEqual({ displayName: 'A', emails: ['ok@a.example', 'ok2@a.example'], phones: [] });
    expect(dropBadFields({ displayName: '' })).toEqual([]);
  });
});
