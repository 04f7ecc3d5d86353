import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDB } from '../../utils/db/db';
import { timeline } from '../../utils/db/repos/interactions';
import type { ContactId } from '../../utils/domain/common';
import { responsiveness, waitingForUs } from '../../utils/domain/responsiveness';
import { t } from '../../utils/i18n';
import { durationText } from '../workspace/words';

/**
 * Reaktionszeit for the contact in focus, from the logged touchpoints: how long they have waited
 * if they wrote last, our median reply time to them and theirs to us.
 */
export function ResponsivenessLine({ db, contactId }: { db: RapportDB; contactId: ContactId }) {
  const data = useLiveQuery(async () => {
    const items = await timeline(db, contactId, { limit: 1000 });
    return { waiting: waitingForUs(items, new Date()), replies: responsiveness(items) };
  }, [db, contactId]);
  if (!data) return null;
  const { waiting, replies } = data;
  return (
    <section
      className="responsiveness"
      aria-label={t('resp_title')}
      data-testid="responsiveness"
      data-waiting-minutes={waiting?.minutes ?? ''}
      data-ours-minutes={replies.oursMinutes ?? ''}
      data-theirs-minutes={replies.theirsMinutes ?? ''}
    >
      <p className={waiting ? 'responsiveness__waiting' : 'muted'} data-testid="waiting-for-us">
        {waiting ? t('resp_waiting', durationText(waiting.minutes)) : t('resp_notWaiting')}
      </p>
      <p className="muted">
        {replies.oursMinutes === undefined ? t('resp_oursNone') : t('resp_ours', durationText(replies.oursMinutes), replies.ourReplies)}
        {' · '}
        {replies.theirsMinutes === undefined
          ? t('resp_theirsNone')
          : t('resp_theirs', durationText(replies.theirsMinutes), replies.theirReplies)}
      </p>
    </section>
  );
}
