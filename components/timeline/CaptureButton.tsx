import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { captureConversation } from '../../utils/db/repos/capture-conversation';
import type { ContactId } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import type { PageContext } from '../../utils/sites/types';
import { errorMessage } from '../ui/ErrorText';

/** "Save this conversation": see `captureConversation` (the never-log list is honoured there). */
export function CaptureButton({ db, context, focus }: { db: RapportDB; context: PageContext; focus: ContactId | undefined }) {
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await captureConversation(db, context, focus);
      const saved = result.stored.length + result.filled;
      setStatus(result.entries === 0 ? t('nothingToCapture') : t('captured', saved, result.entries - saved));
    } catch (e) {
      setStatus(t('errorGeneric', errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="capture">
      <button type="button" className="button" data-testid="capture-conversation" onClick={run} disabled={busy}>
        {t('captureConversation')}
      </button>
      {status && (
        <p className="muted" role="status" data-testid="capture-status">
          {status}
        </p>
      )}
    </div>
  );
}
