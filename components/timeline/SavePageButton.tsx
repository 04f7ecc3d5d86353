import { useState } from 'react';
import type { ContactId } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import { savePageNote } from '../../utils/messaging/client';
import { errorMessage } from '../ui/ErrorText';

/** Saves the main text of the page in this tab (Readability) as a note for the contact. */
export function SavePageButton({ tabId, contactId }: { tabId: number; contactId: ContactId }) {
  const [status, setStatus] = useState<string>();
  const run = async () => {
    try {
      await savePageNote(tabId, contactId);
      setStatus(t('pageSaved'));
    } catch (e) {
      setStatus(t('errorGeneric', errorMessage(e)));
    }
  };
  return (
    <div className="capture">
      <button type="button" className="button button--ghost" data-testid="save-page" onClick={run}>
        {t('savePage')}
      </button>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
