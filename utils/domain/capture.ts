import type { Channel, ContactId } from './common';
import type { Direction, Source } from './interaction';
import { canonicalLinkedInUrl, normalizeEmail } from './normalize';

/** One message of the conversation on screen, ready for `captureInteractions`. */
export interface CapturedMessage {
  contactIds: ContactId[];
  kind: 'email' | 'message';
  channel: Channel;
  direction: Direction;
  department: 'sales';
  occurredAt: string;
  /** No date could be read off the page: `occurredAt` is the capture time, and the timeline says so. */
  dateIsCaptureTime?: boolean;
  subject?: string;
  text: string;
  source: Source;
  author?: string;
}

/** Someone in a conversation on screen. */
interface Party {
  name?: string;
  email?: string;
  linkedinUrl?: string;
}

/**
 * What capture reads of the conversation on screen. The page context the site adapters produce
 * fits it; the domain does not depend on them.
 */
export interface Conversation {
  site: 'gmail' | 'outlook' | 'linkedin';
  url: string;
  subject?: string;
  threadId?: string;
  account?: Party;
  messages: readonly { id: string; from?: Party; to: readonly Party[]; cc: readonly Party[]; sentAt?: string; text: string }[];
}

/** Finds the stored contact for an address or profile on screen. */
export type ContactResolver = (probe: { email?: string; linkedinUrl?: string; name?: string }) => ContactId | undefined;

/**
 * Turns the conversation on screen into timeline entries: one per message, linked to every stored
 * contact among its sender and recipients (the user left out), or to the contact in focus when none
 * of them is stored yet. Direction comes from who sent it. Messages without an id cannot be
 * deduplicated and are skipped rather than stored twice later.
 */
export function conversationToInteractions(
  context: Conversation,
  resolve: ContactResolver,
  focus: ContactId | undefined,
  now: Date,
): CapturedMessage[] {
  const site = context.site;
  const channel: Channel = site === 'linkedin' ? 'linkedin' : 'email';
  const account = {
    email: context.account?.email ? normalizeEmail(context.account.email) : '',
    linkedin: context.account?.linkedinUrl ? canonicalLinkedInUrl(context.account.linkedinUrl) : '',
    name: context.account?.name?.trim().toLowerCase() ?? '',
  };
  const isMe = (p: { name?: string; email?: string; linkedinUrl?: string } | undefined) => {
    if (!p) return false;
    if (p.email && account.email && normalizeEmail(p.email) === account.email) return true;
    if (p.linkedinUrl && account.linkedin && canonicalLinkedInUrl(p.linkedinUrl) === account.linkedin) return true;
    return !p.email && !p.linkedinUrl && Boolean(account.name) && p.name?.trim().toLowerCase() === account.name;
  };
  const out: CapturedMessage[] = [];
  for (const message of context.messages) {
    if (!message.id) continue;
    const everyone = [message.from, ...message.to, ...message.cc].filter(
      (p): p is NonNullable<typeof p> => Boolean(p) && !isMe(p),
    );
    const ids = new Set<ContactId>();
    for (const person of everyone) {
      const id = resolve(person);
      if (id) ids.add(id);
    }
    if (ids.size === 0 && focus) ids.add(focus);
    if (ids.size === 0) continue;
    const fromMe = isMe(message.from) || (site === 'linkedin' && message.from?.name === 'You');
    out.push({
      contactIds: [...ids],
      kind: site === 'linkedin' ? 'message' : 'email',
      channel,
      direction: fromMe ? 'outbound' : 'inbound',
      department: 'sales',
      occurredAt: message.sentAt ?? now.toISOString(),
      ...(message.sentAt ? {} : { dateIsCaptureTime: true }),
      ...(context.subject?.trim() ? { subject: context.subject.trim().slice(0, 1000) } : {}),
      text: message.text,
      source: {
        site,
        url: context.url,
        ...(context.threadId ? { threadId: context.threadId } : {}),
        messageId: message.id,
      },
      ...(message.from?.name ? { author: message.from.name.slice(0, 1000) } : {}),
    });
  }
  return out;
}
