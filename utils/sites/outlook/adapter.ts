import {
  attempt,
  attr,
  clip,
  displayName,
  docTitle,
  emailKey,
  firstOf,
  isShown,
  PeopleCollector,
  parseLocalDateTime,
  q,
  qa,
  qaFirst,
  qFirst,
  textOf,
  visibleText,
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
  const name = firstOf(
    () => displayName(/\bfor\s+(.+)$/i.exec(attr(qFirst(doc, S.ACCOUNT_BUTTON), 'aria-label'))?.[1]),
    () => {
      // "Mail - Dana Whitfield - Outlook", "Subject - Dana Whitfield - Outlook"
      const parts = docTitle(doc).split(' - ');
      return parts.length >= 3 && /outlook/i.test(parts[parts.length - 1]!) ? displayName(parts[parts.length - 2]) : '';
    },
    () => displayName(textOf(tree?.firstElementChild)),
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
  for (const row of qa(message, S.RECIPIENT_ROW)) {
    const label = attr(row, 'aria-label');
    const target = S.TO_LABEL.test(label) ? to : S.CC_LABEL.test(label) ? cc : null;
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
  const sentAt = attempt(() => parseLocalDateTime(attr(dateEl, 'title') || textOf(dateEl)));
  if (sentAt) message.sentAt = sentAt;
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

/** Reads Outlook on the web: the conversation (or deep-linked item) in the reading pane. */
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
  let root: Element | null = null;
  for (const selector of S.READING_ROOT) {
    root = qa(doc, selector).find((el) => isShown(el)) ?? null;
    if (root) break;
  }
  const messageEls = qaFirst(root, S.MESSAGE);
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

  const lowerName = account.name?.toLowerCase();
  const people = new PeopleCollector(
    (p) => (!!p.email && p.email === account.email) || (!!lowerName && p.name.toLowerCase() === lowerName && (!p.email || !account.email)),
  );
  messageEls.slice(0, 1000).forEach((el, index) => {
    const message = attempt(() => readMessage(el, index, threadId));
    if (!message) return;
    context.messages.push(message);
    if (message.from) people.add({ ...message.from, role: 'sender' });
    for (const to of message.to) people.add({ ...to, role: 'recipient' });
    for (const cc of message.cc) people.add({ ...cc, role: 'cc' });
  });
  context.people = people.list();
  return context;
}

export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  matches: matchesOutlook,
  extract(doc, url) {
    try {
      return extractOutlook(doc, url);
    } catch {
      return { site: 'outlook', view: 'other', url: url.href, people: [], messages: [] };
    }
  },
  observeRoot: (doc) => qFirst(doc, S.OBSERVE_ROOT)?.parentElement ?? doc.body,
};
