import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDB } from '../../utils/db/db';
import { duplicatePairs } from '../../utils/db/repos/duplicates';
import { reactivateList, responsivenessList, todayList } from '../../utils/db/repos/workspace';

/** The counts shown next to each list in the navigation. */
export function useNavCounts(db: RapportDB) {
  return useLiveQuery(async () => {
    const now = new Date();
    const [today, reactivate, responsiveness, duplicates] = await Promise.all([
      todayList(db, now),
      reactivateList(db, now, 12, 0),
      responsivenessList(db, now),
      duplicatePairs(db),
    ]);
    return { today: today.length, reactivate: reactivate.total, responsiveness: responsiveness.length, duplicates: duplicates.length };
  }, [db]);
}
