import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDB } from '../../utils/db/db';
import { workspaceCounts } from '../../utils/db/repos/workspace';

/**
 * The counts shown next to each list in the navigation: index counts (`workspaceCounts`), never
 * the lists themselves. Duplicates are counted on their own view (finding them reads every contact).
 */
export function useNavCounts(db: RapportDB) {
  return useLiveQuery(() => workspaceCounts(db, new Date()), [db]);
}
