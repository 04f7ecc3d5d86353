import { cleanText, normalizeEmail } from '../domain/normalize';
import type { RawMessage, RawPageContext, RawPerson, Role } from './types';

/**
 * Small DOM helpers shared by the site adapters. They run in content scripts on hostile pages, so:
 * query methods are taken from the prototypes once (a page can clobber `document.querySelector` with
 * `<img name=querySelector>`), nothing forces layout inside loops, and every helper swallows errors.
 */

type Root = Document | Element;
const HAS_DOM = typeof Document !== 'undefined' && typeof Element !== 'undefined';
const DOC_QS = HAS_DOM ? Document.prototype.querySelector : undefined;
const DOC_QSA = HAS_DOM ? Document.prototype.querySelectorAll : undefined;
const EL_QS = HAS_DOM ? Element.prototype.querySelector : undefined;
const EL_QSA = HAS_DOM ? Element.prototype.querySelectorAll : undefined;
const EL_CLOSEST = HAS_DOM ? Element.prototype.closest : undefined;
const EL_ATTR = HAS_DOM ? Element.prototype.getAttribute : undefined;
const TITLE = HAS_DOM ? Object.getOwnPropertyDescriptor(Document.prototype, 'title')?.get : undefined;

const isDoc = (root: Root): root is Document => root.nodeType === 9;

/** First element matching `selector` under `root`, or null (never throws, also on bad selectors). */
export function q(root: Root | null | undefined, selector: string): Element | null {
  if (!root) return null;
  try {
    const fn = (isDoc(root) ? DOC_QS : EL_QS) ?? root.querySelector;
    return fn.call(root, selector) as Element | null;
  } catch {
    return null;
  }
}

/** All elements matching `selector` under `root`, as an array (empty on any failure). */
export function qa(root: Root | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    const fn = (isDoc(root) ? DOC_QSA : EL_QSA) ?? root.querySelectorAll;
    return Array.from(fn.call(root, selector) as NodeListOf<Element>);
  } catch {
    return [];
  }
}

/** The first selector of an ordered list (stablest first) that matches. */
export function qFirst(root: Root | null | undefined, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = q(root, selector);
    if (found) return found;
  }
  return null;
}

/** All matches of the first selector of an ordered list that matches anything. */
export function qaFirst(root: Root | null | undefined, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = qa(root, selector);
    if (found.length) return found;
  }
  return [];
}

export function closest(el: Element | null | undefined, selector: string): Element | null {
  if (!el) return null;
  try {
    return (EL_CLOSEST ?? el.closest).call(el, selector);
  } catch {
    return null;
  }
}

export function attr(el: Element | null | undefined, name: string): string {
  if (!el) return '';
  try {
    return (EL_ATTR ?? el.getAttribute).call(el, name) ?? '';
  } catch {
    return '';
  }
}

/** The document title, read through the prototype getter (immune to `<img name=title>`). */
export function docTitle(doc: Document): string {
  try {
    return cleanText(String(TITLE ? TITLE.call(doc) : doc.title));
  } catch {
    return '';
  }
}

/** Runs one extraction strategy; a throw counts as "nothing found". */
export function attempt<T>(fn: () => T | undefined | null | ''): T | undefined {
  try {
    const value = fn();
    return value === null || value === '' ? undefined : (value as T | undefined);
  } catch {
    return undefined;
  }
}

/** The first strategy that yields a non-empty value. */
export function firstOf<T>(...strategies: (() => T | undefined | null | '')[]): T | undefined {
  for (const strategy of strategies) {
    const value = attempt(strategy);
    if (value !== undefined) return value;
  }
  return undefined;
}

function inlineHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el as HTMLElement).style;
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/**
 * Whether an element is rendered. Uses `checkVisibility()` where the engine has it (layout-aware in
 * browsers, style-aware in happy-dom) and an ancestor walk over `hidden` / inline styles otherwise.
 * Costs a style recalculation: call it on a handful of candidate containers, never inside text walks.
 */
export function isShown(el: Element | null | undefined): boolean {
  if (!el || !el.isConnected) return false;
  try {
    const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  } catch {
    // fall through to the attribute walk
  }
  for (let node: Element | null = el; node; node = node.parentElement) if (inlineHidden(node)) return false;
  return true;
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TR UL'.split(' '),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);

/**
 * Visible text of an element as `innerText` would give it, computed by walking the tree so it is the
 * same in a browser and in a unit-test DOM: skips `hidden` / inline `display:none` subtrees and anything
 * matching `skip` (quoted history), renders `<br>` and block boundaries as line breaks and emoji images
 * as their emoji. Whitespace runs collapse to one space; at most one blank line in a row. No layout.
 */
export function visibleText(el: Element | null | undefined, skip = '', max = 200_000): string {
  if (!el) return '';
  const out: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length > max) return;
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
      out.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName;
    if (SKIP.has(tag) || inlineHidden(element)) return;
    if (skip && element !== el) {
      try {
        if (element.matches(skip)) return;
      } catch {
        // an invalid skip selector skips nothing
      }
    }
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    if (tag === 'IMG') {
      const emoji = attr(element, 'data-emoji');
      if (emoji) out.push(emoji);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (tag === 'TD' || tag === 'TH') out.push(' ');
    if (block) out.push('\n');
  };
  try {
    walk(el);
  } catch {
    // partial text is better than none
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, max);
}

/** Plain `textContent`, cleaned for display (names, headlines). */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  try {
    return cleanText(el.textContent ?? '');
  } catch {
    return '';
  }
}

/**
 * Cuts a string to `max` UTF-16 units (the schema limits) without splitting a surrogate pair,
 * marking the cut with an ellipsis.
 */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end) + '…';
}

function hex(code: number): string {
  return code.toString(16).padStart(4, '0');
}

// cleanText's set minus the joiner (U+200D) and emoji presentation selector (U+FE0F), which emoji need.
// Built from code points: several of these are combining marks, which confuse a literal character class.
const NAME_INVISIBLE = new RegExp(
  `[${[[0xad], [0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180e], [0x200b, 0x200c], [0x200e, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164], [0xfe00, 0xfe0e], [0xfeff], [0xffa0]]
    .map(([from, to]) => (to ? `\\u${hex(from!)}-\\u${hex(to)}` : `\\u${hex(from!)}`))
    .join('')}]`,
  'g',
);
const STRAY_JOINER = /\u200D(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|(?<!\p{Extended_Pictographic})\uFE0F/gu;

/**
 * A display name as written: zero-width and bidi controls removed (so "\u202Efdp.exe" cannot reorder
 * what the user reads), whitespace folded, emoji sequences (ZWJ families, flags) kept, at most 500 units.
 */
export function displayName(value: string | null | undefined): string {
  return clip((value ?? '').replace(NAME_INVISIBLE, '').replace(STRAY_JOINER, '').replace(/\s+/g, ' ').trim(), 500);
}

/**
 * Matching key for an address: `normalizeEmail`, or for something that is address-shaped but not
 * valid (a hostile page's `"><svg…>@evil.example`) the cleaned, lower-cased string, so the person is
 * still shown with the address the page really gave. '' when there is no `@` at all.
 */
export function emailKey(value: string | null | undefined): string {
  if (!value) return '';
  const normal = normalizeEmail(value);
  if (normal) return normal;
  const cleaned = cleanText(value).replace(/^mailto:/i, '').toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(cleaned) ? clip(cleaned, 320) : '';
}

const ROLE_RANK: Record<Role, number> = { sender: 0, profile: 0, participant: 1, result: 1, recipient: 2, cc: 3 };

/**
 * Collects people in order of first appearance, merged by email then LinkedIn URL then name; the
 * strongest role wins (a sender who was also cc'd is a sender), and the longest name is kept (a full
 * name beats the short "Priya" or an address used as name).
 */
export class PeopleCollector {
  private readonly people: RawPerson[] = [];
  private readonly index = new Map<string, RawPerson>();

  constructor(private readonly isSelf: (person: { name: string; email?: string; linkedinUrl?: string }) => boolean) {}

  add(person: RawPerson): void {
    if (!person.name && !person.email && !person.linkedinUrl) return;
    if (this.isSelf(person)) return;
    const keys = [
      person.email ? `e:${person.email}` : '',
      person.linkedinUrl ? `l:${person.linkedinUrl}` : '',
      !person.email && !person.linkedinUrl && person.name ? `n:${person.name.toLowerCase()}` : '',
    ].filter(Boolean);
    let existing = keys.map((key) => this.index.get(key)).find(Boolean);
    // A name-only person (Outlook colleague) merges with the same name seen elsewhere.
    if (!existing && person.name) existing = this.index.get(`n:${person.name.toLowerCase()}`);
    if (!existing && person.name && !person.email) {
      existing = this.people.find((p) => p.name.toLowerCase() === person.name.toLowerCase());
    }
    if (existing) {
      if (ROLE_RANK[person.role] < ROLE_RANK[existing.role]) existing.role = person.role;
      const better = person.name && (!existing.name || existing.name === existing.email || person.name.length > existing.name.length);
      if (better && person.name !== person.email) existing.name = person.name;
      for (const field of ['email', 'linkedinUrl', 'headline', 'title', 'company', 'location'] as const) {
        if (!existing[field] && person[field]) existing[field] = person[field];
      }
    } else {
      existing = { ...person };
      this.people.push(existing);
    }
    for (const key of [
      existing.email ? `e:${existing.email}` : '',
      existing.linkedinUrl ? `l:${existing.linkedinUrl}` : '',
      existing.name ? `n:${existing.name.toLowerCase()}` : '',
    ]) {
      if (key) this.index.set(key, existing);
    }
  }

  list(): RawPerson[] {
    return this.people.slice(0, 500);
  }
}

/**
 * A message's date as the page prints it: the forms to try in order (empty ones and repeats left
 * out), read into an instant in the background. Undefined when the page prints none.
 */
export function printedDate(...forms: string[]): string[] | undefined {
  const kept: string[] = [];
  for (const form of forms) {
    const value = clip(form.trim(), 200);
    if (value && !kept.includes(value)) kept.push(value);
  }
  return kept.length ? kept : undefined;
}

/** Sets a message's printed date, or marks it undated when the page prints none. */
export function setPrintedDate(message: RawMessage, ...forms: string[]): void {
  const printed = printedDate(...forms);
  if (printed) message.printedDate = printed;
  else message.undated = true;
}

/** The page's language (`<html lang>`), which its printed dates are read in; set only when a message has one. */
export function setPageLang(context: RawPageContext, doc: Document): void {
  const lang = clip(attr(doc.documentElement, 'lang').trim(), 35);
  if (lang && context.messages.some((m) => m.printedDate)) context.lang = lang;
}

const INPUT_VALUE = typeof HTMLInputElement !== 'undefined' ? Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get : undefined;
const AREA_VALUE = typeof HTMLTextAreaElement !== 'undefined' ? Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.get : undefined;

/** The current value of an `<input>` / `<textarea>` (what the user typed), read through the prototype. */
export function fieldValue(el: Element | null | undefined): string {
  if (!el) return '';
  try {
    const get = el.tagName === 'INPUT' ? INPUT_VALUE : el.tagName === 'TEXTAREA' ? AREA_VALUE : undefined;
    return String((get ? get.call(el) : (el as HTMLInputElement).value) ?? '');
  } catch {
    return '';
  }
}

const ADDRESS_TOKEN = /(?:"([^"]*)"\s*|([^,;<>"\n]*?)\s*)<([^<>\s]*)>|([^\s,;<>"]+)/g;

/**
 * Addresses typed into a recipient field: `a@b.example`, `Name <a@b.example>`, `"Last, First" <…>`,
 * separated by commas, semicolons or whitespace. Only valid addresses count; the rest is ignored.
 */
export function parseAddressList(text: string, max = 100): { name: string; email: string }[] {
  const out: { name: string; email: string }[] = [];
  for (const m of text.slice(0, 20_000).matchAll(ADDRESS_TOKEN)) {
    const email = normalizeEmail(m[3] ?? m[4] ?? '');
    if (!email) continue;
    out.push({ name: displayName(m[1] ?? m[2]) || email, email });
    if (out.length >= max) break;
  }
  return out;
}

/** The nearest ancestor of `el` (itself excluded) for which `test` holds, within `depth` levels. */
export function ancestorWhere(el: Element | null | undefined, test: (candidate: Element) => boolean, depth = 16): Element | null {
  for (let node = el?.parentElement ?? null; node && depth-- > 0; node = node.parentElement) if (test(node)) return node;
  return null;
}

/** A compose's recipients: what the user is about to send to (roles recipient / cc). */
export interface ComposeRecipients {
  to: { name: string; email?: string }[];
  cc: { name: string; email?: string }[];
}

/**
 * People while composing: the recipients first, with the role they have in this message (the guard
 * warns about whoever is being written to), then, for a reply inline in a conversation, the other
 * people of that conversation. A recipient known from the conversation keeps the fuller name.
 */
export function composePeople(compose: ComposeRecipients, others: RawPerson[], isSelf: (p: { name: string; email?: string }) => boolean): RawPerson[] {
  const people = new PeopleCollector(isSelf);
  for (const a of compose.to) people.add({ ...a, role: 'recipient' });
  for (const a of compose.cc) people.add({ ...a, role: 'cc' });
  const list = people.list();
  const rest: RawPerson[] = [];
  for (const other of others) {
    const same = list.find((p) => (p.email && other.email ? p.email === other.email : p.name.toLowerCase() === other.name.toLowerCase()));
    if (!same) rest.push(other);
    else if (other.name && (same.name === same.email || !same.name) && other.name !== other.email) same.name = other.name;
  }
  return [...list, ...rest].slice(0, 500);
}

/** An adapter's extract that never throws: any failure degrades to an empty context for the URL. */
export function neverThrows(
  site: RawPageContext['site'],
  extract: (doc: Document, url: URL) => RawPageContext,
): (doc: Document, url: URL) => RawPageContext {
  return (doc, url) => {
    try {
      return extract(doc, url);
    } catch {
      return { site, view: 'other', url: url.href, people: [], messages: [] };
    }
  };
}

/** Adds a message's sender, To and Cc as people on screen. */
export function addMessagePeople(people: PeopleCollector, message: RawMessage): void {
  if (message.from) people.add({ ...message.from, role: 'sender' });
  for (const to of message.to) people.add({ ...to, role: 'recipient' });
  for (const cc of message.cc) people.add({ ...cc, role: 'cc' });
}
