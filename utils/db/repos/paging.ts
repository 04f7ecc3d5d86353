/** The part of a Dexie table that paging and id look-ups use (every table here has an `id` key). */
export interface IdTable<T> {
  orderBy(index: string): { limit(n: number): { toArray(): PromiseLike<T[]> } };
  where(index: string): { above(key: string): { limit(n: number): { toArray(): PromiseLike<T[]> } } };
  bulkGet(keys: string[]): PromiseLike<(T | undefined)[]>;
}

/** Pages of a table in primary-key order: one page in memory at a time. */
export async function* pagesOf<T extends { id: string }>(table: IdTable<T>, pageSize: number): AsyncIterable<T[]> {
  let last: string | undefined;
  for (;;) {
    const page =
      last === undefined
        ? await table.orderBy(':id').limit(pageSize).toArray()
        : await table.where(':id').above(last).limit(pageSize).toArray();
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]!.id;
  }
}

/** `items` cut into arrays of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
