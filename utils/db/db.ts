import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Middleware } from 'dexie';
import type { Company, Contact, Pipeline } from '../domain/contact';
import type { FollowUp } from '../domain/followup';
import type { Interaction } from '../domain/interaction';
import type { RelationshipCheck } from '../domain/relationship-check';
import { contactWords, interactionWords } from '../domain/search';
import type { ContactStats } from '../domain/workspace-figures';
import { withoutDerivedContactFields, withoutOpenDue, workspaceFiguresMiddleware } from './figures';
import { MIGRATIONS } from './migrations';
import type { Migration, UpgradeProgress } from './migrations/types';

/** One row per (contact, interaction): the timeline index. */
export interface InteractionLink {
  contactId: string;
  interactionId: string;
  occurredAt: string;
}

/** Per contact, the keys its priority is computed from: a small row read by id (kept by figures.ts). */
export interface PriorityKeys {
  id: string;
  prioBase: number;
  lastKey: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Database name in the extension's origin. */
export const DB_NAME = 'rapport';

/**
 * The derived search words a record carries on disk (the `*words` index). Computed on every write
 * by `searchWordsMiddleware` and removed on every read, so no code above the database sees them.
 */
export interface Searchable {
  words?: string[];
}

/** The tables whose records carry search words, with the function that derives them. */
const WORDS_OF: Record<string, (value: never) => string[]> = {
  contacts: contactWords,
  interactions: interactionWords,
};

/**
 * Derives `words` on every add and put to contacts and interactions, whatever the caller (a use
 * case, an import, a merge, `modify`): the index can never disagree with the record it belongs
 * to. It sits above Dexie's own observability layer, so live queries see the words' index keys
 * and a search re-runs only when a write touches words it read.
 */
export const searchWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RapportSearchWords',
  create(down: DBCore): Partial<DBCore> {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        const wordsOf = WORDS_OF[name];
        if (!wordsOf) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const values = req.values.map((value: object) => ({ ...value, words: wordsOf(value as never) }));
            return table.mutate({ ...req, values });
          },
        };
      },
    };
  },
};

function withoutWords<T>(record: T & Searchable): T {
  if (!record || record.words === undefined) return record;
  const { words: _derived, ...rest } = record;
  return rest as T;
}

/** Where upgrade progress is announced: every extension page of this origin can listen. */
export const UPGRADE_CHANNEL = 'rapport-upgrade';

/** A message on `UPGRADE_CHANNEL`. */
export interface UpgradeMessage {
  version: number;
  done: number;
  total: number;
}

function announceUpgrade(): UpgradeProgress {
  let channel: BroadcastChannel | undefined;
  try {
    channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(UPGRADE_CHANNEL);
  } catch {
    channel = undefined;
  }
  return (message) => channel?.postMessage({ version: 0, ...message } satisfies UpgradeMessage);
}

/**
 * The typed database: one record per entity. Opened only in extension contexts (background,
 * extension pages); a content script would open it in the host site's origin, where the site could
 * read it.
 */
export class RapportDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  interactionLinks!: Dexie.Table<InteractionLink, [string, string]>;
  followUps!: EntityTable<FollowUp, 'id'>;
  checks!: EntityTable<RelationshipCheck, 'id'>;
  companies!: EntityTable<Company, 'id'>;
  pipelines!: EntityTable<Pipeline, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  /** Per-contact figures from its conversations, kept by `workspaceFiguresMiddleware` (figures.ts). */
  contactStats!: Dexie.Table<ContactStats, string>;
  /** Per contact, its priority base and last real touchpoint (figures.ts): scored without reading the contact. */
  priorityKeys!: Dexie.Table<PriorityKeys, string>;

  constructor(name: string = DB_NAME, migrations: readonly Migration[] = MIGRATIONS, onUpgrade: UpgradeProgress = announceUpgrade()) {
    super(name);
    applyMigrations(this, migrations, onUpgrade);
    this.use(searchWordsMiddleware);
    this.use(workspaceFiguresMiddleware);
    this.contacts.hook('reading', withoutDerivedContactFields);
    this.interactions.hook('reading', withoutWords);
    this.followUps.hook('reading', withoutOpenDue);
  }
}

/** Declares each migration step on a Dexie instance, in order. */
export function applyMigrations(db: Dexie, migrations: readonly Migration[], onUpgrade?: UpgradeProgress): void {
  for (const step of migrations) {
    const version = db.version(step.version).stores(step.stores);
    const { upgrade } = step;
    if (upgrade) version.upgrade((tx) => upgrade(tx, (progress) => onUpgrade?.({ ...progress, version: step.version })));
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
