import { z } from 'zod/mini';
import { DepartmentSchema } from './common';
import { cleanText, normalizeEmail } from './normalize';

/*
 * Automatic logging (issue 11): every mail with a known contact on screen becomes a touchpoint.
 * The user's settings say whether it runs, whether message text is kept, which department their
 * mail counts for, and whom never to log (private contacts, colleagues): addresses and domains.
 */

/** One "never log" entry: an address (`name@host`) or a whole domain (`host`, `@host`, `*.host`). */
export type NeverLogEntry = string;

export const LoggingSettingsSchema = z.object({
  /** Log every mail with a known contact on screen (Gmail, Outlook). Never on LinkedIn. */
  autoLog: z._default(z.boolean(), true),
  /** Keep the message text of automatically logged mail (otherwise only saving the conversation stores it). */
  keepText: z._default(z.boolean(), false),
  /** The user's own department: captured mail counts for it unless changed per entry. */
  department: z._default(DepartmentSchema, 'sales'),
  /** Addresses and domains never logged and never offered as new contacts. */
  neverLog: z._default(z.array(z.string().check(z.maxLength(320))).check(z.maxLength(10_000)), []),
});
export type LoggingSettings = z.infer<typeof LoggingSettingsSchema>;

/** The settings when none were saved, or when what was saved does not parse. */
export function loggingSettings(value: unknown): LoggingSettings {
  const parsed = LoggingSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : LoggingSettingsSchema.parse({});
}

const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}$/u;

/**
 * A typed "never log" entry in its stored form: an address in lower case, or a domain as `@host`
 * (`host`, `@host`, `*.host` all mean the domain). Undefined when it is neither.
 */
export function parseNeverLogEntry(raw: string): NeverLogEntry | undefined {
  const text = cleanText(raw).toLowerCase().replace(/^mailto:/, '');
  if (!text) return undefined;
  const at = text.lastIndexOf('@');
  if (at > 0) {
    const email = normalizeEmail(text);
    return email && DOMAIN.test(email.slice(email.lastIndexOf('@') + 1)) ? email : undefined;
  }
  const host = text.slice(at + 1).replace(/^\*?\./, '');
  return DOMAIN.test(host) ? `@${host}` : undefined;
}

/** The entries of a pasted list (one per line, or separated by commas or semicolons), cleaned, without repeats. */
export function parseNeverLogList(text: string): { entries: NeverLogEntry[]; invalid: string[] } {
  const entries = new Set<NeverLogEntry>();
  const invalid: string[] = [];
  for (const part of text.split(/[\n,;]+/)) {
    if (!part.trim()) continue;
    const entry = parseNeverLogEntry(part);
    if (entry) entries.add(entry);
    else invalid.push(part.trim());
  }
  return { entries: [...entries], invalid };
}

/**
 * A test for "is this address on the never-log list?": an address entry matches that address, a
 * domain entry matches the domain and its subdomains (`@acme.example` covers `eu.acme.example`).
 */
export function neverLogMatcher(list: readonly NeverLogEntry[]): (email: string | undefined) => boolean {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  for (const raw of list) {
    const entry = parseNeverLogEntry(raw);
    if (!entry) continue;
    if (entry.startsWith('@')) domains.add(entry.slice(1));
    else addresses.add(entry);
  }
  if (addresses.size === 0 && domains.size === 0) return () => false;
  return (email) => {
    if (!email) return false;
    const address = normalizeEmail(email);
    if (addresses.has(address)) return true;
    let host = address.slice(address.lastIndexOf('@') + 1);
    for (;;) {
      if (domains.has(host)) return true;
      const dot = host.indexOf('.');
      if (dot < 0) return false;
      host = host.slice(dot + 1);
    }
  };
}

/**
 * A contact the list covers whole (every address of theirs is on it: a colleague, a private
 * contact): never attached to an entry by a way that shows no address — their LinkedIn profile, or
 * being the contact in focus when a conversation is saved. A contact with one listed address among
 * others is still logged by the others.
 */
export function neverLoggedContact(neverLog: (email: string | undefined) => boolean, emails: readonly string[]): boolean {
  return emails.length > 0 && emails.every((email) => neverLog(email));
}
