import type { Company, Contact, Pipeline } from '../domain/contact';
import type { FollowUp } from '../domain/followup';
import type { Interaction } from '../domain/interaction';
import type { RelationshipCheck } from '../domain/relationship-check';

/**
 * What an encoder reads: the records of an export, page by page. The database implementation
 * (`openExportSource` in `utils/db/repos/transfer.ts`) reads with cursors; tests use arrays.
 */
export interface ExportSource {
  counts: { contacts: number; interactions: number; followUps: number; checks: number; companies: number; pipelines: number };
  contacts(): AsyncIterable<Contact[]>;
  interactions(): AsyncIterable<Interaction[]>;
  followUps(): AsyncIterable<FollowUp[]>;
  checks(): AsyncIterable<RelationshipCheck[]>;
  companies(): AsyncIterable<Company[]>;
  pipelines(): AsyncIterable<Pipeline[]>;
  /** One contact's timeline, follow-ups and checks (for per-contact formats). */
  historyOf(contactId: string): Promise<{ interactions: Interaction[]; followUps: FollowUp[]; checks: RelationshipCheck[] }>;
}

/** Where an encoder writes and how it reports progress. */
export interface EncodeTarget {
  write(text: string): void;
  /** Called after each page with the number of records just written. */
  tick(records: number): void;
  /** Checked between pages. */
  signal?: AbortSignal;
}

/** An in-memory source (tests, and small exports built from arrays). */
export function arraySource(data: {
  contacts?: Contact[];
  interactions?: Interaction[];
  followUps?: FollowUp[];
  checks?: RelationshipCheck[];
  companies?: Company[];
  pipelines?: Pipeline[];
}, pageSize = 1000): ExportSource {
  const pages = async function* <T>(rows: readonly T[] = []): AsyncIterable<T[]> {
    for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
  };
  return {
    counts: {
      contacts: data.contacts?.length ?? 0,
      interactions: data.interactions?.length ?? 0,
      followUps: data.followUps?.length ?? 0,
      checks: data.checks?.length ?? 0,
      companies: data.companies?.length ?? 0,
      pipelines: data.pipelines?.length ?? 0,
    },
    contacts: () => pages(data.contacts),
    interactions: () => pages(data.interactions),
    followUps: () => pages(data.followUps),
    checks: () => pages(data.checks),
    companies: () => pages(data.companies),
    pipelines: () => pages(data.pipelines),
    historyOf: async (id) => ({
      interactions: (data.interactions ?? []).filter((i) => i.contactIds.includes(id as Interaction['contactIds'][number])),
      followUps: (data.followUps ?? []).filter((f) => f.contactId === id),
      checks: (data.checks ?? []).filter((c) => c.contactId === id),
    }),
  };
}
