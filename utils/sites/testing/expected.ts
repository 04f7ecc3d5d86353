import { canonicalLinkedInUrl } from '../../domain/normalize';
import { displayName, emailKey } from '../dom';
import type { Role, View } from '../types';

/**
 * Test-only: turns the fixtures' `<name>.expected.json` (one shape per surface, written from the
 * ground truth rather than from our types) into what an adapter must report for each state.
 */

export interface ExpectedPerson {
  name: string;
  email?: string;
  linkedinUrl?: string;
  /** Roles the adapter may report (the DOM cannot always tell cc from to). */
  roles: Role[];
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  /** Fields the ground truth says are unknown: the adapter must not guess them. */
  absent?: ('title' | 'company')[];
}

export interface ExpectedMessage {
  id?: string;
  fromName?: string;
  fromEmail?: string;
  /** Full body; with `snippet` only a prefix of it is on screen. */
  text: string;
  snippet: boolean;
  /** Local wall-clock time "YYYY-MM-DDTHH:mm" (webmail) … */
  sentLocal?: string;
  /** … or UTC (LinkedIn's event URNs). */
  sentUtc?: string;
  to?: string[];
  cc?: string[];
}

export interface ExpectedState {
  index: number;
  name: string;
  url: string;
  loadOnly: boolean;
  view: View;
  subject?: string;
  threadId?: string;
  people: ExpectedPerson[];
  messages?: ExpectedMessage[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the expected files are free-form JSON */
type Json = any;

const VIEW: Record<string, View> = {
  thread: 'email-thread',
  conversation: 'email-thread',
  'deeplink-item': 'email-thread',
  list: 'inbox',
  'list-only': 'inbox',
  profile: 'profile',
  feed: 'other',
  'people-search': 'search',
  compose: 'compose',
};

function rolesFor(roles: string[], splitKnown: boolean): Role[] {
  if (roles.includes('from')) return ['sender'];
  if (roles.includes('to')) return ['recipient'];
  return splitKnown ? ['cc'] : ['cc', 'recipient'];
}

function gmailState(state: Json): ExpectedState {
  const thread = state.open_thread;
  const base = { index: state.index, name: state.name, url: state.url, loadOnly: !!state.load_only, view: VIEW[state.view] ?? 'other' };
  if (!thread) return { ...base, people: [] };
  return {
    ...base,
    subject: thread.subject,
    threadId: thread.thread_perm_id,
    // Gmail merges to and cc on screen until "Show details" is opened.
    people: thread.people.map((p: Json) => ({ name: displayName(p.name), email: emailKey(p.email), roles: rolesFor(p.roles, false) })),
    messages: thread.messages.map((m: Json) => ({
      id: m.message_id,
      fromName: displayName(m.from.is_user ? undefined : m.from.name) || undefined,
      fromEmail: emailKey(m.from.email),
      text: m.body_in_dom ? m.body_text : (m.snippet_when_collapsed ?? ''),
      snippet: !m.body_in_dom,
      sentLocal: m.date_local_iso,
      to: m.to.map((a: Json) => emailKey(a.email)),
      cc: m.cc.map((a: Json) => emailKey(a.email)),
    })),
  };
}

function outlookState(state: Json): ExpectedState {
  const conv = state.open_conversation;
  const item = state.open_item;
  const base = { index: state.index, name: state.name, url: state.url, loadOnly: !!state.load_only, view: VIEW[state.view] ?? 'other' };
  const messages: Json[] = conv?.messages ?? (item ? [item] : []);
  if (!messages.length) return { ...base, people: [] };
  const visible = new Set<string>();
  const roles = new Map<string, { name: string | null; roles: Set<string> }>();
  for (const m of messages) {
    const entries: [Json, string][] = [[m.from, 'from'], ...(m.to ?? []).map((a: Json) => [a, 'to']), ...(m.cc ?? []).map((a: Json) => [a, 'cc'])];
    for (const [a, role] of entries) {
      if (a.email_visible_in_dom) visible.add(a.email);
      if (a.is_user) continue;
      const entry = roles.get(a.email) ?? { name: a.name, roles: new Set<string>() };
      entry.roles.add(role);
      roles.set(a.email, entry);
    }
  }
  const people: ExpectedPerson[] = [...roles].map(([email, p]) => {
    const person: ExpectedPerson = { name: displayName(p.name ?? email), roles: rolesFor([...p.roles], true) };
    // Colleagues and collapsed senders show no address in OWA's DOM.
    if (visible.has(email)) person.email = emailKey(email);
    return person;
  });
  return {
    ...base,
    subject: conv?.subject ?? state.subject,
    ...(conv ? { threadId: conv.conversation_id_ews } : {}),
    people,
    messages: messages.map((m: Json) => ({
      ...(m.view_state === 'EXPANDED' ? { id: m.item_id_ews } : {}),
      fromName: displayName(m.from.name),
      ...(m.from.email_visible_in_dom ? { fromEmail: emailKey(m.from.email) } : {}),
      text: m.body_in_dom ? m.body_text : (m.snippet_when_collapsed ?? ''),
      snippet: !m.body_in_dom,
      sentLocal: m.date_local_iso,
    })),
  };
}

function profileState(state: Json): ExpectedState {
  const p = state.profile;
  const base = { index: state.index, name: state.name, url: state.url, loadOnly: !!state.load_only, view: VIEW[state.view] ?? 'other' };
  if (!p) return { ...base, people: [] };
  const person: ExpectedPerson = { name: displayName(p.full_name), linkedinUrl: canonicalLinkedInUrl(p.profile_url), roles: ['profile'] };
  if (p.headline) person.headline = p.headline;
  if (p.current_title) person.title = p.current_title;
  if (p.current_company) person.company = p.current_company;
  if (p.location) person.location = p.location;
  const absent = (['title', 'company'] as const).filter((f) => p[`current_${f}`] === null);
  if (absent.length) person.absent = [...absent];
  return { ...base, people: [person] };
}

function messagingState(state: Json): ExpectedState {
  return {
    index: state.index,
    name: state.name,
    url: state.url,
    loadOnly: !!state.load_only,
    view: 'messaging',
    threadId: state.thread_id,
    people: state.partners.map((p: Json) => ({
      name: displayName(p.full_name),
      // A partner who has not written yet is named in the header only, without a profile link.
      ...(p.profile_url ? { linkedinUrl: canonicalLinkedInUrl(p.profile_url) } : {}),
      roles: ['participant'],
      // Group headers show names only; a 1:1 header shows the partner's headline.
      ...(state.group ? {} : { headline: p.headline }),
    })),
    messages: state.messages.map((m: Json) => ({
      id: m.event_urn,
      fromName: displayName(m.sender),
      text: m.text,
      snippet: false,
      sentUtc: m.sent_local,
    })),
  };
}

function searchState(state: Json): ExpectedState {
  return {
    index: state.index,
    name: state.name,
    url: state.url,
    loadOnly: !!state.load_only,
    view: 'search',
    people: state.results
      .filter((r: Json) => r.profile_url)
      .map((r: Json) => ({
        name: displayName(r.full_name),
        linkedinUrl: canonicalLinkedInUrl(r.profile_url),
        roles: ['result'],
        headline: r.headline,
        location: r.location,
      })),
  };
}

const COMPOSE_ROLES: Record<string, Role[]> = { from: ['sender'], to: ['recipient'], cc: ['cc'], bcc: ['cc'], 'to-or-cc': ['recipient', 'cc'] };

/** Compose fixtures (`surface: "<site>-compose"`): the ground truth lists the people the context must hold. */
function composeState(state: Json): ExpectedState {
  const ctx = state.expected_context ?? {};
  return {
    index: state.index,
    name: state.name,
    url: state.url,
    loadOnly: !!state.load_only,
    view: VIEW[state.view] ?? 'other',
    ...(ctx.subject ? { subject: ctx.subject } : {}),
    ...(ctx.thread_id ? { threadId: ctx.thread_id } : {}),
    people: (ctx.people ?? []).map((p: Json) => ({
      name: displayName(p.name),
      ...(p.email ? { email: emailKey(p.email) } : {}),
      roles: (p.roles as string[]).flatMap((role) => COMPOSE_ROLES[role] ?? []),
    })),
    // Only the count: a new message shows no conversation; an inline reply keeps the conversation's messages.
    ...(ctx.message_count === 0 ? { messages: [] } : {}),
  };
}

/** Every state of an expected file, in the shape the contract test compares. */
export function expectedStates(expected: Json): ExpectedState[] {
  const surface = String(expected.surface ?? expected.fixture);
  const convert = surface.endsWith('-compose')
    ? composeState
    : surface.startsWith('outlook')
    ? outlookState
    : surface.startsWith('linkedin-profile')
      ? profileState
      : surface.startsWith('linkedin-messaging')
        ? messagingState
        : surface.startsWith('linkedin-search')
          ? searchState
          : gmailState;
  return (expected.states as Json[]).map(convert);
}
