import type { CompanyId, InteractionId } from '../../domain/common';
import type { Company, Contact } from '../../domain/contact';
import type { Interaction } from '../../domain/interaction';
import { writeExport, type ExportOptions, type ExportResult } from '../../transfer/export';
import type { Selection } from '../../transfer/model';
import type { ExportSource } from '../../transfer/source';
import type { RapportDB } from '../db';
import { searchContacts } from './contacts';
import { chunks, pagesOf } from './paging';

/*
 * Export: the records of a whole-database export or of a selection, read page by page for the
 * pure encoders of utils/transfer. Reads only.
 */

/** The contact ids a selection covers, or `undefined` for the whole database. */
export async function selectedContactIds(db: RapportDB, selection: Selection): Promise<string[] | undefined> {
  switch (selection.kind) {
    case 'all':
      return undefined;
    case 'tag':
      return (await db.contacts.where('tags').equals(selection.tag).primaryKeys()) as string[];
    case 'industry':
      return (await db.contacts.where('industry').equalsIgnoreCase(selection.industry).primaryKeys()) as string[];
    case 'tier':
      return (await db.contacts.where('value.tier').equals(selection.tier).primaryKeys()) as string[];
    case 'search':
      return (await searchContacts(db, selection.query, 1_000_000)).map((c) => c.id);
    case 'contact':
      return (await db.contacts.get(selection.contactId as Contact['id'])) ? [selection.contactId] : [];
    case 'contacts':
      return [...new Set(selection.contactIds)];
  }
}

/** A contact's whole history: timeline (all of it), follow-ups and relationship checks. */
async function historyOf(db: RapportDB, contactId: string) {
  const links = await db.interactionLinks.where('[contactId+occurredAt]').between([contactId, ''], [contactId, '\uffff']).toArray();
  const interactions = (await db.interactions.bulkGet(links.map((l) => l.interactionId as InteractionId))).filter(
    (i): i is Interaction => Boolean(i),
  );
  const followUps = await db.followUps.where('contactId').equals(contactId).toArray();
  const checks = await db.checks.where('contactId').equals(contactId).toArray();
  return { interactions, followUps, checks };
}

/**
 * The records of an export, read page by page (for the whole database: contact pages in page
 * order, the other tables by primary key; id lists for a segment). An interaction shared with
 * contacts outside a segment keeps only the contacts inside it: the others are not in the file.
 */
export async function openExportSource(db: RapportDB, selection: Selection, pageSize = 2000): Promise<ExportSource> {
  const ids = await selectedContactIds(db, selection);
  if (ids === undefined) {
    const [contacts, interactions, followUps, checks, companies, pipelines] = await Promise.all([
      db.contacts.count(),
      db.interactions.count(),
      db.followUps.count(),
      db.checks.count(),
      db.companies.count(),
      db.pipelines.count(),
    ]);
    return {
      counts: { contacts, interactions, followUps, checks, companies, pipelines },
      contacts: () => pagesOf(db.contacts, pageSize),
      interactions: () => pagesOf(db.interactions, pageSize),
      followUps: () => pagesOf(db.followUps, pageSize),
      checks: () => pagesOf(db.checks, pageSize),
      companies: () => pagesOf(db.companies, pageSize),
      pipelines: () => pagesOf(db.pipelines, pageSize),
      historyOf: (id) => historyOf(db, id),
    };
  }

  const inside = new Set(ids);
  const sorted = [...ids].sort();
  const interactionIds = new Set((await db.interactions.where('contactIds').anyOf(sorted).primaryKeys()) as string[]);
  const followUpCount = sorted.length ? await db.followUps.where('contactId').anyOf(sorted).count() : 0;
  const checkCount = sorted.length ? await db.checks.where('contactId').anyOf(sorted).count() : 0;
  const companyIds = new Set<string>();
  for (const chunk of chunks(sorted, pageSize)) {
    for (const c of await db.contacts.bulkGet(chunk as Contact['id'][])) if (c?.companyId) companyIds.add(c.companyId);
  }
  const pipelineCount = await db.pipelines.count();

  return {
    counts: {
      contacts: sorted.length,
      interactions: interactionIds.size,
      followUps: followUpCount,
      checks: checkCount,
      companies: companyIds.size,
      pipelines: pipelineCount,
    },
    contacts: async function* () {
      for (const chunk of chunks(sorted, pageSize)) {
        const rows = await db.contacts.bulkGet(chunk as Contact['id'][]);
        yield rows.filter((c): c is Contact => Boolean(c));
      }
    },
    interactions: async function* () {
      const seen = new Set<string>();
      for (const chunk of chunks(sorted, 100)) {
        const rows = await db.interactions.where('contactIds').anyOf(chunk).toArray();
        const page: Interaction[] = [];
        for (const row of rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          page.push({ ...row, contactIds: row.contactIds.filter((id) => inside.has(id)) });
        }
        if (page.length > 0) yield page;
      }
    },
    followUps: async function* () {
      for (const chunk of chunks(sorted, pageSize)) yield await db.followUps.where('contactId').anyOf(chunk).toArray();
    },
    checks: async function* () {
      for (const chunk of chunks(sorted, pageSize)) yield await db.checks.where('contactId').anyOf(chunk).toArray();
    },
    companies: async function* () {
      const rows = await db.companies.bulkGet([...companyIds] as CompanyId[]);
      yield rows.filter((c): c is Company => Boolean(c));
    },
    pipelines: () => pagesOf(db.pipelines, pageSize),
    historyOf: async (id) => {
      const history = await historyOf(db, id);
      return { ...history, interactions: history.interactions.map((i) => ({ ...i, contactIds: i.contactIds.filter((c) => inside.has(c)) })) };
    },
  };
}

/** Exports the database, or a selection of it, as a file (a Blob built from chunked parts). */
export async function exportDatabase(db: RapportDB, options: ExportOptions): Promise<ExportResult> {
  const source = await openExportSource(db, options.selection ?? { kind: 'all' });
  return writeExport(source, options);
}
