import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Interaction } from '../domain/interaction';
import { addToStats, contactKeys, contactStatsOf, CONTACT_KEY_NAMES, type ContactStats } from '../domain/workspace-figures';

/*
 * Keeps the workspace's derived figures (utils/domain/workspace-figures.ts) in step with the
 * records, whatever writes them: a use case, an import, a restore, a merge, an erase, automatic
 * logging, or a bare `table.put`. It works at Dexie's DBCore level, inside the writer's own
 * transaction, so a figure can never disagree with the records it comes from:
 * - contacts: the hidden keys (priority base, last touchpoint, tier, keep-in-touch due, block) on
 *   every add and put; deleting a contact deletes its `contactStats` row;
 * - follow-ups: `openDue` (the due day while open) on every add and put;
 * - interactions: every write refreshes the `contactStats` row of each contact it touches, before
 *   and after. New interactions update the row from itself (no read of the timeline); an edit or
 *   a delete recomputes it from the contact's interactions.
 * - contacts also: a `priorityKeys` row per contact (its priority base and last touchpoint), put and
 *   deleted with it, so the contact list scores contacts by id without reading their records;
 * A read-write transaction on contacts or interactions is widened to include `contactStats` (and
 * one on contacts `priorityKeys`).
 * Like the search words, the hidden fields are removed on every read (db.ts).
 */

const STATS = 'contactStats';
const KEYS = 'priorityKeys';
const EQUAL = 1 as DBCoreKeyRange['type'];
const ANY = 3 as DBCoreKeyRange['type'];

function contactIdsOf(values: readonly unknown[]): string[] {
  return values.flatMap((v) => ((v as Partial<Interaction> | undefined)?.contactIds as string[] | undefined) ?? []);
}

function withKeys(value: Record<string, unknown>): Record<string, unknown> {
  const next = { ...value };
  for (const key of CONTACT_KEY_NAMES) delete next[key];
  return { ...next, ...contactKeys(value as never) };
}

function withOpenDue(value: Record<string, unknown>): Record<string, unknown> {
  const { openDue: _old, ...rest } = value;
  return rest.doneAt ? rest : { ...rest, openDue: rest.due };
}

/** The DBCore middleware; registered by `RapportDB`. */
export const workspaceFiguresMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RapportWorkspaceFigures',
  create(down: DBCore): Partial<DBCore> {
    const hasStats = down.schema.tables.some((t) => t.name === STATS);
    const hasKeys = down.schema.tables.some((t) => t.name === KEYS);
    const stats = () => down.table(STATS);
    const keysTable = () => down.table(KEYS);

    /** Writes or deletes the rows of contacts whose figures changed. */
    async function store(trans: DBCoreTransaction, rows: Map<string, ContactStats | undefined>) {
      const put = [...rows.values()].filter((r): r is ContactStats => Boolean(r));
      const gone = [...rows.entries()].filter(([, r]) => !r).map(([id]) => id);
      await Promise.all([
        put.length ? stats().mutate({ type: 'put', trans, values: put }) : undefined,
        gone.length ? stats().mutate({ type: 'delete', trans, keys: gone }) : undefined,
      ]);
    }

    /** Every interaction of a contact, from the `contactIds` index. */
    async function interactionsOf(table: DBCoreTable, trans: DBCoreTransaction, contactId: string): Promise<Interaction[]> {
      const index = table.schema.getIndexByKeyPath('contactIds')!;
      const result = await table.query({ trans, values: true, query: { index, range: { type: EQUAL, lower: contactId, upper: contactId } } });
      return result.result as Interaction[];
    }

    async function recompute(table: DBCoreTable, trans: DBCoreTransaction, ids: Iterable<string>) {
      const rows = new Map<string, ContactStats | undefined>();
      await Promise.all([...new Set(ids)].map(async (id) => rows.set(id, contactStatsOf(id, await interactionsOf(table, trans, id)))));
      await store(trans, rows);
    }

    async function addNew(trans: DBCoreTransaction, added: readonly Interaction[], skip: ReadonlySet<string>) {
      const byContact = new Map<string, Interaction[]>();
      for (const i of added) for (const id of i.contactIds) if (!skip.has(id)) (byContact.get(id) ?? byContact.set(id, []).get(id)!).push(i);
      if (byContact.size === 0) return;
      const ids = [...byContact.keys()];
      const current = (await stats().getMany({ trans, keys: ids })) as (ContactStats | undefined)[];
      const rows = new Map<string, ContactStats | undefined>();
      ids.forEach((id, n) => rows.set(id, addToStats(id, current[n], byContact.get(id)!)));
      await store(trans, rows);
    }

    function interactionsTable(table: DBCoreTable): DBCoreTable {
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest) {
          const { trans } = req;
          if (req.type === 'deleteRange') {
            if (req.range.type === ANY) {
              const res = await table.mutate(req);
              await stats().mutate({ type: 'deleteRange', trans, range: req.range });
              return res;
            }
            const old = await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } });
            const res = await table.mutate(req);
            await recompute(table, trans, contactIdsOf(old.result));
            return res;
          }
          const keys = req.type === 'delete' ? req.keys : req.values.map((v) => (v as Interaction).id);
          const old = req.type === 'add' ? [] : await table.getMany({ trans, keys });
          const res = await table.mutate(req);
          if (req.type === 'delete') {
            await recompute(table, trans, contactIdsOf(old));
            return res;
          }
          const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
          const fresh: Interaction[] = [];
          const changed: string[] = [];
          req.values.forEach((value, n) => {
            if (failed.has(n)) return;
            if (old[n]) changed.push(...contactIdsOf([old[n], value]));
            else fresh.push(value as Interaction);
          });
          if (changed.length) await recompute(table, trans, changed);
          if (fresh.length) await addNew(trans, fresh, new Set(changed));
          return res;
        },
      };
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        const extra: string[] = [];
        if (mode === 'readwrite' && hasStats && !stores.includes(STATS) && (stores.includes('interactions') || stores.includes('contacts'))) extra.push(STATS);
        if (mode === 'readwrite' && hasKeys && !stores.includes(KEYS) && stores.includes('contacts')) extra.push(KEYS);
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'contacts') {
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              if (req.type === 'add' || req.type === 'put') {
                const values = req.values.map((v) => withKeys(v as Record<string, unknown>));
                const res = await table.mutate({ ...req, values });
                if (hasKeys) {
                  const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
                  const rows = values.filter((_, n) => !failed.has(n)).map((v) => ({ id: v.id, prioBase: v.prioBase, lastKey: v.lastKey }));
                  if (rows.length) await keysTable().mutate({ type: 'put', trans: req.trans, values: rows });
                }
                return res;
              }
              const res = await table.mutate(req);
              const derived = [...(hasStats ? [stats()] : []), ...(hasKeys ? [keysTable()] : [])];
              for (const other of derived) {
                if (req.type === 'delete') await other.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
                else await other.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
              }
              return res;
            },
          };
        }
        if (name === 'followUps') {
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
              return table.mutate({ ...req, values: req.values.map((v) => withOpenDue(v as Record<string, unknown>)) });
            },
          };
        }
        if (name === 'interactions' && hasStats) return interactionsTable(table);
        return table;
      },
    };
  },
};

const CONTACT_DERIVED = new Set<string>(['words', ...CONTACT_KEY_NAMES]);

/**
 * A stored contact without what the database derives for it (its search words and hidden keys),
 * run on every read: one copy of the record's own fields (hot: a list reads thousands).
 */
export function withoutDerivedContactFields<T>(record: T): T {
  const stored = record as Record<string, unknown> | undefined;
  if (!stored || (stored.prioBase === undefined && stored.words === undefined)) return record;
  const own: Record<string, unknown> = {};
  for (const key in stored) if (!CONTACT_DERIVED.has(key)) own[key] = stored[key];
  return own as T;
}

/** Removes a follow-up's hidden `openDue` (run on every read). */
export function withoutOpenDue<T>(record: T): T {
  if (!record || (record as Record<string, unknown>).openDue === undefined) return record;
  const { openDue: _derived, ...rest } = record as Record<string, unknown>;
  return rest as T;
}
