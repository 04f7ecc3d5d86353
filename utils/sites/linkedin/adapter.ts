import {
  attempt,
  attr,
  clip,
  closest,
  displayName,
  docTitle,
  firstOf,
  PeopleCollector,
  q,
  qa,
  qaFirst,
  qFirst,
  textOf,
  visibleText,
  neverThrows,
  setPageLang,
  setPrintedDate,
} from '../dom';
import type { RawMessage, RawPageContext, RawPerson, SiteAdapter } from '../types';
import * as S from './selectors';
import { isPeopleSearchRoute, isProfileRoute, matchesLinkedIn, messagingThreadId, profileSlug, profileUrl, searchPage } from './urls';

type Viewer = { name?: string; linkedinUrl?: string };

const short = (value: string | undefined, max = 500) => (value ? clip(value, max) : undefined);

/** Name from "(2) Amara Okafor | LinkedIn". */
const titleName = (doc: Document) => displayName(docTitle(doc).replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, ''));

/** Visible copies of the doubled strings (LinkedIn renders each as aria-hidden text + a11y text). */
function entryTexts(entry: Element, exclude?: Element | null): string[] {
  const spans = qa(entry, 'span[aria-hidden=true]').filter((span) => !exclude?.contains(span));
  return spans.map((span) => textOf(span)).filter(Boolean);
}

function readExperience(main: Element): { title?: string; company?: string } {
  const section = qFirst(main, S.EXPERIENCE);
  const entry = qFirst(section, S.EXPERIENCE_ENTRY);
  if (!entry) return {};
  const sub = q(entry, S.SUB_ENTRY);
  if (sub) {
    // Several roles at one company: the entry names the company, the first sub-entry the current role.
    const group = closest(sub, '.pvs-entity__sub-components') ?? closest(sub, 'ul');
    return { company: entryTexts(entry, group)[0], title: entryTexts(sub)[0] };
  }
  const texts = entryTexts(entry);
  const lines = texts.length ? texts : qa(entry, 'p').map((p) => textOf(p));
  return { title: lines[0], company: lines[1]?.split(' · ')[0] };
}

/** SDUI top card: the `<p>`s after the name, minus badges ("· 1st", pronouns), up to the location. */
function sduiLines(card: Element, nameEl: Element | null, contact: Element | null): string[] {
  const lines: string[] = [];
  const stopAt = contact?.parentElement ?? null;
  for (const p of qa(card, 'p')) {
    if (nameEl && !(nameEl.compareDocumentPosition(p) & 4)) continue;
    if (stopAt && (stopAt.contains(p) || stopAt.compareDocumentPosition(p) & 4)) break;
    const text = textOf(p);
    if (!text || S.DEGREE.test(text) || /^\p{L}{2,6}\s*\/\s*\p{L}{2,6}$/u.test(text)) continue;
    lines.push(text);
  }
  return lines;
}

function extractProfile(doc: Document, url: URL, context: RawPageContext, viewer: Viewer): void {
  context.view = 'profile';
  const main = qFirst(doc, S.PROFILE_MAIN);
  if (!main) return;
  const card = qFirst(main, S.TOP_CARD) ?? main;
  const urlSlug = profileSlug(url.pathname);
  const screenSlug = firstOf(...S.PROFILE_SLUG_LINK.map((selector) => () => profileSlug(attr(q(card, selector) ?? q(main, selector), 'href'))));
  // LinkedIn pushes the new URL first and swaps the profile later: never pair the old person with the new URL.
  if (screenSlug && urlSlug && screenSlug !== urlSlug) return;
  const nameEl = qFirst(card, S.PROFILE_NAME) ?? qFirst(main, S.PROFILE_NAME);
  const name = firstOf(
    () => displayName(textOf(nameEl)),
    () => displayName(attr(q(card, 'img[title]'), 'title')),
    () => titleName(doc),
  );
  if (!name) return;
  if (!screenSlug) {
    // Nothing on screen names the slug: accept the view only when the title agrees with it.
    const fromTitle = titleName(doc);
    if (fromTitle && fromTitle !== name) return;
  }
  const contact = q(card, S.CONTACT_INFO);
  const sdui = attempt(() => (q(card, S.HEADLINE[0]) ? [] : sduiLines(card, nameEl, contact))) ?? [];
  const headline = firstOf(
    () => textOf(qFirst(card, S.HEADLINE)),
    () => sdui[0],
  );
  const location = firstOf(
    () => textOf(qFirst(card, S.LOCATION)),
    () => {
      const holder = contact?.parentElement;
      const holderBlock = holder && holder.tagName === 'SPAN' ? holder.parentElement : holder;
      const first = Array.from(holderBlock?.children ?? []).find((child) => !child.contains(contact) && textOf(child));
      return textOf(first ?? null);
    },
  );
  const experience = attempt(() => readExperience(main)) ?? {};
  const atMatch = headline ? S.HEADLINE_AT.exec(headline) : null;
  const company = firstOf(
    () => /:\s*(.+?)\.(?:\s|$)/.exec(attr(qFirst(card, S.CURRENT_COMPANY), 'aria-label'))?.[1],
    () => textOf(qFirst(card, S.CURRENT_COMPANY)),
    () => experience.company,
    () => sdui[1],
    () => atMatch?.[2],
  );
  const title = firstOf(
    () => experience.title,
    () => atMatch?.[1],
  );
  const linkedinUrl = profileUrl(screenSlug ? `/in/${encodeURIComponent(screenSlug)}/` : url.pathname);
  if (linkedinUrl && linkedinUrl === viewer.linkedinUrl) return;
  const person: RawPerson = { name, role: 'profile' };
  if (linkedinUrl) person.linkedinUrl = linkedinUrl;
  if (headline) person.headline = short(headline, 1000);
  if (title) person.title = short(displayName(title));
  if (company) person.company = short(displayName(company));
  if (location) person.location = short(location);
  context.people = [person];
  context.subject = name;
}

function urnTime(urn: string): string | undefined {
  const encoded = /,2-([A-Za-z0-9+/=_-]+)\)?$/.exec(urn)?.[1];
  if (!encoded) return undefined;
  const decoded = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const ms = /^(\d{13})/.exec(decoded)?.[1];
  return ms ? new Date(Number(ms)).toISOString() : undefined;
}

function extractMessaging(doc: Document, url: URL, context: RawPageContext, viewer: Viewer): void {
  context.view = 'messaging';
  const threadId = messagingThreadId(url.pathname);
  if (threadId) context.threadId = clip(threadId, 500);
  const active = messagingThreadId(attr(qFirst(doc, S.ACTIVE_CONVERSATION), 'href'));
  if (threadId && active && active !== threadId) return; // the pane still shows the previous thread
  const pane = qFirst(doc, S.THREAD_PANE);
  if (!pane) return;

  const senders = new Map<string, string>(); // name → profile URL
  let current: { name: string; linkedinUrl?: string } | undefined;
  let day = '';
  let clock = '';
  qaFirst(pane, S.EVENT)
    .slice(0, 1000)
    .forEach((event, index) => {
      const message = attempt((): RawMessage => {
        const link = profileUrl(attr(qFirst(event, S.EVENT_SENDER_LINK), 'href'));
        const nameEl = qFirst(event, S.EVENT_SENDER_NAME);
        const name = displayName(textOf(nameEl) || attr(nameEl, 'alt'));
        // Grouped messages carry no sender: they inherit the previous one's.
        if (name || link) current = { name: name || current?.name || '', ...(link ? { linkedinUrl: link } : {}) };
        const own = !event.classList.contains(S.EVENT_OTHER_CLASS);
        if (own && current?.linkedinUrl && !viewer.linkedinUrl && (!viewer.name || current.name === viewer.name)) {
          viewer.linkedinUrl = current.linkedinUrl;
        }
        if (!own && current?.name && current.linkedinUrl) senders.set(current.name, current.linkedinUrl);
        const urn = attr(event, 'data-event-urn');
        // Without a URN, the day heading and the group's clock time ("Gestern 16:15"); a weekday
        // or a date without a year names no instant, and the message stays undated.
        const heading = textOf(q(closest(event, 'li') ?? event, S.DAY_HEADING));
        if (heading) [day, clock] = [heading, ''];
        clock = textOf(q(event, S.GROUP_TIME)) || clock;
        const sentAt = attempt(() => urnTime(urn));
        const result: RawMessage = {
          id: clip(urn || `${threadId || 'thread'}:${index}`, 500),
          to: [],
          cc: [],
          text: visibleText(qFirst(event, S.EVENT_BODY)),
        };
        if (current) result.from = { ...current };
        if (sentAt) result.sentAt = sentAt;
        else setPrintedDate(result, clock ? `${day} ${clock}` : '');
        return result;
      });
      if (message) context.messages.push(message);
    });
  setPageLang(context, doc);

  const isViewer = (p: { name: string; linkedinUrl?: string }) =>
    (!!p.linkedinUrl && p.linkedinUrl === viewer.linkedinUrl) || (!!viewer.name && p.name === viewer.name);
  const people = new PeopleCollector(isViewer);
  const title = textOf(qFirst(pane, S.THREAD_TITLE));
  const headerLink = profileUrl(attr(qFirst(pane, S.THREAD_PROFILE_LINK), 'href'));
  if (title && headerLink) {
    const headline = textOf(qFirst(pane, S.THREAD_INFO));
    people.add({ name: displayName(title), linkedinUrl: headerLink, ...(headline ? { headline: clip(headline, 1000) } : {}), role: 'participant' });
  } else if (title) {
    for (const part of title.split(/\s*,\s*/)) {
      const name = displayName(part);
      if (!name || /\d/.test(name)) continue;
      const linkedinUrl = senders.get(name);
      people.add({ name, ...(linkedinUrl ? { linkedinUrl } : {}), role: 'participant' });
    }
  }
  for (const [name, linkedinUrl] of senders) people.add({ name, linkedinUrl, role: 'participant' });
  context.people = people.list();
  if (title) context.subject = clip(displayName(title), 2000);
}

function extractSearch(doc: Document, url: URL, context: RawPageContext, viewer: Viewer): void {
  context.view = 'search';
  const onScreen = Number.parseInt(textOf(qFirst(doc, S.CURRENT_PAGE)), 10);
  if (onScreen && onScreen !== searchPage(url)) return; // previous page's cards are still shown
  const people = new PeopleCollector((p) => !!p.linkedinUrl && p.linkedinUrl === viewer.linkedinUrl);
  for (const card of qaFirst(doc, S.RESULT).slice(0, 500)) {
    const person = attempt((): RawPerson | undefined => {
      const link = qFirst(card, S.RESULT_LINK);
      const linkedinUrl = profileUrl(attr(link, 'href'));
      if (!linkedinUrl) return undefined; // "LinkedIn Member": out of network, nothing to identify
      const name = firstOf(
        () => displayName(textOf(qFirst(card, S.RESULT_NAME))),
        () => displayName(attr(q(card, 'img[alt]'), 'alt')),
        () => displayName(textOf(link)),
      );
      if (!name) return undefined;
      const result: RawPerson = { name, linkedinUrl, role: 'result' };
      const headline = textOf(qFirst(card, S.RESULT_HEADLINE));
      const location = textOf(qFirst(card, S.RESULT_LOCATION));
      if (headline) result.headline = clip(headline, 1000);
      if (location) result.location = clip(location, 500);
      return result;
    });
    if (person) people.add(person);
  }
  context.people = people.list();
}

/** Reads LinkedIn (read only): a profile, a messaging thread, or people search results. */
export function extractLinkedIn(doc: Document, url: URL): RawPageContext {
  const context: RawPageContext = { site: 'linkedin', view: 'other', url: url.href, people: [], messages: [] };
  const viewer: Viewer = {};
  const viewerName = attempt(() => displayName(attr(qFirst(doc, S.VIEWER_NAME), 'alt')));
  if (viewerName) viewer.name = viewerName;
  if (isProfileRoute(url)) attempt(() => extractProfile(doc, url, context, viewer));
  else if (messagingThreadId(url.pathname)) attempt(() => extractMessaging(doc, url, context, viewer));
  else if (isPeopleSearchRoute(url)) attempt(() => extractSearch(doc, url, context, viewer));
  if (viewer.name || viewer.linkedinUrl) context.account = { ...viewer };
  return context;
}

export const linkedinAdapter: SiteAdapter = {
  site: 'linkedin',
  matches: matchesLinkedIn,
  extract: neverThrows('linkedin', extractLinkedIn),
  // The <main> element itself is replaced on navigation: observe its stable parent.
  observeRoot: (doc) => q(doc, 'main')?.parentElement ?? doc.body,
};
