import { cleanText } from '../../domain/normalize';
import {
  attempt,
  attr,
  ancestorWhere,
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
import { isListRoute, matchesGmail, threadToken } from './urls';

type Address = { name: string; email?: string };
type Account = { name?: string; email?: string };

const ACCOUNT_LABEL = /:\s*([^()]*?)\s*\(\s*([^()\s]+@[^()\s]+)\s*\)/;

/** The signed-in user: address from the title ("… - me@x - Gmail"), then the account button, then "me" spans. */
function readAccount(doc: Document): Account {
  const label = attempt(() => attr(qFirst(doc, S.ACCOUNT_LINK), 'aria-label')) ?? '';
  const fromLabel = ACCOUNT_LABEL.exec(cleanText(label));
  const email = firstOf(
    () =>
      docTitle(doc)
        .split(' - ')
        .reverse()
        .map((part) => emailKey(part))
        .find(Boolean),
    () => emailKey(fromLabel?.[2]),
    () => emailKey(attr(qFirst(doc, S.ME), 'email')),
  );
  const name = attempt(() => displayName(fromLabel?.[1]));
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/** The first rendered match of an ordered selector list (hidden stale views and decoys are skipped). */
function firstShown(doc: Document, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const shown = qa(doc, selector).find((el) => isShown(el));
    if (shown) return shown;
  }
  return null;
}

function address(el: Element, account: Account): Address | undefined {
  const email = emailKey(attr(el, 'email')) || emailKey(attr(el, 'data-hovercard-id'));
  let name = displayName(attr(el, 'name')) || displayName(attr(el, 'data-name')) || displayName(textOf(el));
  if (email && account.email === email && (!name || S.ME_NAME.test(name))) name = account.name ?? '';
  if (!name && !email) return undefined;
  return { name: name || email, ...(email ? { email } : {}) };
}

function readSender(item: Element, account: Account): Address | undefined {
  const el = qFirst(item, S.SENDER);
  if (el) {
    const found = address(el, account);
    if (found?.email) return found;
    // No address attribute: the "<address>" span next to the name (.go) is the next strategy.
    const shown = emailKey(textOf(q(item, '.go')).replace(/[<>]/g, ''));
    if (found) return shown ? { ...found, email: shown } : found;
  }
  return undefined;
}

function readRecipients(item: Element, account: Account): { to: Address[]; cc: Address[] } {
  const to: Address[] = [];
  const cc: Address[] = [];
  const table = qFirst(item, S.DETAILS_TABLE);
  if (table && q(table, '[email]')) {
    for (const row of qa(table, 'tr')) {
      const label = textOf(row.firstElementChild).toLowerCase();
      if (q(row, '.gD') || S.DETAILS_FROM.test(label)) continue;
      const target = S.DETAILS_CC.test(label) ? cc : to;
      for (const el of qa(row, '[email]')) {
        const found = address(el, account);
        if (found) target.push(found);
      }
    }
    if (to.length || cc.length) return { to, cc };
  }
  for (const el of qaFirst(item, S.RECIPIENTS)) {
    const found = address(el, account);
    if (found) to.push(found);
  }
  return { to, cc };
}

function readMessage(item: Element, index: number, threadId: string, account: Account): RawMessage {
  const idEl = qFirst(item, S.MESSAGE_ID);
  const id =
    attr(idEl, 'data-message-id').replace(/^#/, '') || attr(idEl, 'data-legacy-message-id') || `${threadId || 'thread'}:${index}`;
  const from = attempt(() => readSender(item, account));
  const { to, cc } = attempt(() => readRecipients(item, account)) ?? { to: [], cc: [] };
  const dateEl = qFirst(item, S.DATE);
  const body = qFirst(item, S.BODY);
  const message: RawMessage = { id: clip(id, 500), to, cc, text: '' };
  if (from) message.from = from;
  setPrintedDate(message, attr(dateEl, 'title'), attr(dateEl, 'alt'), textOf(dateEl));
  if (body) {
    message.text = visibleText(body, S.QUOTE);
  } else {
    // Collapsed: the body is not in the DOM, only Gmail's snippet.
    const snippet = textOf(qFirst(item, S.SNIPPET)).replace(/\s*…$/, '');
    if (snippet) {
      message.text = snippet;
      message.snippet = true;
    }
  }
  return message;
}

function messageItems(container: Element): Element[] {
  const items: Element[] = [];
  const seen = new Set<Element>();
  for (const idEl of qaFirst(container, S.MESSAGE_ID)) {
    let item: Element | null = null;
    for (const selector of S.MESSAGE_ITEM) item ??= closest(idEl, selector);
    item ??= idEl;
    if (!container.contains(item) || seen.has(item)) continue;
    // A message nested in another item (quoted forward markup) belongs to the outer one.
    if (items.some((outer) => outer.contains(item))) continue;
    seen.add(item);
    items.push(item);
  }
  return items.length ? items : qaFirst(container, S.MESSAGE_ITEM_FALLBACK);
}

interface Compose extends ComposeRecipients {
  inline: boolean;
  subject: string;
}

/** One recipient field (to / cc / bcc): chips, then the older hidden inputs, then text typed but not yet a chip. */
function readField(root: Element, name: string, account: Account): Address[] {
  const row =
    q(root, `.anm[name="${name}"], div[name="${name}"]`) ??
    closest(q(root, `textarea[name="${name}"], input[name="${name}"]:not([type=hidden])`), 'tr');
  const found: Address[] = [];
  if (!row) return found;
  for (const chip of qaFirst(row, S.COMPOSE_CHIP)) {
    const one = address(chip, account);
    if (one) found.push(one);
  }
  if (!found.length) for (const hidden of qa(row, S.COMPOSE_HIDDEN)) found.push(...parseAddressList(fieldValue(hidden)));
  for (const field of qa(row, 'input:not([type=hidden]), textarea')) found.push(...parseAddressList(fieldValue(field)));
  return found;
}

/**
 * The compose the user is working in: among the open ones (body editor shown, so not minimised), the
 * one holding the focus, else the newest. A "recipient field" inside received mail is content, not a compose.
 */
function readCompose(doc: Document, account: Account): Compose | undefined {
  const roots: Element[] = [];
  for (const field of qaFirst(doc, S.COMPOSE_FIELD)) {
    if (closest(field, S.MESSAGE_CONTENT)) continue;
    const root = S.COMPOSE.map((selector) => closest(field, selector)).find(Boolean) ?? ancestorWhere(field, (el) => !!qFirst(el, S.COMPOSE_BODY));
    if (root && !roots.includes(root) && isShown(qFirst(root, S.COMPOSE_BODY) ?? root)) roots.push(root);
  }
  const active = doc.activeElement;
  const root = roots.find((r) => active && r.contains(active)) ?? roots[roots.length - 1];
  if (!root) return undefined;
  return {
    inline: !closest(root, '[role=dialog]') && S.THREAD_CONTAINER.some((selector) => closest(root, selector)),
    subject: displayName(fieldValue(qFirst(root, S.COMPOSE_SUBJECT))),
    to: readField(root, 'to', account),
    cc: [...readField(root, 'cc', account), ...readField(root, 'bcc', account)],
  };
}

/**
 * Reads Gmail: the open conversation (also in the reading pane); list views give no people. A compose
 * in focus makes the view `compose`: a new message window reports its recipients only, a reply inline
 * in a conversation reports its recipients first, then the conversation's other people.
 */
export function extractGmail(doc: Document, url: URL): RawPageContext {
  const context: RawPageContext = { site: 'gmail', view: 'other', url: url.href, people: [], messages: [] };
  const account = attempt(() => readAccount(doc)) ?? {};
  if (account.email || account.name) context.account = account;
  const isSelf = (p: { email?: string }) => !!p.email && p.email === account.email;
  const compose = attempt(() => readCompose(doc, account));
  if (compose && !compose.inline) {
    context.view = 'compose';
    if (compose.subject) context.subject = clip(compose.subject, 2000);
    context.people = composePeople(compose, [], isSelf);
    return context;
  }
  readPane(doc, url, context, account);
  if (compose && context.view === 'email-thread') {
    context.view = 'compose';
    context.people = composePeople(compose, context.people, isSelf);
  }
  return context;
}

function readPane(doc: Document, url: URL, context: RawPageContext, account: Account): RawPageContext {
  const subjectEl = attempt(() => firstShown(doc, S.SUBJECT));
  if (!subjectEl) {
    if (isListRoute(url)) context.view = 'inbox';
    return context;
  }
  // The hash already names a list while the old conversation is still on screen (Gmail swaps views a
  // moment later): report the list, not the previous thread's people. In reading-pane mode the list
  // stays visible next to the open conversation, so a shown list means the conversation is current.
  if (!threadToken(url) && isListRoute(url) && !isShown(qFirst(doc, S.LIST))) {
    context.view = 'inbox';
    return context;
  }
  context.view = 'email-thread';
  let container: Element | null = null;
  for (const selector of S.THREAD_CONTAINER) {
    const candidate = closest(subjectEl, selector);
    if (candidate && q(candidate, '[data-message-id], .adn, .h7, .kv')) {
      container = candidate;
      break;
    }
  }
  const threadId =
    attr(subjectEl, 'data-thread-perm-id') || attr(subjectEl, 'data-legacy-thread-id') || attempt(() => threadToken(url)) || '';
  if (threadId) context.threadId = clip(threadId, 500);
  const subject = firstOf(
    () => visibleText(subjectEl).replace(/\s+/g, ' '),
    () => docTitle(doc).split(' - ').slice(0, -2).join(' - '),
  );
  if (subject) context.subject = clip(subject, 2000);
  if (!container) return context;

  const people = new PeopleCollector((p) => !!p.email && p.email === account.email);
  const items = messageItems(container).slice(0, 1000);
  items.forEach((item, index) => {
    const message = attempt(() => readMessage(item, index, threadId, account));
    if (!message) return;
    context.messages.push(message);
    addMessagePeople(people, message);
  });
  context.people = people.list();
  setPageLang(context, doc);
  return context;
}

export const gmailAdapter: SiteAdapter = {
  site: 'gmail',
  matches: matchesGmail,
  extract: neverThrows('gmail', extractGmail),
  observeRoot: (doc) =>
    qFirst(doc, S.OBSERVE_ROOT) ?? q(doc, '[role=main]')?.parentElement?.parentElement ?? doc.body,
  // Compose windows are docked at the end of <body>, outside the main pane.
  extraRoots: (doc) => [
    ...qaFirst(doc, S.COMPOSE_DOCK),
    ...qaFirst(doc, S.COMPOSE_FIELD).map((field) => closest(field, '[role=dialog]')).filter((el): el is Element => !!el),
  ],
  quiet: S.QUIET,
};
