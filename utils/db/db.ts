import Dexie, { type EntityTable } from 'dexie';
import type { Company, Pipeline } from '../domain/contact';
import type { FollowUp } from '../domain/followup';
import type { Interaction } from '../domain/interaction';
import type { RelationshipCheck } from '../domain/relationship-check';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { coarseBulkTracking, type ContactPage } from './contact-store';
import type { SearchPage } from './search-index';

/** One row per (contact, interaction): the timeline index. */
export interface InteractionLink {
  contactId: string;
  interactionId: string;
  occurredAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Database name in the extension's origin. */
export const DB_NAME = 'rapport';

/**
 * The typed database. Opened only in extension contexts (background, extension pages); a content
 * script would open it in the host site's origin, where the site could read it.
 */
export class RapportDB extends Dexie {
  /** Contacts, packed: read and written only through contact-store.ts. */
  contactPages!: EntityTable<ContactPage, 'page'>;
  interactions!: EntityTable<Interaction, 'id'>;
  interactionLinks!: Dexie.Table<InteractionLink, [string, string]>;
  followUps!: EntityTable<FollowUp, 'id'>;
  checks!: EntityTable<RelationshipCheck, 'id'>;
  companies!: EntityTable<Company, 'id'>;
  pipelines!: EntityTable<Pipeline, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Written only by contact-store.ts, with every contact write; read by the contact search. */
  searchPages!: EntityTable<SearchPage, 'page'>;

  constructor(name: string = DB_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    super(name);
    this.use(coarseBulkTracking);
    applyMigrations(this, migrations);
  }
}

/** Declares each migration step on a Dexie instance, in order. */
export function applyMigrations(db: Dexie, migrations: readonly Migration[]): void {
  for (const step of migrations) {
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
}

let shared: RapportDB | undefined;

/** The one database of this extension context. */
export function getDb(): RapportDB {
  shared ??= new RapportDB();
  return shared;
}

/** Asks the browser not to evict the notebook under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
