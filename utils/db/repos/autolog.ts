import { conversationToInteractions, type Conversation } from '../../domain/capture';
import type { ContactId } from '../../domain/common';
import type { Interaction } from '../../domain/interaction';
import { neverLogMatcher } from '../../domain/logging';
import { normalizeEmail } from '../../domain/normalize';
import type { RapportDB } from '../db';
import { captureInteractions } from './interactions';
import { getLoggingSettings } from './logging-settings';

export interface AutoLogResult {
  /** Why nothing was looked at: the setting is off, or the site is LinkedIn (platform rules). */
  skipped?: 'off' | 'linkedin';
  /** Entries written now (messages with a known contact seen for the first time). */
  stored: Interaction[];
  /** Messages already on the timeline. */
  known: number;
}

/**
 * Automatic logging (issue 11): every message of the mail thread on screen that involves a known
 * contact becomes a touchpoint on their timeline, once (the per-message key), with its direction,
 * subject, participants and the user's department. Unknown people and the never-log list get
 * nothing; text is kept only when the user asked. One read of the contacts, one transaction.
 */
export async function autoLogConversation(db: RapportDB, context: Conversation, now = new Date()): Promise<AutoLogResult> {
  if (context.site === 'linkedin') return { skipped: 'linkedin', stored: [], known: 0 };
  if (!context.messages.some((m) => m.id)) return { stored: [], known: 0 };
  const settings = await getLoggingSettings(db);
  if (!settings.autoLog) return { skipped: 'off', stored: [], known: 0 };
  const neverLog = neverLogMatcher(settings.neverLog);
  const addresses = new Set<string>();
  for (const message of context.messages) {
    for (const p of [message.from, ...message.to, ...message.cc]) {
      const email = p?.email ? normalizeEmail(p.email) : '';
      if (email && !neverLog(email)) addresses.add(email);
    }
  }
  if (addresses.size === 0) return { stored: [], known: 0 };
  const contacts = await db.contacts.where('emails').anyOf([...addresses]).toArray();
  if (contacts.length === 0) return { stored: [], known: 0 };
  const byEmail = new Map<string, ContactId>();
  for (const contact of contacts) for (const email of contact.emails) if (addresses.has(email)) byEmail.set(email, contact.id);
  const entries = conversationToInteractions(
    context,
    (p) => (p.email ? byEmail.get(normalizeEmail(p.email)) : undefined),
    undefined,
    now,
    { auto: true, keepText: settings.keepText, department: settings.department, neverLog },
  );
  if (entries.length === 0) return { stored: [], known: 0 };
  const { stored, skipped } = await captureInteractions(db, entries, now);
  return { stored, known: skipped };
}
