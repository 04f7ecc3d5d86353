import {
  ancestorWhere,
  attempt,
  attr,
  clip,
  closest,
  composePeople,
  type ComposeRecipients,
  displayName,
  docTitle,
  emailKey,
  fieldValue,
  firstOf,
  isShown,
  PeopleCollector,
  parseAddressList,
  q,
  qa,
  qaFirst,
  qFirst,
  textOf,
  visibleText,
  addMessagePeople,
  neverThrows,
  setPageLang,
  setPrintedDate,
} from '../dom';
import type { RawMessage, RawPageContext, SiteAdapter } from '../types';
import * as S from './selectors';
import { isMailRoute, matchesOutlook, routeId, sameId } from './urls';

type Address = { name: string; email?: string };
type Account = { name?: string; email?: string };

function readAccount(doc: Document): Account {
  const tree = qFirst(doc, S.ACCOUNT_EMAIL);
  const email = firstOf(
    () => emailKey(attr(tree, 'data-folder-name')),
    () => emailKey(attr(tree, 'title')),
    () => emailKey(attr(tree, 'aria-label').match(/[^\s()<>]+@[^\s()<>]+/)?.[0]),
  );
  // Language-free sources first: the mailbox root's name, the title's position; the button's label
  // ("Account manager for …") is English.
  const name = firstOf(
    () => displayName(textOf(tree?.firstElementChild)),
    () => {
      // "Mail - Dana Whitfield - Outlook", "E-Mail - Dana Whitfield - Outlook"
      const parts = docTitle(doc).split(' - ');
      return parts.length >= 3 && /outlook/i.test(parts[parts.length - 1]!) ? displayName(parts[parts.length - 2]) : '';
    },
    () => displayName(/\bfor\s+(.+)$/i.exec(attr(qFirst(doc, S.ACCOUNT_BUTTON), 'aria-label'))?.[1]),
  );
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/** "From: Name <address>" → name and address (the prefix is localised, so anything before the colon). */
function parseLabelled(label: string): Address | undefined {
  const body = label.includes(':') ? label.slice(label.indexOf(':') + 1) : label;
  const match = /^\s*(.*?)\s*(?:<([^<>]*)>)?\s*$/.exec(body);
  const email = emailKey(match?.[2]) || emailKey(match?.[1]);
  const name = displayName(match?.[1]) || email;
  if (!name) return undefined;
  return email ? { name, email } : { name };
}

function pillAddress(text: string): Address | undefined {
  const name = displayName(text);
  if (!name) return undefined;
  const email = emailKey(name);
  return email ? { name, email } : { name };
}

function readRecipients(message: Element): { to: Address[]; cc: Address[] } {
  const to: Address[] = [];
  const cc: Address[] = [];
  // Rows beside the From holder, in OWA's fixed order (To, Cc, Bcc): the position decides when the
  // label's language is not in the table.
  const fromHolder = q(message, '[id^="MSG_"][id$="_FROM"]');
  const siblings = fromHolder?.parentElement ? Array.from(fromHolder.parentElement.children) : [];
  let unknown = 0;
  for (const row of qa(message, S.RECIPIENT_ROW)) {
    const label = attr(row, 'aria-label');
    let target = S.TO_LABEL.test(label) ? to : S.CC_LABEL.test(label) ? cc : null;
    if (!target && row !== fromHolder && siblings.includes(row) && S.ANY_LABEL.test(label) && qaFirst(row, S.PILL).length) {
      target = unknown++ === 0 ? to : cc;
    }
    if (!target) continue;
    const pills = qaFirst(row, S.PILL);
    const texts = pills.length
      ? pills.map((pill) => textOf(pill))
      : label.slice(label.indexOf(':') + 1).split(/[;,]\s+/);
    for (const text of texts) {
      const found = pillAddress(text);
      if (found) target.push(found);
    }
  }
  return { to, cc };
}

function readMessage(el: Element, index: number, threadId: string): RawMessage {
  const fromHolder = q(el, '[id^="MSG_"][id$="_FROM"]');
  const dateEl = qFirst(el, S.DATE);
  const itemId = attr(fromHolder, 'id').replace(/^MSG_|_FROM$/g, '') || attr(dateEl, 'id').replace(/^MSG_|_DATETIME$/g, '');
  const message: RawMessage = { id: clip(itemId || `${threadId || 'conversation'}:${index}`, 500), to: [], cc: [], text: '' };
  const from = firstOf(
    () => parseLabelled(attr(qFirst(el, S.FROM), 'aria-label')),
    () => pillAddress(textOf(qFirst(el, S.FROM_NAME))),
  );
  if (from) message.from = from;
  const recipients = attempt(() => readRecipients(el));
  if (recipients) Object.assign(message, recipients);
  setPrintedDate(message, attr(dateEl, 'title'), textOf(dateEl));
  const body = qFirst(el, S.BODY);
  if (body) {
    message.text = visibleText(body, S.QUOTE);
  } else {
    const snippet = textOf(qFirst(el, S.SNIPPET)).replace(/\s*…$/, '');
    if (snippet) {
      message.text = snippet;
      message.snippet = true;
    }
  }
  return message;
}

interface Compose extends ComposeRecipients {
  inline: boolean;
  subject: string;
}

const ADDRESS_IN = /[^\s<>()"',;]+@[^\s<>()"',;]+/;

/** A resolved pill: the address from `title` / `aria-label` / text where OWA shows one, the name as written. */
function pillRecipient(pill: Element): Address | undefined {
  const texts = [attr(pill, 'title'), attr(pill, 'aria-label'), textOf(pill)];
  const email = texts.map((text) => emailKey(ADDRESS_IN.exec(text)?.[0])).find(Boolean) ?? '';
  const name = texts
    .slice(1)
    .map((text) => displayName(text.replace(ADDRESS_IN, '').replace(/[<>(),;]/g, ' ')))
    .find(Boolean);
  if (!name && !email) return undefined;
  return email ? { name: name || email, email } : { name: name! };
}

/** Text of a well outside its pills: what the user typed and OWA has not resolved yet. */
function typedText(el: Element, pills: Element[]): string {
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1 && !pills.includes(child as Element)) out += ` ${typedText(child as Element, pills)} `;
  }
  return out;
}

function readWell(well: Element): Address[] {
  if (well.tagName === 'INPUT') return parseAddressList(fieldValue(well));
  const pills = qaFirst(well, S.COMPOSE_PILL);
  const found = pills.map(pillRecipient).filter((a): a is Address => !!a);
  found.push(...parseAddressList(typedText(well, pills)));
  for (const input of qa(well, 'input')) found.push(...parseAddressList(fieldValue(input)));
  return found;
}

/**
 * The recipient wells under `root`: by structure (an editable box with an address suggestion list)
 * or by a label from the table. The label says To or Cc; an unknown one falls back to OWA's order
 * (the first well is To, the later ones Cc and Bcc).
 */
function wellsOf(root: Element): { well: Element; cc: boolean }[] {
  const wells: { well: Element; cc: boolean }[] = [];
  const candidates = [...qa(root, S.WELL), ...qa(root, S.WELL_STRUCTURE)];
  for (const well of candidates) {
    if (wells.some((w) => w.well === well || w.well.contains(well))) continue;
    const label = attr(well, 'aria-label').trim();
    const cc = S.WELL_CC.test(label);
    if (cc || S.WELL_TO.test(label)) wells.push({ well, cc });
    else if (matches(well, S.WELL_STRUCTURE)) wells.push({ well, cc: wells.length > 0 });
  }
  return wells;
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** The compose's subject: a known field, else its one text input outside the wells. */
function subjectField(root: Element, wells: { well: Element }[]): Element | null {
  return (
    qFirst(root, S.COMPOSE_SUBJECT) ??
    qa(root, S.COMPOSE_SUBJECT_ANY).find((input) => !wells.some((w) => w.well === input || w.well.contains(input))) ??
    null
  );
}

/** The compose in focus: a shown body editor inside a container with recipient wells (focused one, else the newest). */
function readCompose(doc: Document): Compose | undefined {
  const roots: Element[] = [];
  for (const editor of qaFirst(doc, S.COMPOSE_BODY)) {
    const root = isShown(editor) ? ancestorWhere(editor, (el) => wellsOf(el).length > 0) : null;
    if (root && !roots.includes(root)) roots.push(root);
  }
  const active = doc.activeElement;
  const root = roots.find((r) => active && r.contains(active)) ?? roots[roots.length - 1];
  if (!root) return undefined;
  const wells = wellsOf(root);
  const compose: Compose = {
    inline: !!closest(root, S.READING_ROOT.join(', ')),
    subject: displayName(fieldValue(subjectField(root, wells))),
    to: [],
    cc: [],
  };
  for (const { well, cc } of wells) (cc ? compose.cc : compose.to).push(...readWell(well));
  return compose;
}

/**
 * Reads Outlook on the web: the conversation (or deep-linked item) in the reading pane. A compose in
 * focus makes the view `compose`: a new message reports its recipients only, a reply inline in the
 * conversation its recipients first, then the conversation's other people.
 */
export function extractOutlook(doc: Document, url: URL): RawPageContext {
  const context: RawPageContext = {
    site: 'outlook',
    view: isMailRoute(url) ? 'inbox' : 'other',
    url: url.href,
    people: [],
    messages: [],
  };
  const account = attempt(() => readAccount(doc)) ?? {};
  if (account.email || account.name) context.account = account;
  const lowerName = account.name?.toLowerCase();
  const isSelf = (p: { name: string; email?: string }) =>
    (!!p.email && p.email === account.email) || (!!lowerName && p.name.toLowerCase() === lowerName && (!p.email || !account.email));
  const compose = attempt(() => readCompose(doc));
  if (compose && !compose.inline) {
    context.view = 'compose';
    if (compose.subject) context.subject = clip(compose.subject, 2000);
    context.people = composePeople(compose, [], isSelf);
    return context;
  }
  readPane(doc, url, context, isSelf);
  if (compose && context.view === 'email-thread') {
    context.view = 'compose';
    context.people = composePeople(compose, context.people, isSelf);
  }
  return context;
}

function readPane(doc: Document, url: URL, context: RawPageContext, isSelf: (p: { name: string; email?: string }) => boolean): RawPageContext {
  let root: Element | null = null;
  for (const selector of S.READING_ROOT) {
    root = qa(doc, selector).find((el) => isShown(el)) ?? null;
    if (root) break;
  }
  // A list inside a message (attachments, a quoted mail's markup) is part of that message.
  const messageEls = qaFirst(root, S.MESSAGE).filter((el, _i, all) => !all.some((outer) => outer !== el && outer.contains(el)));
  if (!root || !messageEls.length) return context;
  context.view = 'email-thread';

  const threadId =
    firstOf(
      () => attr(root, 'data-convid'),
      () => (root.id === 'ItemReadingPaneContainer' ? '' : attr(qFirst(doc, S.SELECTED_ROW), 'data-convid')),
      () => attr(q(root, '[id^="CONV_"][id$="_SUBJECT"]'), 'id').replace(/^CONV_|_SUBJECT$/g, ''),
      () => routeId(url),
    ) ?? '';
  // The URL changes before the pane: a conversation id in the URL that differs from the one on screen
  // means the pane is stale, so report nothing rather than the previous conversation's people.
  const fromUrl = routeId(url);
  if (fromUrl && threadId && fromUrl.slice(0, 4) === threadId.slice(0, 4) && !sameId(fromUrl, threadId)) return context;
  if (threadId) context.threadId = clip(threadId, 500);

  const subjectEl = qFirst(root, S.SUBJECT);
  const subject = firstOf(
    () => displayName(attr(subjectEl, 'title')),
    () => visibleText(subjectEl).replace(/\s+/g, ' '),
  );
  if (subject) context.subject = clip(subject, 2000);

  const people = new PeopleCollector(isSelf);
  messageEls.slice(0, 1000).forEach((el, index) => {
    const message = attempt(() => readMessage(el, index, threadId));
    if (!message) return;
    context.messages.push(message);
    addMessagePeople(people, message);
  });
  context.people = people.list();
  setPageLang(context, doc);
  return context;
}

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  matches: matchesOutlook,
  extract: neverThrows('outlook', extractOutlook),
  observeRoot: (doc) => qFirst(doc, S.OBSERVE_ROOT)?.parentElement ?? doc.body,
  quiet: S.QUIET,
};
