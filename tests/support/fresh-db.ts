import { afterEach, beforeEach } from 'vitest';
import type { RapportDB } from '../../utils/db/db';
import { freshDb } from './sample-db';

/**
 * A notebook of its own for every test of a file (`freshDb`, opened on first use, so a test may
 * still add a middleware), closed and deleted after the test. `use` receives each one:
 * `let db: RapportDB; freshNotebook((fresh) => (db = fresh));`.
 */
export function freshNotebook(use: (db: RapportDB) => void): void {
  let db: RapportDB | undefined;
  beforeEach(() => {
    db = freshDb();
    use(db);
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });
}
