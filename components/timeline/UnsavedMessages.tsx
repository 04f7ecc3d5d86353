import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import type { ContactId } from '../../utils/domain/common';
import { sourceKeyOf } from '../../utils/domain/interaction';
import { t } from '../../utils/i18n';
import type { PageContext } from '../../utils/sites/types';
import { errorMessage } from '../ui/ErrorText';
import { captureConversation } from '../../utils/db/repos/capture-conversation';

/**
 * LinkedIn: nothing is logged automatically (platform rules), so the sidebar says how many messages
 * on screen are not in the timeline yet and saves them with one click.
 */
export function UnsavedMessages({ db, context, focus }: { db: RapportDB; context: PageContext; focus: ContactId }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const keys = context.messages
    .map((m) => sourceKeyOf({ site: context.site, messageId: m.id }))
    .filter((k): k is string => Boolean(k));
  const stored = useLiveQuery(
    async () => (keys.length ? (await db.interactions.where('sourceKey').anyOf(keys).keys()).length : 0),
    [db, keys.join('\n')],
  );
  if (stored === undefined || keys.length === 0) return null;
  const count = new Set(keys).size - stored;
  const save = async () => {
    setBusy(true);
    try {
      setError(undefined);
      await captureConversation(db, context, focus);
    } catch (e) {
      setError(t('errorGeneric', errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="unsaved" data-testid="unsaved-messages" data-count={count} role="status">
      <span>{count === 0 ? t('unsavedMessagesNone') : count === 1 ? t('unsavedMessagesOne') : t('unsavedMessages', count)}</span>
      {count > 0 && (
        <button type="button" className="button button--small" data-testid="unsaved-save" onClick={save} disabled={busy}>
          {t('unsavedSave')}
        </button>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
