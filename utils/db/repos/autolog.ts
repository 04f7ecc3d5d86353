import { conversationToInteractions, type Conversation } from '../../domain/capture';
import type { ContactId } from '../../domain/common';
import { sourceKeyOf, type Interaction } from '../../domain/interaction';
import { neverLogMatcher } from '../../domain/logging';
import { normalizeEmail } from '../../domain/normalize';
import type { RapportDB } from '../db';
import { captureInteractions, type NewInteraction } from './interactions';
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
 * nothing; text is kept only when the user asked. One read of the contacts; a read-write
 * transaction only when something is new: every later view of a logged thread (each sidebar
 * update) only reads, so it never holds the contacts and the timeline while the sidebar reads them.
 * `captureInteractions` checks the keys again inside its transaction: once per message stays true
 * when two tabs log the same thread at the same moment.
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
  if (!(await anythingToWrite(db, entries))) return { stored: [], known: entries.length };
  const { stored, skipped } = await captureInteractions(db, entries, now);
  return { stored, known: skipped };
}

/** Whether any entry is new, or brings text to a logged one that has none (the keys, read only). */
async function anythingToWrite(db: RapportDB, entries: readonly NewInteraction[]): Promise<boolean> {
  const byKey = new Map<string, NewInteraction>();
  for (const entry of entries) {
    const key = sourceKeyOf(entry.source);
    if (!key) return true;
    byKey.set(key, entry);
  }
  const logged = await db.interactions.where('sourceKey').anyOf([...byKey.keys()]).toArray();
  if (logged.length < byKey.size) return true;
  return logged.some((row) => !row.text && Boolean(byKey.get(row.sourceKey!)?.text));
}
