import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { findByEmail, findByLinkedIn } from '../../utils/db/repos/contacts';
import { captureInteractions } from '../../utils/db/repos/interactions';
import { getLoggingSettings } from '../../utils/db/repos/logging-settings';
import { neverLogMatcher } from '../../utils/domain/logging';
import { conversationToInteractions } from '../../utils/domain/capture';
import type { ContactId } from '../../utils/domain/common';
import { canonicalLinkedInUrl, normalizeEmail } from '../../utils/domain/normalize';
import { t } from '../../utils/i18n';
import type { PageContext } from '../../utils/sites/types';
import { errorMessage } from '../ui/ErrorText';

/**
 * Stores every message of the conversation on screen as its own touchpoint (once), with its text;
 * messages logged automatically before get their text now. The never-log list is honoured here too.
 */
export async function captureConversation(db: RapportDB, context: PageContext, focus: ContactId | undefined) {
  const settings = await getLoggingSettings(db);
  const neverLog = neverLogMatcher(settings.neverLog);
  const emails = new Map<string, ContactId>();
  const profiles = new Map<string, ContactId>();
  for (const message of context.messages) {
    for (const p of [message.from, ...message.to, ...message.cc]) {
      const email = p?.email ? normalizeEmail(p.email) : '';
      if (email && !emails.has(email)) {
        const c = await findByEmail(db, email);
        if (c) emails.set(email, c.id);
      }
      const linkedin = p && 'linkedinUrl' in p ? (p as { linkedinUrl?: string }).linkedinUrl : undefined;
      const url = linkedin ? canonicalLinkedInUrl(linkedin) : '';
      if (url && !profiles.has(url)) {
        const c = await findByLinkedIn(db, url);
        if (c) profiles.set(url, c.id);
      }
    }
  }
  const entries = conversationToInteractions(
    context,
    (p) =>
      (p.email ? emails.get(normalizeEmail(p.email)) : undefined) ??
      (p.linkedinUrl ? profiles.get(canonicalLinkedInUrl(p.linkedinUrl)) : undefined),
    focus,
    new Date(),
    { department: settings.department, neverLog },
  );
  return { entries: entries.length, ...(await captureInteractions(db, entries)) };
}

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
