import type { Channel, ContactId, Department } from './common';
import type { Direction, Source } from './interaction';
import { canonicalLinkedInUrl, normalizeEmail } from './normalize';

/** One message of the conversation on screen, ready for `captureInteractions`. */
export interface CapturedMessage {
  contactIds: ContactId[];
  kind: 'email' | 'message';
  channel: Channel;
  direction: Direction;
  department: Department;
  occurredAt: string;
  /** No date could be read off the page: `occurredAt` is the capture time, and the timeline says so. */
  dateIsCaptureTime?: boolean;
  subject?: string;
  text: string;
  source: Source;
  author?: string;
  /** Logged automatically rather than saved by hand. */
  auto?: true;
}

/** How the conversation is turned into entries: a save by hand (the defaults) or automatic logging. */
export interface CaptureOptions {
  /** The user's own department (captured mail counts for it). Default: sales. */
  department?: Department;
  /** Store the message text. Automatic logging keeps it only when the user asked; never a collapsed message's snippet. */
  keepText?: boolean;
  /** The never-log list: such people are left out of every entry, and a message with nobody else is skipped. */
  neverLog?: (email: string | undefined) => boolean;
  /** Automatic logging: no fallback to the contact in focus, entries marked `auto`. */
  auto?: boolean;
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
  messages: readonly {
    id: string;
    from?: Party;
    to: readonly Party[];
    cc: readonly Party[];
    sentAt?: string;
    text: string;
    snippet?: boolean;
  }[];
}

/** Finds the stored contact for an address or profile on screen. */
export type ContactResolver = (probe: { email?: string; linkedinUrl?: string; name?: string }) => ContactId | undefined;

/**
 * Addresses by name, from the people on the same page who show both: Outlook shows a collapsed
 * message's sender by name only, and the same name with its address in the expanded one. A name
 * seen with two addresses stays unresolved.
 */
function addressesByName(context: Conversation): Map<string, string> {
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const message of context.messages) {
    for (const p of [message.from, ...message.to, ...message.cc]) {
      const name = p?.name?.trim().toLowerCase();
      const email = p?.email ? normalizeEmail(p.email) : '';
      if (!name || !email) continue;
      const seen = byName.get(name);
      if (seen && seen !== email) ambiguous.add(name);
      else byName.set(name, email);
    }
  }
  for (const name of ambiguous) byName.delete(name);
  return byName;
}

/**
 * Turns the conversation on screen into timeline entries: one per message, linked to every stored
 * contact among its sender and recipients (the user left out), or — when saved by hand — to the
 * contact in focus when none of them is stored yet. Direction comes from who sent it. Messages
 * without an id cannot be deduplicated and are skipped rather than stored twice later. People on
 * the never-log list are left out; a message with nobody else is not stored at all.
 */
export function conversationToInteractions(
  context: Conversation,
  resolve: ContactResolver,
  focus: ContactId | undefined,
  now: Date,
  options: CaptureOptions = {},
): CapturedMessage[] {
  const { department = 'sales', keepText = true, neverLog = () => false, auto = false } = options;
  const names = addressesByName(context);
  const withAddress = <T extends Party>(p: T): T => {
    if (p.email) return p;
    const email = p.name ? names.get(p.name.trim().toLowerCase()) : undefined;
    return email ? { ...p, email } : p;
  };
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
    const sender = message.from ? withAddress(message.from) : undefined;
    const others = [sender, ...message.to.map(withAddress), ...message.cc.map(withAddress)].filter(
      (p): p is NonNullable<typeof p> => Boolean(p) && !isMe(p),
    );
    const everyone = others.filter((p) => !neverLog(p.email));
    if (others.length > 0 && everyone.length === 0) continue;
    const ids = new Set<ContactId>();
    for (const person of everyone) {
      const id = resolve(person);
      if (id) ids.add(id);
    }
    if (ids.size === 0 && focus && !auto) ids.add(focus);
    if (ids.size === 0) continue;
    const fromMe = isMe(sender) || (site === 'linkedin' && message.from?.name === 'You');
    const text = keepText && !(auto && message.snippet) ? message.text : '';
    out.push({
      contactIds: [...ids],
      kind: site === 'linkedin' ? 'message' : 'email',
      channel,
      direction: fromMe ? 'outbound' : 'inbound',
      department,
      occurredAt: message.sentAt ?? now.toISOString(),
      ...(message.sentAt ? {} : { dateIsCaptureTime: true }),
      ...(context.subject?.trim() ? { subject: context.subject.trim().slice(0, 1000) } : {}),
      text,
      source: {
        site,
        url: context.url,
        ...(context.threadId ? { threadId: context.threadId } : {}),
        messageId: message.id,
      },
      ...(message.from?.name ? { author: message.from.name.slice(0, 1000) } : {}),
      ...(auto ? { auto: true as const } : {}),
    });
  }
  return out;
}
