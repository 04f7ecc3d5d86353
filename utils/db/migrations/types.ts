import type { Transaction } from 'dexie';

/** One schema step. Files are numbered; each step only adds to what came before. */
export interface Migration {
  version: number;
  /** Dexie store declarations changed by this step (null deletes a table). */
  stores: Record<string, string | null>;
  /** Rewrites existing records for the new shape, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
