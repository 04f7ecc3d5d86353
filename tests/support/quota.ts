// Test-only: a Dexie middleware that makes writes fail the way a full disk does.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export interface QuotaSwitch {
  /** Writes allowed before the disk is "full" (per matching table); `Infinity` = never full. */
  allow: number;
  /** Only these tables fail (all when empty). */
  tables: string[];
  /** How many writes were refused. */
  refused: number;
}

/**
 * A middleware refusing `add`/`put`/`delete` requests once `allow` writes went through, with the
 * `QuotaExceededError` IndexedDB raises when the origin's quota is used up. The refusal rejects the
 * request, so Dexie aborts the transaction around it, as the browser does.
 */
export function quotaMiddleware(state: QuotaSwitch): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TestQuota',
    create(down: DBCore): Partial<DBCore> {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              const applies = state.tables.length === 0 || state.tables.includes(name);
              if (applies && req.type !== 'deleteRange') {
                if (state.allow <= 0) {
                  state.refused++;
                  return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
                }
                state.allow--;
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
