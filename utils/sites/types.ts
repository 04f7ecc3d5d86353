import { z } from 'zod';

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
  /** ISO-8601 instant when known. */
  sentAt?: string;
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

const short = (max: number) => z.string().max(max);
const name = z.string().trim().max(500);
const email = z.string().trim().toLowerCase().max(320).optional();
const linkedin = z.string().max(500).optional();

export const PersonSchema = z.object({
  name,
  email,
  linkedinUrl: linkedin,
  headline: short(1000).optional(),
  title: short(500).optional(),
  company: short(500).optional(),
  location: short(500).optional(),
  role: z.enum(ROLES),
});
export type Person = z.infer<typeof PersonSchema>;

const Address = z.object({ name, email });

export const MessageSchema = z.object({
  id: short(500),
  from: z.object({ name, email, linkedinUrl: linkedin }).optional(),
  to: z.array(Address).max(500).default([]),
  cc: z.array(Address).max(500).default([]),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  text: short(200_000).default(''),
  snippet: z.boolean().optional(),
  undated: z.boolean().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const PageContextSchema = z.object({
  site: z.enum(SITES),
  view: z.enum(VIEWS),
  url: z.url({ protocol: /^https$/ }).max(4000),
  subject: short(2000).optional(),
  account: z
    .object({ name: name.optional(), email, linkedinUrl: linkedin })
    .optional(),
  people: z.array(PersonSchema).max(500),
  messages: z.array(MessageSchema).max(1000).default([]),
  threadId: short(500).optional(),
});
export type PageContext = z.infer<typeof PageContextSchema>;
