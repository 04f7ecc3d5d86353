import { z } from 'zod/mini';

/**
 * What an adapter reads off a host page. Content scripts build a plain object of this shape
 * (`RawPageContext`, no zod in the page); the extension parses it with `PageContextSchema` before use,
 * because the host page shapes everything its DOM says.
 */

export const SITES = ['gmail', 'outlook', 'linkedin'] as const;
export type Site = (typeof SITES)[number];

export const VIEWS = ['email-thread', 'inbox', 'profile', 'messaging', 'search', 'compose', 'other'] as const;
export type View = (typeof VIEWS)[number];

export const ROLES = ['sender', 'recipient', 'cc', 'profile', 'participant', 'result'] as const;
export type Role = (typeof ROLES)[number];

/** Plain shape of one person on screen, as a content script reports it. */
export interface RawPerson {
  name: string;
  email?: string;
  linkedinUrl?: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  role: Role;
}

/** Plain shape of one message on screen. */
export interface RawMessage {
  id: string;
  from?: { name: string; email?: string; linkedinUrl?: string };
  to: { name: string; email?: string }[];
  cc: { name: string; email?: string }[];
  /** ISO-8601 instant, when the page gives one exactly (a LinkedIn event URN). */
  sentAt?: string;
  /**
   * The date as the page prints it ("Sun, Mar 1, 2025, 8:05 AM", "gestern 16:15"), the forms to try in
   * order. Read in the background (`withPrintedDates`), not in the page: the host page pays nothing
   * for parsing dates in eight languages.
   */
  printedDate?: string[];
  text: string;
  /** True when the body is not rendered (collapsed message) and `text` is only the site's snippet. */
  snippet?: boolean;
  /**
   * True when no date could be read off the page (none shown, or one that does not name an instant
   * for certain): whoever stores the message uses the time of capture and says so.
   */
  undated?: boolean;
}

/** Plain PageContext as sent from a content script. */
export interface RawPageContext {
  site: Site;
  view: View;
  url: string;
  /** The page's language (`<html lang>`): how its printed dates are read (3/5 in en-US vs elsewhere). */
  lang?: string;
  subject?: string;
  /** The signed-in user's own address or profile: never shown as a person on screen. */
  account?: { name?: string; email?: string; linkedinUrl?: string };
  people: RawPerson[];
  messages: RawMessage[];
  threadId?: string;
}

/** A site adapter: pure DOM → context, no side effects, never throws. */
export interface SiteAdapter {
  site: Site;
  /** True when this adapter serves the URL. */
  matches(url: URL): boolean;
  /** Reads the document. Must not throw: failure degrades to partial context. */
  extract(doc: Document, url: URL): RawPageContext;
  /** The element whose mutations signal new content (main pane), if any. */
  observeRoot(doc: Document): Element | null;
  /**
   * Containers outside the main pane whose mutations matter too (Gmail docks its compose windows at
   * the end of `<body>`). When present, the watcher also watches `<body>`'s own children for new ones.
   */
  extraRoots?(doc: Document): Element[];
  /** Editors whose inner mutations never change the context (message bodies being typed). */
  quiet?: string;
}

const short = (max: number) => z.string().check(z.maxLength(max));
const name = z.string().check(z.trim(), z.maxLength(500));
const email = z.optional(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(320)));
const linkedin = z.optional(z.string().check(z.maxLength(500)));

export const PersonSchema = z.object({
  name,
  email,
  linkedinUrl: linkedin,
  headline: z.optional(short(1000)),
  title: z.optional(short(500)),
  company: z.optional(short(500)),
  location: z.optional(short(500)),
  role: z.enum(ROLES),
});
export type Person = z.infer<typeof PersonSchema>;

const Address = z.object({ name, email });

export const MessageSchema = z.object({
  id: short(500),
  from: z.optional(z.object({ name, email, linkedinUrl: linkedin })),
  to: z._default(z.array(Address).check(z.maxLength(500)), []),
  cc: z._default(z.array(Address).check(z.maxLength(500)), []),
  sentAt: z.optional(z.iso.datetime({ offset: true })),
  printedDate: z.optional(z.array(short(200)).check(z.maxLength(3))),
  text: z._default(short(200_000), ''),
  snippet: z.optional(z.boolean()),
  undated: z.optional(z.boolean()),
});
export type Message = z.infer<typeof MessageSchema>;

export const PageContextSchema = z.object({
  site: z.enum(SITES),
  view: z.enum(VIEWS),
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(4000)),
  lang: z.optional(short(35)),
  subject: z.optional(short(2000)),
  account: z.optional(z.object({ name: z.optional(name), email, linkedinUrl: linkedin })),
  people: z.array(PersonSchema).check(z.maxLength(500)),
  messages: z._default(z.array(MessageSchema).check(z.maxLength(1000)), []),
  threadId: z.optional(short(500)),
});
export type PageContext = z.infer<typeof PageContextSchema>;
