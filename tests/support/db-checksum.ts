import type { RapportDB } from '../../utils/db/db';
import { stableStringify } from '../../utils/db/repos/import-plan';

/**
 * A checksum of every table (rows in primary-key order, keys sorted): equal before and after a
 * refused import proves nothing was written. For tests and diagnostics, not for security.
 */
export async function databaseChecksum(db: RapportDB): Promise<string> {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const table of db.tables) {
    feed(`#${table.name}`);
    await table.toCollection().each((row: unknown) => feed(stableStringify(row)));
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
