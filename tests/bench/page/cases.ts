import Dexie from 'dexie';
import MiniSearch from 'minisearch';
import { applyMigrations, type RapportDB } from '../../../utils/db/db';
import { MIGRATIONS } from '../../../utils/db/migrations';
import {
  CONTACT_COUNT,
  CONTACT_PAGES,
  CONTACTS_REV,
  contactText,
  idHash,
  packContactPage,
  packSearchPage,
  SEARCH_PAGES,
} from '../../../utils/db/migrations/frozen-page-layout';
import { exportDatabase } from '../../../utils/db/repos/export-source';
import { applyImport } from '../../../utils/db/repos/import-apply';
import { planImport } from '../../../utils/db/repos/import-plan';
import { captureInteractions, parseInteraction, type NewInteraction } from '../../../utils/db/repos/interactions';
import { autoLogConversation } from '../../../utils/db/repos/autolog';
import { createContact } from '../../../utils/db/repos/contacts';
import type { Conversation } from '../../../utils/domain/capture';
import type { ContactId, InteractionId } from '../../../utils/domain/common';
import type { Contact } from '../../../utils/domain/contact';
import type { Interaction } from '../../../utils/domain/interaction';
import { foldForSearch } from '../../../utils/domain/normalize';
import { contactWords, interactionWords } from '../../../utils/domain/search';
import { decodeImport } from '../../../utils/transfer/import';
import type { ExportFormat, Progress } from '../../../utils/transfer/model';

/*
 * Benchmarks for the real-Chromium bench page (`npm run bench`) and their test data. Data is
 * generated deterministically and seeded outside the timed part. Under Node with fake-indexeddb
 * (tests/unit/bench-cases.test.ts) the numbers mean nothing; the functions are checked to do what
 * the bench says they measure.
 */

export function heapBytes(): number | undefined {
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}

export const mb = (bytes: number | undefined): number | undefined => (bytes === undefined ? undefined : Math.round((bytes / 1048576) * 10) / 10);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A deterministic pseudo-random source (mulberry32): the same seed gives the same notebook. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes already-valid contacts and interactions with bulk writes (no per-record validation),
 * with their timeline links; search words come from the database's middleware as on every write.
 * Real imports go through `planImport` + `applyImport`. */
export async function seedForBench(db: RapportDB, contacts: readonly Contact[], interactions: readonly Interaction[], chunkSize = 10_000): Promise<void> {
  for (let i = 0; i < contacts.length; i += chunkSize) await db.contacts.bulkAdd(contacts.slice(i, i + chunkSize));
  for (let i = 0; i < interactions.length; i += chunkSize) {
    const chunk = interactions.slice(i, i + chunkSize);
    await db.transaction('rw', db.interactions, db.interactionLinks, async () => {
      await db.interactions.bulkAdd(chunk);
      await db.interactionLinks.bulkAdd(chunk.flatMap((x) => x.contactIds.map((contactId) => ({ contactId, interactionId: x.id, occurredAt: x.occurredAt }))));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// A realistic notebook: German and English names (with umlauts), companies, and sales notes.

export const GIVEN = [
  'Anna', 'Jürgen', 'Sören', 'Björn', 'Jörg', 'Käthe', 'Günther', 'Zoë', 'Renée', 'Łukasz', 'Amara', 'Li', 'Tomás', 'Priya', 'Dana', 'Sofia', 'Jonas',
  'Mei', 'Omar', 'Hannah', 'Lukas', 'Emma', 'Felix', 'Leonie', 'Maximilian', 'Mia', 'Paul', 'Lea', 'Ben', 'Laura', 'Noah', 'Clara', 'Oliver', 'Grace',
  'James', 'Charlotte', 'Henry', 'Olivia', 'Ethan', 'Chloé', 'François', 'Inés', 'José', 'Mehmet', 'Ayşe', 'Søren', 'Åsa', 'Niamh', 'Siobhán', 'Matthias',
];
export const FAMILY = [
  'Müller', 'Schäfer', 'Weiß', 'Böhm', 'Kühn', 'Özdemir', 'Lüdenscheidt', 'Groß', 'Hoffmann', 'Schröder', 'Krüger', 'Wöhler', 'Jäger', 'Bäcker', 'Fuchs',
  'Köhler', 'Schmidt', 'Schneider', 'Fischer', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz',
  'Zimmermann', 'Braun', 'Hartmann', 'Lange', 'Okafor', 'Ó Briain', 'Shah', 'Whitfield', 'Rossi', 'Berg', 'Chen', 'Haddad', 'Nguyen', 'García', 'Smith',
  'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green',
  'Dubois',
];
const STEMS = [
  'Nordwind', 'Bergblick', 'Rheinstahl', 'Brightwater', 'Alpenglühen', 'Seeblick', 'Hafenkontor', 'Lindenhof', 'Sonnenfeld', 'Eichenwald', 'Mühlbach',
  'Falkenstein', 'Silverline', 'Bluepeak', 'Greenfield', 'Ironbridge', 'Northstar', 'Redwood', 'Clearview', 'Oakmont', 'Keystone', 'Pinecrest',
  'Riverside', 'Stonegate', 'Westbrook', 'Goldcrest', 'Maplewood', 'Elbtal', 'Isarwerk', 'Schwarzwald', 'Kranich', 'Lichtblick', 'Weserhafen',
  'Donaublick', 'Fjordline', 'Hochland', 'Brückner', 'Wendeltreppe', 'Quellwasser', 'Sturmvogel',
];
const SECTORS = ['Logistik', 'Maschinenbau', 'Analytics', 'Software', 'Consulting', 'Medizintechnik', 'Energie', 'Versicherung', 'Handel', 'Pharma', 'Foods', 'Systems', 'Bau', 'Elektrotechnik', 'Automotive'];
const LEGAL = ['GmbH', 'AG', 'Ltd', 'Inc.', 'GmbH & Co. KG', 'SE'];
const TITLES = [
  'Head of Procurement', 'Einkaufsleiter', 'Geschäftsführerin', 'CFO', 'IT-Leiter', 'Key Account Manager', 'Vertriebsleiterin', 'Operations Manager',
  'Projektleiter', 'Head of Sales', 'Leiterin Qualitätssicherung', 'Technical Buyer', 'Werksleiter', 'Procurement Specialist', 'Chief Digital Officer',
];
const PRODUCTS = ['Lagerverwaltung Pro', 'Analytics Suite', 'Förderband X200', 'Sensorik-Paket', 'Wartungsmodul', 'Fleet Tracker', 'Kühlsystem K7', 'Cloud Connect', 'Prüfstand P4', 'Etikettierer L9'];
const FAIRS = ['Hannover Messe', 'LogiMAT', 'SaaStr', 'Web Summit', 'FachPack', 'Medica', 'bauma'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember', 'January', 'March', 'June', 'October'];
const DAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Monday', 'Tuesday', 'Thursday', 'Friday'];
const COMPETITORS = ['Globex', 'Initech', 'Hooli', 'Umbrella', 'Vandelay', 'Wonka'];
/** Sales-note phrases, most frequent first: slots are filled from the lists above. */
const PHRASES = [
  'Telefonat mit {given}: Angebot für {product} bis {day} nachreichen.',
  'Call with {given}: wants a revised proposal for {product} by {day}.',
  'Rahmenvertrag läuft im {month} aus, Verlängerung mit {pct} % Preiserhöhung besprochen.',
  'Renewal due in {month}; pricing pushback, asked for a {pct}% discount.',
  'Einkauf verlangt {pct} % Rabatt, Freigabe durch die Geschäftsführung steht noch aus.',
  'Demo went well, procurement needs the security questionnaire before sign-off.',
  'Lieferverzögerung bei {product} reklamiert, Rückruf am {day} zugesagt.',
  'Met at {fair}, interested in a pilot of {product} for {num} users.',
  'Messegespräch auf der {fair}, Interesse an {product}, Muster schicken.',
  'Budget for Q{q} approved, purchase order of {amount} EUR expected next week.',
  'Budget für Q{q} freigegeben, Bestellung über {amount} € erwartet.',
  'Champion leaving the company, new stakeholder is {given} {family}.',
  'Ansprechpartner wechselt, Übergabe an {given} {family} geplant.',
  'Shipment delayed, customer escalated; promised a follow-up call on {day}.',
  'Präsentation beim Vorstand am {day}, Entscheidung bis Ende {month}.',
  'Legal is reviewing the master agreement, redlines on liability and SLA.',
  'Kündigung angedroht wegen Qualitätsproblemen, Eskalation an Key Account.',
  'Upsell opportunity: {product} integration with their ERP.',
  'Schulung für {num} Mitarbeiter vereinbart, Termin im {month}.',
  'Quarterly business review scheduled, prepare the usage report and forecast.',
  'Zahlungsziel 60 Tage gewünscht, Buchhaltung prüft die Bonität.',
  'Invoice dispute resolved, credit note issued.',
  'Wartungsvertrag verlängert, Lizenzen um {num} Plätze erweitert.',
  'Onboarding workshop done, training for {num} admins next month.',
  'Jahresgespräch: Zufriedenheit hoch, Potenzial für Cross-Selling mit {product}.',
  '{competitor} offered a lower price, we need to respond by {day}.',
  'Ausschreibung gewonnen, Kick-off mit {given} und der IT-Leitung.',
  'Datenschutzfragen zum Hosting geklärt, AVV unterschrieben.',
  'Signed the contract, handover to customer success.',
  'Werksbesichtigung in {city} vereinbart, Anreise am {day}.',
  'Asked for references in the {sector} sector before the steering committee.',
  'Preisliste {year} verschickt, Rückmeldung bis {day} erbeten.',
];
const CITIES = ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Zürich', 'Wien', 'Hamburg', 'Lübeck', 'London', 'Manchester', 'Rotterdam', 'Göteborg'];

/** ASCII for addresses: ü → ue, ß → ss, other accents dropped. */
function ascii(value: string): string {
  return foldForSearch(value.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue'))
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '');
}

export const COMPANIES = 600;

export function companyName(k: number): string {
  return `${STEMS[k % STEMS.length]} ${SECTORS[Math.floor(k / STEMS.length) % SECTORS.length]} ${LEGAL[k % LEGAL.length]}`;
}

function companyDomain(k: number): string {
  return `${ascii(STEMS[k % STEMS.length]!)}-${ascii(SECTORS[Math.floor(k / STEMS.length) % SECTORS.length]!)}.example`;
}

/** A hash-like id, so that keys arrive in random order as `newId`'s UUIDs do. */
function hashId(prefix: string, i: number): string {
  return `${prefix}_${idHash(`${prefix}${i}`).toString(16).padStart(8, '0')}-${i.toString(36)}`;
}

export const benchContactId = (i: number): ContactId => hashId('ct', i) as ContactId;
export const benchNoteId = (i: number): InteractionId => hashId('ix', i) as InteractionId;

/** Contact `i` of the bench notebook: a German or English name, a company, one or two addresses. */
export function benchContact(i: number): Contact {
  const given = GIVEN[i % GIVEN.length]!;
  const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!;
  const k = (i * 7919) % COMPANIES;
  const stamp = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return {
    id: benchContactId(i),
    displayName: `${given} ${family}`,
    givenName: given,
    familyName: family,
    emails: [`${ascii(given)}.${ascii(family)}${i}@${companyDomain(k)}`, ...(i % 4 === 0 ? [`${ascii(given)}${i}@posteo.example`] : [])],
    phones: [],
    company: companyName(k),
    title: TITLES[i % TITLES.length],
    tags: [...(i % 7 === 0 ? ['key-account'] : []), ...(i % 11 === 0 ? ['messe-2026'] : [])],
    value: {},
    preferences: { channels: [], topics: [] },
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** Picks from a list with a skew: the first entries are the most frequent (`power` 1: uniform). */
function skewed<T>(list: readonly T[], random: () => number, power = 2): T {
  return list[Math.min(list.length - 1, Math.floor(list.length * random() ** power))]!;
}

function fill(phrase: string, random: () => number): string {
  return phrase.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'given':
        return GIVEN[Math.floor(random() * GIVEN.length)]!;
      case 'family':
        return FAMILY[Math.floor(random() * FAMILY.length)]!;
      case 'product':
        return skewed(PRODUCTS, random);
      case 'fair':
        return skewed(FAIRS, random);
      case 'month':
        return MONTHS[Math.floor(random() * MONTHS.length)]!;
      case 'day':
        return DAYS[Math.floor(random() * DAYS.length)]!;
      case 'competitor':
        return skewed(COMPETITORS, random);
      case 'city':
        return skewed(CITIES, random);
      case 'sector':
        return SECTORS[Math.floor(random() * SECTORS.length)]!;
      case 'pct':
        return String(2 + Math.floor(random() * 14));
      case 'num':
        return String(5 + Math.floor(random() * 300));
      case 'q':
        return String(1 + Math.floor(random() * 4));
      case 'year':
        return String(2024 + Math.floor(random() * 3));
      case 'amount':
        return `${1 + Math.floor(random() * 250)}.${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      default:
        return slot;
    }
  });
}

const KINDS = [
  { kind: 'note', channel: 'other', direction: 'internal' },
  { kind: 'note', channel: 'other', direction: 'internal' },
  { kind: 'email', channel: 'email', direction: 'inbound' },
  { kind: 'email', channel: 'email', direction: 'outbound' },
  { kind: 'call', channel: 'phone', direction: 'outbound' },
  { kind: 'meeting', channel: 'in-person', direction: 'internal' },
] as const;

/** Note `i` (a note, mail, call or meeting) about one of the first `contacts` contacts: 1–3 phrases, ≈ 12–40 words. */
export function benchNote(i: number, contacts: number): Interaction {
  const random = prng(i + 1);
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let p = 0; p < count; p++) parts.push(fill(skewed(PHRASES, random, 1.3), random));
  const at = new Date(Date.UTC(2021, 0, 1) + i * 97_000).toISOString();
  const how = KINDS[i % KINDS.length]!;
  return {
    id: benchNoteId(i),
    contactIds: [benchContactId(Math.floor(random() * contacts))],
    kind: how.kind,
    channel: how.channel,
    direction: how.direction,
    department: 'sales',
    occurredAt: at,
    ...(how.kind === 'email' ? { subject: `Re: ${fill(skewed(['Angebot {product}', 'Proposal {product}', 'Termin am {day}', 'Renewal {year}', 'Rahmenvertrag {year}'], random, 1.3), random)}` } : {}),
    text: parts.join('\n'),
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Brings the bench notebook to `contacts` contacts and `notes` notes, adding only what is missing
 * (contacts first, then notes `have`…`notes - 1`), in bulk writes through Dexie, so the words
 * middleware derives the search words as in production. Returns what it wrote and how long it took.
 */
export async function seedNotebook(
  db: RapportDB,
  contacts: number,
  notes: number,
  onChunk?: (done: number, total: number) => void,
): Promise<{ contactsAdded: number; notesAdded: number; ms: number }> {
  const t0 = performance.now();
  const chunk = 10_000;
  const haveContacts = await db.contacts.count();
  for (let i = haveContacts; i < contacts; i += chunk) {
    await seedForBench(db, Array.from({ length: Math.min(chunk, contacts - i) }, (_, j) => benchContact(i + j)), []);
  }
  const haveNotes = await db.interactions.count();
  for (let i = haveNotes; i < notes; i += chunk) {
    await seedForBench(db, [], Array.from({ length: Math.min(chunk, notes - i) }, (_, j) => benchNote(i + j, contacts)));
    onChunk?.(Math.min(notes, i + chunk), notes);
  }
  return { contactsAdded: Math.max(0, contacts - haveContacts), notesAdded: Math.max(0, notes - haveNotes), ms: performance.now() - t0 };
}

/**
 * The queries the search is measured with, as a user types them: a surname prefix (with and
 * without the umlaut), a company word, a note word (German compound), two note words, a name with
 * a company word, and an email-address prefix of contact `probe`.
 */
export function benchQueries(probe = 4701): string[] {
  const contact = benchContact(probe);
  const email = contact.emails[0]!;
  return [
    'schäf',
    'muller',
    'nordwind',
    'rahmenv',
    'angebot rabatt',
    'renewal pricing',
    `${contact.givenName} ${contact.company!.slice(0, 6)}`,
    email.slice(0, email.indexOf('@') + 3),
    'kühlsys',
    'lüdensch',
  ];
}

// ---------------------------------------------------------------------------------------------
// Import.

/** A LinkedIn Connections.csv with `n` people (notes lines and all), as bytes. */
export function linkedInCsv(n: number): Uint8Array {
  const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    const c = benchContact(i);
    lines.push(
      `${c.givenName},${c.familyName},https://www.linkedin.com/in/${ascii(c.givenName!)}-${ascii(c.familyName!)}-${i.toString(36)},${i % 3 === 2 ? '' : `li.${c.emails[0]}`},"${c.company}",${c.title},0${1 + (i % 9)} Mar 2024`,
    );
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

export interface ImportRun {
  ms: number;
  imported: number;
  decodeMs: number;
  planMs: number;
  writeMs: number;
  /** `performance.now()` at the start and at the end of decode, plan and write. */
  marks: [number, number, number, number];
  /** Progress callbacks per phase, and the last one of the write. */
  progress: { decode: number; plan: number; write: number; lastWrite?: Progress };
}

/**
 * Imports a LinkedIn CSV into `db` the way the options page does: decode, plan (the preview),
 * apply in one transaction, with progress. `signal` is passed to the write (cancel).
 */
export async function benchImportContacts(
  db: RapportDB,
  n: number,
  bytes: Uint8Array = linkedInCsv(n),
  options: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
): Promise<ImportRun> {
  const progress: ImportRun['progress'] = { decode: 0, plan: 0, write: 0 };
  const onProgress = (p: Progress) => {
    if (p.phase === 'write') {
      progress.write++;
      progress.lastWrite = p;
    } else if (p.phase === 'plan') progress.plan++;
    else progress.decode++;
    options.onProgress?.(p);
  };
  const t0 = performance.now();
  const decoded = await decodeImport(bytes, { onProgress });
  const t1 = performance.now();
  const plan = await planImport(db, decoded, { onProgress });
  const t2 = performance.now();
  const report = await applyImport(db, plan, { onProgress, signal: options.signal });
  const t3 = performance.now();
  return { ms: t3 - t0, imported: report.imported, decodeMs: t1 - t0, planMs: t2 - t1, writeMs: t3 - t2, marks: [t0, t1, t2, t3], progress };
}

/**
 * Starts an import of `n` new contacts into `db` and cancels it once the write has reported
 * `at` (0–1) of its records. Returns how the import ended and how long the abort took to land.
 */
export async function benchCancelImport(db: RapportDB, n: number, at = 0.5): Promise<{ error: string; cancelledAtDone: number; total: number; abortToRejectMs: number }> {
  const controller = new AbortController();
  let abortedAt = 0;
  let cancelledAtDone = 0;
  let total = 0;
  try {
    await benchImportContacts(db, n, linkedInCsv(n), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'write' && !controller.signal.aborted && p.done >= p.total * at) {
          cancelledAtDone = p.done;
          total = p.total;
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
  } catch (error) {
    return { error: (error as Error).message, cancelledAtDone, total, abortToRejectMs: performance.now() - abortedAt };
  }
  throw new Error(`the import was not cancelled (abort at ${cancelledAtDone} of ${total})`);
}

function written(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

interface IndexSpec {
  name: string;
  keyPath: string | string[];
  multiEntry: boolean;
  unique: boolean;
}

/** Bare `add()` of `records` in one transaction into a scratch store with these indexes. */
async function timedScratch(name: string, indexes: readonly IndexSpec[], records: readonly object[]): Promise<number> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('records', { keyPath: 'id' });
      for (const index of indexes) store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const t0 = performance.now();
    const tx = idb.transaction('records', 'readwrite');
    const done = written(tx);
    const store = tx.objectStore('records');
    for (const record of records) store.add(record);
    await done;
    return performance.now() - t0;
  } finally {
    idb.close();
    indexedDB.deleteDatabase(name);
  }
}

/**
 * Where an import's write time goes, on the very contacts its plan creates (`db` must be empty):
 * computing their search words (JS), Dexie `bulkAdd` through the database (middleware and all) in
 * one transaction of 500-record chunks as `applyImport` writes them, and bare IndexedDB `add()` into
 * a scratch store with the schema-5 contact indexes (words precomputed), without the words index,
 * without any index, and with the three indexes of issue 10's quiet-machine reference.
 */
export async function benchImportFloor(db: RapportDB, n: number) {
  const plan = await planImport(db, await decodeImport(linkedInCsv(n)));
  const creates = plan.creates;
  let t = performance.now();
  const withWords = creates.map((c) => ({ ...c, words: contactWords(c) }));
  const wordsMs = performance.now() - t;
  const wordEntries = withWords.reduce((sum, c) => sum + c.words.length, 0);
  t = performance.now();
  await db.transaction('rw', db.contacts, async () => {
    for (let i = 0; i < creates.length; i += 500) await db.contacts.bulkAdd(creates.slice(i, i + 500));
  });
  const dexieMs = performance.now() - t;
  const indexes: IndexSpec[] = db.contacts.schema.indexes.map((index) => ({
    name: index.name,
    keyPath: index.keyPath as string | string[],
    multiEntry: Boolean(index.multi),
    unique: Boolean(index.unique),
  }));
  const bareIndexedMs = await timedScratch(`${db.name}-indexed`, indexes, withWords);
  const bareNoWordsMs = await timedScratch(
    `${db.name}-nowords`,
    indexes.filter((index) => index.name !== 'words'),
    creates,
  );
  const bareMs = await timedScratch(`${db.name}-bare`, [], creates);
  // Issue 10's reference on a quiet machine: these records with `*emails`, `linkedinUrl`, `*tags`
  // took 3.0 s for 30 000. The same write here tells how busy the machine is during this run.
  const referenceMs = await timedScratch(
    `${db.name}-reference`,
    indexes.filter((index) => ['emails', 'linkedinUrl', 'tags'].includes(index.name)),
    creates,
  );
  return { records: creates.length, indexes: indexes.length, wordEntries, wordsMs, dexieMs, bareIndexedMs, bareNoWordsMs, bareMs, referenceMs };
}

// ---------------------------------------------------------------------------------------------
// Capture, upgrade, export.

/** A 30-message LinkedIn conversation with contact `contactId`, messages `run`-0 … `run`-29. */
export function conversation(contactId: ContactId, run: number, messages = 30): NewInteraction[] {
  const random = prng(1_000_000 + run);
  return Array.from({ length: messages }, (_, k) => {
    const at = new Date(Date.UTC(2026, 5, 1) + (run % 10_000) * 86_400_000 + k * 600_000).toISOString();
    return {
      contactIds: [contactId],
      kind: 'message',
      channel: 'linkedin',
      direction: k % 2 ? 'outbound' : 'inbound',
      occurredAt: at,
      text: [fill(skewed(PHRASES, random), random), fill(skewed(PHRASES, random), random)].join(' '),
      source: { site: 'linkedin', threadId: `bench-thread-${run}`, messageId: `bench-${run}-${k}` },
    } as NewInteraction;
  });
}

/** A Gmail thread of 30 messages between the user and one contact, as a content script reports it. */
export function mailThread30(run: number, contact: { name: string; email: string }): Conversation {
  const me = { name: 'Dana Whitfield', email: 'dana@northwind.example' };
  const start = Date.UTC(2026, 9, 1);
  return {
    site: 'gmail',
    url: `https://mail.google.com/mail/u/0/#inbox/bench${run}`,
    subject: `Rahmenvertrag ${run}`,
    threadId: `thread-f:bench-${run}`,
    account: me,
    messages: Array.from({ length: 30 }, (_, k) => ({
      id: `msg-f:bench-${run}-${k}`,
      from: k % 2 ? me : contact,
      to: [k % 2 ? contact : me],
      cc: [],
      sentAt: new Date(start + (run % 1000) * 86_400_000 + k * 3_600_000).toISOString(),
      text: `Nachricht ${k} zum Angebot, Lieferung und Rabatt.`,
      snippet: k < 27,
    })),
  };
}

/**
 * Automatic logging (issue 11) of `runs` 30-message threads with a known contact: the first view
 * of each (30 messages logged) and the next view (nothing new). Two warm-up threads first.
 */
export async function benchAutoLog(db: RapportDB, runs: number): Promise<{ firstMs: number[]; againMs: number[] }> {
  const person = { name: 'Bench Kontakt', email: `bench-autolog-${Date.now()}@kunde.example` };
  await createContact(db, { displayName: person.name, emails: [person.email] });
  const firstMs: number[] = [];
  const againMs: number[] = [];
  const nonce = Math.floor(Math.random() * 1e6) * 100;
  for (let r = 0; r < runs + 2; r++) {
    const thread = mailThread30(nonce + r, person);
    let t = performance.now();
    const first = await autoLogConversation(db, thread);
    const firstTime = performance.now() - t;
    t = performance.now();
    const again = await autoLogConversation(db, thread);
    const againTime = performance.now() - t;
    if (first.stored.length !== 30 || again.stored.length !== 0 || again.known !== 30) throw new Error(`auto-log stored ${first.stored.length}, then ${again.stored.length}`);
    if (r >= 2) {
      firstMs.push(firstTime);
      againMs.push(againTime);
    }
  }
  return { firstMs, againMs };
}

/** Saves conversation `run` with contact `contactId` (one `captureInteractions` call): time and count stored. */
export async function benchCapture(db: RapportDB, contactId: ContactId, run: number): Promise<{ ms: number; stored: number; validateMs: number; wordsMs: number }> {
  const inputs = conversation(contactId, run);
  const t = performance.now();
  const { stored } = await captureInteractions(db, inputs);
  const ms = performance.now() - t;
  // The parts of that time spent in JS, measured again on their own: validation, search words.
  let t1 = performance.now();
  const parsed = inputs.map((input, k) => parseInteraction({ ...input, id: `ix_check-${k}`, createdAt: input.occurredAt, updatedAt: input.occurredAt }));
  const validateMs = performance.now() - t1;
  t1 = performance.now();
  for (const interaction of parsed) interactionWords(interaction);
  return { ms, stored: stored.length, validateMs, wordsMs: performance.now() - t1 };
}

/**
 * Writes a schema-4 notebook as users have it on disk: the first `contacts` bench contacts packed
 * into contact pages and search pages with the frozen layout code, and `interactions` notes with
 * their timeline links (no search words: schema 4 had none). Opens it with migrations 1–4 only.
 */
export async function writeSchema4Notebook(name: string, contacts: number, interactions: number): Promise<void> {
  await Dexie.delete(name);
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, 4));
  await old.open();
  const pages = new Map<number, Contact[]>();
  const search = new Map<number, Map<string, [string, string]>>();
  for (let i = 0; i < contacts; i++) {
    const contact = benchContact(i);
    const page = idHash(contact.id) % CONTACT_PAGES;
    let list = pages.get(page);
    if (!list) pages.set(page, (list = []));
    list.push(contact);
    const s = idHash(contact.id) % SEARCH_PAGES;
    let entries = search.get(s);
    if (!entries) search.set(s, (entries = new Map()));
    entries.set(contact.id, [contact.updatedAt, contactText(contact)]);
  }
  const packed = [...pages].map(([page, list]) => packContactPage(page, list));
  for (let i = 0; i < packed.length; i += 1024) await old.table('contactPages').bulkAdd(packed.slice(i, i + 1024));
  await old.table('searchPages').bulkAdd([...search].map(([page, entries]) => packSearchPage(page, entries)));
  await old.table('meta').bulkPut([
    { key: CONTACT_COUNT, value: contacts },
    { key: CONTACTS_REV, value: 'bench' },
  ]);
  for (let i = 0; i < interactions; i += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, interactions - i) }, (_, j) => benchNote(i + j, contacts));
    await old.transaction('rw', ['interactions', 'interactionLinks'], async () => {
      await old.table('interactions').bulkAdd(chunk);
      await old.table('interactionLinks').bulkAdd(chunk.flatMap((x) => x.contactIds.map((contactId) => ({ contactId, interactionId: x.id, occurredAt: x.occurredAt }))));
    });
  }
  old.close();
}

/**
 * Exports a database holding at least `n` interactions (seeded first when it has fewer) and times
 * the export alone. `peakHeapMB` is the highest `performance.memory.usedJSHeapSize` seen during the
 * export (Chromium only). Target: 1 000 000 interactions with a peak ≤ 200 MB.
 */
export async function benchExportInteractions(
  db: RapportDB,
  n: number,
  format: ExportFormat = 'json',
  contacts = Math.max(1, Math.ceil(n / 10)),
): Promise<{ ms: number; peakHeapMB?: number; startHeapMB?: number; bytes: number; records: number }> {
  if ((await db.interactions.count()) < n) await seedNotebook(db, Math.max(contacts, await db.contacts.count()), n);
  const start = heapBytes();
  let peak = start;
  const t0 = performance.now();
  const result = await exportDatabase(db, {
    format,
    appVersion: 'bench',
    onProgress: () => {
      const now = heapBytes();
      if (now !== undefined && (peak === undefined || now > peak)) peak = now;
    },
  });
  const ms = performance.now() - t0;
  return { ms, peakHeapMB: mb(peak), startHeapMB: mb(start), bytes: result.blob.size, records: result.records };
}

// ---------------------------------------------------------------------------------------------
// The in-memory alternative, measured on the same notes and queries.

/** Folds as the product's search does (case, diacritics, ß), for MiniSearch's terms. */
const processTerm = (term: string): string | null => {
  const folded = foldForSearch(term);
  return folded.length >= 2 ? folded : null;
};

/**
 * Builds a MiniSearch index (prefix AND search, folded terms) over notes 0…`notes - 1` of the bench
 * notebook, in chunks of 10 000 generated notes (only the index is kept), and runs `queries`
 * `rounds` times. Build time excludes generating the notes. Returns the index with the figures.
 */
export function benchMiniSearch(
  notes: number,
  contacts: number,
  queries: readonly string[],
  rounds: number,
): { buildMs: number; medianMs: number; p95Ms: number; hits: number[]; index: MiniSearch } {
  const index = new MiniSearch({ fields: ['subject', 'text'], storeFields: [], idField: 'id', processTerm, searchOptions: { prefix: true, combineWith: 'AND' } });
  let buildMs = 0;
  for (let i = 0; i < notes; i += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, notes - i) }, (_, j) => {
      const note = benchNote(i + j, contacts);
      return { id: note.id, subject: note.subject ?? '', text: note.text };
    });
    const t = performance.now();
    index.addAll(chunk);
    buildMs += performance.now() - t;
  }
  const times: number[] = [];
  const hits = queries.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((query, q) => {
      const t = performance.now();
      hits[q] = index.search(query).length;
      times.push(performance.now() - t);
    });
  }
  return { buildMs, medianMs: median(times), p95Ms: percentile(times, 95), hits, index };
}
