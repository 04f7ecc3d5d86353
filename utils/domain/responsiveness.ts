import { isRealTouchpoint, type Interaction } from './interaction';

/*
 * Reaktionszeit: how fast we answer a contact, and how fast they answer us, from captured
 * conversations (emails and messages with a direction). A reply is the first message in the
 * other direction after one or more messages in a thread (threads without an id count as one
 * conversation per channel); its time is measured from the first unanswered message.
 */

export interface Responsiveness {
  /** Median minutes from their message to our reply; undefined with no reply of ours. */
  oursMinutes: number | undefined;
  /** Median minutes from our message to their reply. */
  theirsMinutes: number | undefined;
  ourReplies: number;
  theirReplies: number;
}

/** The median of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const conversational = (i: Interaction) =>
  (i.kind === 'email' || i.kind === 'message') && (i.direction === 'inbound' || i.direction === 'outbound');

/** Our and their median reply time over a contact's messages (any order). */
export function responsiveness(messages: readonly Interaction[]): Responsiveness {
  const threads = new Map<string, Interaction[]>();
  for (const message of messages) {
    if (!conversational(message)) continue;
    const key = message.source?.threadId ? `${message.source.site}:${message.source.threadId}` : `channel:${message.channel}`;
    const list = threads.get(key) ?? [];
    list.push(message);
    threads.set(key, list);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const thread of threads.values()) {
    thread.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    let waitingSince: Interaction | undefined;
    for (const message of thread) {
      if (!waitingSince || waitingSince.direction === message.direction) {
        waitingSince ??= message;
        continue;
      }
      const minutes = (Date.parse(message.occurredAt) - Date.parse(waitingSince.occurredAt)) / 60_000;
      (message.direction === 'outbound' ? ours : theirs).push(minutes);
      waitingSince = message;
    }
  }
  return { oursMinutes: median(ours), theirsMinutes: median(theirs), ourReplies: ours.length, theirReplies: theirs.length };
}

/** Slowest first: by our median reply time, contacts we never answered after those we did. */
export function bySlowestReply(a: Responsiveness, b: Responsiveness): number {
  return (b.oursMinutes ?? -1) - (a.oursMinutes ?? -1) || (b.theirsMinutes ?? -1) - (a.theirsMinutes ?? -1);
}

/** They wrote last and are waiting for us: since when, and for how many minutes by `now`. */
export interface Waiting {
  since: string;
  minutes: number;
}

/**
 * How long the contact has waited for us: set when the latest touchpoint with them (a call or a
 * meeting answers too; notes and saved pages are not part of the conversation) is an email or a
 * message from them. Unlike "awaiting your reply" it starts at once, not after a day.
 */
export function waitingForUs(timeline: readonly Interaction[], now: Date): Waiting | undefined {
  let last: Interaction | undefined;
  for (const item of timeline) {
    if (!isRealTouchpoint(item.kind) || item.direction === 'internal') continue;
    if (!last || Date.parse(item.occurredAt) > Date.parse(last.occurredAt)) last = item;
  }
  if (!last || last.direction !== 'inbound' || (last.kind !== 'email' && last.kind !== 'message')) return undefined;
  return { since: last.occurredAt, minutes: Math.max(0, Math.floor((now.getTime() - Date.parse(last.occurredAt)) / 60_000)) };
}
