import type { Transaction } from 'dexie';

/** Reports how far a long upgrade step has come (shown as "Updating your notebook…"). */
export type UpgradeProgress = (progress: { version?: number; done: number; total: number }) => void;

/**
 * One schema step. Files are numbered; each step only adds to what came before. A step is frozen:
 * it carries its own copy of any layout code it needs and imports nothing from live modules, so
 * today's code can change without changing what an old upgrade does.
 */
export interface Migration {
  version: number;
  /** Dexie store declarations changed by this step (null deletes a table). */
  stores: Record<string, string | null>;
  /** Rewrites existing records for the new shape, inside the upgrade transaction. */
  upgrade?: (tx: Transaction, progress: UpgradeProgress) => Promise<void>;
}
