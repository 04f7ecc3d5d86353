import { conversationToInteractions, type Conversation } from '../../domain/capture';
import type { ContactId } from '../../domain/common';
import type { Interaction } from '../../domain/interaction';
import { neverLogMatcher, neverLoggedContact } from '../../domain/logging';
import { canonicalLinkedInUrl, normalizeEmail } from '../../domain/normalize';
import type { RapportDB } from '../db';
import { findByEmail, findByLinkedIn } from './contacts';
import { captureInteractions } from './interactions';
import { getLoggingSettings } from './logging-settings';

/** What a save by hand did: entries on screen, stored now, already there, given their text now. */
export interface CaptureResult {
  entries: number;
  stored: Interaction[];
  skipped: number;
  filled: number;
}

/**
 * "Save this conversation" (webmail) and the one-click save of unsaved LinkedIn messages: every
 * message of the conversation on screen becomes its own touchpoint (once), with its text; messages
 * logged automatically before get their text now. The never-log list is honoured here as in the
 * automatic logging: a listed address is never attached, and a contact the list covers whole is
 * attached neither through their LinkedIn profile nor as the contact in focus.
 */
export async function captureConversation(db: RapportDB, context: Conversation, focus: ContactId | undefined): Promise<CaptureResult> {
  const settings = await getLoggingSettings(db);
  const neverLog = neverLogMatcher(settings.neverLog);
  const emails = new Map<string, ContactId>();
  const profiles = new Map<string, ContactId | undefined>();
  for (const message of context.messages) {
    for (const p of [message.from, ...message.to, ...message.cc]) {
      const email = p?.email ? normalizeEmail(p.email) : '';
      if (email && !neverLog(email) && !emails.has(email)) {
        const c = await findByEmail(db, email);
        if (c) emails.set(email, c.id);
      }
      const url = p?.linkedinUrl ? canonicalLinkedInUrl(p.linkedinUrl) : '';
      if (url && !profiles.has(url)) {
        const c = await findByLinkedIn(db, url);
        profiles.set(url, c && !neverLoggedContact(neverLog, c.emails) ? c.id : undefined);
      }
    }
  }
  const focusContact = focus ? await db.contacts.get(focus) : undefined;
  const fallback = focusContact && !neverLoggedContact(neverLog, focusContact.emails) ? focus : undefined;
  const entries = conversationToInteractions(
    context,
    (p) =>
      (p.email ? emails.get(normalizeEmail(p.email)) : undefined) ??
      (p.linkedinUrl ? profiles.get(canonicalLinkedInUrl(p.linkedinUrl)) : undefined),
    fallback,
    new Date(),
    { department: settings.department, neverLog },
  );
  return { entries: entries.length, ...(await captureInteractions(db, entries)) };
}
