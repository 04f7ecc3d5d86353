import handover from '../i18n/catalog/handover';
import pillars from '../i18n/catalog/pillars';
import preferences from '../i18n/catalog/preferences';
import type { Catalog, Language } from '../i18n/types';
import { ChannelSchema, type Channel } from '../domain/common';
import { DEFAULT_PIPELINES, type Contact, type Pipeline } from '../domain/contact';
import { followUpState, localDay, type FollowUp } from '../domain/followup';
import { isRealTouchpoint, type Interaction } from '../domain/interaction';
import { PILLARS, pillarSummary, type Pillar, type RelationshipCheck } from '../domain/relationship-check';

/*
 * The handover summary (Übergabe, no „Herrschaftswissen“): everything a colleague needs to take a
 * contact over, as Markdown. The output depends only on the inputs (`now` and `lang` included),
 * so the same data always gives the same text. Every user value is escaped and kept on one line.
 */

export interface HandoverInput {
  contact: Contact;
  /** The contact's timeline, any order. */
  timeline: readonly Interaction[];
  followUps: readonly FollowUp[];
  checks: readonly RelationshipCheck[];
  now: Date;
  lang: Language;
  /** To name the contact's pipeline; the default pipelines are known without it. */
  pipelines?: readonly Pipeline[];
}

/** Longest note text quoted in the handover; the timeline has the rest. */
const NOTE_LIMIT = 500;

/** The catalogs the handover writes from, in either language (they travel with this module's chunk). */
const MESSAGES: Catalog = { ...handover, ...preferences, ...pillars };

/** A catalog string in `lang` (not the browser's language: the handover may be written for a colleague). */
function tr(lang: Language, key: string, ...subs: (string | number)[]): string {
  const entry = MESSAGES[key];
  if (!entry) return key;
  return entry[lang].replace(/\{(\d)\}/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/**
 * Escapes user text for Markdown: one line (whitespace collapsed, so it cannot open a block), and
 * every character that could start emphasis, code, a link, HTML, a table cell, a heading's closing
 * sequence or an entity is backslash-escaped. Values never start a line here (they follow a label),
 * so list and heading markers at the start need no escape and phone numbers keep their `+`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Shortens to `max` characters on a word boundary where possible. */
function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A calendar day in the handover's language: `25.11.2026` in German, ISO `2026-11-25` in English. */
export function formatDay(day: string, lang: Language): string {
  if (lang !== 'de') return day;
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

function formatInstantDay(iso: string, lang: Language): string {
  return formatDay(localDay(new Date(iso)), lang);
}

function numberLocale(lang: Language): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

function languageName(code: string, lang: Language): string {
  try {
    const name = new Intl.DisplayNames([numberLocale(lang)], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** Catalog keys allow no hyphens: `in-person` → `in_person`. */
function keyPart(value: string): string {
  return value.replace(/-/g, '_');
}

export function channelLabel(channel: Channel, lang: Language): string {
  return tr(lang, `pref_channel_${keyPart(channel)}`);
}

/** Pipeline and stage names: the default pipelines' names are translated, user-defined ones kept as written. */
function pipelineLabel(contact: Contact, lang: Language, pipelines: readonly Pipeline[]): string | undefined {
  if (!contact.pipeline) return undefined;
  const { pipelineId, stage } = contact.pipeline;
  const isDefault = DEFAULT_PIPELINES.find((p) => p.id === pipelineId);
  const custom = pipelines.find((p) => p.id === pipelineId);
  const usesDefault = isDefault && (!custom || custom.name === isDefault.name);
  const name = usesDefault ? tr(lang, `ho_pipeline_${pipelineId}`) : escapeMarkdown(custom?.name ?? pipelineId);
  const stageName =
    usesDefault && isDefault.stages.includes(stage) ? tr(lang, `ho_stage_${keyPart(stage)}`) : escapeMarkdown(stage);
  return `${name} · ${stageName}`;
}

function item(label: string, value: string): string {
  return `- ${label}: ${value}`;
}

function whoSection(contact: Contact, lang: Language): string[] {
  const lines = [item(tr(lang, 'ho_name'), escapeMarkdown(contact.displayName))];
  if (contact.title) lines.push(item(tr(lang, 'ho_jobTitle'), escapeMarkdown(contact.title)));
  if (contact.company) lines.push(item(tr(lang, 'ho_company'), escapeMarkdown(contact.company)));
  if (contact.industry) lines.push(item(tr(lang, 'ho_industry'), escapeMarkdown(contact.industry)));
  if (contact.location) lines.push(item(tr(lang, 'ho_location'), escapeMarkdown(contact.location)));
  for (const email of contact.emails) lines.push(item(tr(lang, 'ho_email'), escapeMarkdown(email)));
  for (const phone of contact.phones) lines.push(item(tr(lang, 'ho_phone'), escapeMarkdown(phone)));
  if (contact.linkedinUrl) {
    // Canonical profile URLs have no spaces or angle brackets, so an autolink keeps them clickable.
    const url = /^https:\/\/[^\s<>]+$/.test(contact.linkedinUrl) ? `<${contact.linkedinUrl}>` : escapeMarkdown(contact.linkedinUrl);
    lines.push(item(tr(lang, 'ho_linkedin'), url));
  }
  if (contact.tags.length > 0) lines.push(item(tr(lang, 'ho_tags'), contact.tags.map(escapeMarkdown).join(', ')));
  if (contact.owner) lines.push(item(tr(lang, 'ho_owner'), escapeMarkdown(contact.owner)));
  if (contact.about?.trim()) lines.push(item(tr(lang, 'ho_about'), escapeMarkdown(truncate(contact.about, NOTE_LIMIT))));
  return lines;
}

function preferencesSection(contact: Contact, lang: Language): string[] {
  const p = contact.preferences;
  const lines: string[] = [];
  if (p.doNotContact) {
    const reason = p.doNotContact.reason.trim();
    lines.push(`- **${tr(lang, 'pref_doNotContact')}**${reason ? `: ${escapeMarkdown(reason)}` : ''}`);
  }
  if (p.wants) lines.push(item(tr(lang, 'ho_wants'), tr(lang, `pref_wants_${keyPart(p.wants)}`)));
  const address: string[] = [];
  if (p.address) address.push(tr(lang, `pref_address_${p.address}`));
  if (p.language) address.push(languageName(p.language, lang));
  if (p.salutation) address.push(lang === 'de' ? `„${escapeMarkdown(p.salutation)}“` : `“${escapeMarkdown(p.salutation)}”`);
  if (address.length > 0) lines.push(item(tr(lang, 'pref_address'), address.join(' · ')));
  if (p.channels.length > 0) {
    lines.push(item(tr(lang, 'pref_channels'), p.channels.map((c) => channelLabel(c, lang)).join(', ')));
  }
  if (p.maxFrequency) {
    lines.push(item(tr(lang, 'pref_maxFrequency'), tr(lang, 'ho_freqValue', p.maxFrequency.count, p.maxFrequency.days)));
  }
  if (contact.keepInTouchDays) lines.push(item(tr(lang, 'ho_keepInTouch'), tr(lang, 'ho_everyDays', contact.keepInTouchDays)));
  if (p.quietUntil) lines.push(item(tr(lang, 'pref_quietUntil'), formatDay(p.quietUntil, lang)));
  if (p.bestTime) lines.push(item(tr(lang, 'pref_bestTime'), escapeMarkdown(p.bestTime)));
  if (p.topics.length > 0) lines.push(item(tr(lang, 'pref_topics'), p.topics.map(escapeMarkdown).join(', ')));
  if (p.newsletterConsent) {
    const state = tr(lang, p.newsletterConsent.granted ? 'pref_newsletter_granted' : 'pref_newsletter_refused');
    const since = p.newsletterConsent.at ? ` (${formatInstantDay(p.newsletterConsent.at, lang)})` : '';
    lines.push(item(tr(lang, 'pref_newsletter'), `${state}${since}`));
  }
  return lines.length > 0 ? lines : [tr(lang, 'ho_noPrefs')];
}

function valueSection(contact: Contact, lang: Language, pipelines: readonly Pipeline[]): string[] {
  const v = contact.value;
  const lines: string[] = [];
  if (v.tier) lines.push(item(tr(lang, 'ho_tier'), v.tier));
  if (v.yearlyRevenue) {
    const amount = new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: 2 }).format(v.yearlyRevenue.amount);
    lines.push(item(tr(lang, 'ho_revenue'), `${amount} ${v.yearlyRevenue.currency}`));
  }
  if (v.loyalty) lines.push(item(tr(lang, 'ho_loyalty'), tr(lang, `ho_loyalty_${keyPart(v.loyalty)}`)));
  const pipeline = pipelineLabel(contact, lang, pipelines);
  if (pipeline) lines.push(item(tr(lang, 'ho_pipeline'), pipeline));
  return lines.length > 0 ? lines : [tr(lang, 'ho_noValue')];
}

function touchpointsSection(timeline: readonly Interaction[], lang: Language): string[] {
  const latest = new Map<Channel, Interaction>();
  for (const i of timeline) {
    if (!isRealTouchpoint(i.kind)) continue;
    const current = latest.get(i.channel);
    if (!current || Date.parse(i.occurredAt) > Date.parse(current.occurredAt)) latest.set(i.channel, i);
  }
  const lines = ChannelSchema.options.flatMap((channel) => {
    const i = latest.get(channel);
    if (!i) return [];
    const what = `${formatInstantDay(i.occurredAt, lang)}, ${tr(lang, `ho_kind_${i.kind}`)} (${tr(lang, `ho_dir_${i.direction}`)})`;
    return [item(channelLabel(channel, lang), i.subject ? `${what}: ${escapeMarkdown(i.subject)}` : what)];
  });
  return lines.length > 0 ? lines : [tr(lang, 'ho_noTouchpoints')];
}

function followUpsSection(followUps: readonly FollowUp[], now: Date, lang: Language): string[] {
  const open = followUps
    .filter((f) => !f.doneAt)
    .sort((a, b) => a.due.localeCompare(b.due) || a.what.localeCompare(b.what) || a.id.localeCompare(b.id));
  if (open.length === 0) return [tr(lang, 'ho_noFollowUps')];
  return open.map((f) => {
    const overdue = followUpState(f, now) === 'overdue' ? ` **${tr(lang, 'ho_overdue')}**` : '';
    return `- ${formatDay(f.due, lang)}${overdue}: ${escapeMarkdown(f.what)}`;
  });
}

export function pillarLabel(pillar: Pillar, lang: Language): string {
  return tr(lang, `pil_${pillar}`);
}

function pillarsSection(checks: readonly RelationshipCheck[], lang: Language): string[] {
  const { latest, weakest } = pillarSummary(checks);
  const lines = PILLARS.flatMap((pillar) => {
    const score = latest[pillar];
    if (!score) return [];
    const comment = score.comment.trim() ? ` — ${escapeMarkdown(score.comment)}` : '';
    return [item(pillarLabel(pillar, lang), `${tr(lang, 'pil_scoreN', score.score)} (${formatInstantDay(score.at, lang)})${comment}`)];
  });
  if (lines.length === 0) return [tr(lang, 'pil_notAssessed')];
  if (weakest) lines.push('', `**${tr(lang, 'ho_weakest', pillarLabel(weakest, lang))}**`);
  return lines;
}

function importantSection(timeline: readonly Interaction[], lang: Language): string[] {
  const notes = timeline
    .filter((i) => i.important)
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.id.localeCompare(b.id));
  if (notes.length === 0) return [tr(lang, 'ho_noImportant')];
  return notes.map((i) => {
    const head = `${formatInstantDay(i.occurredAt, lang)}, ${tr(lang, `ho_kind_${i.kind}`)}`;
    const parts = [i.subject ? `**${escapeMarkdown(i.subject)}**` : '', i.text.trim() ? escapeMarkdown(truncate(i.text, NOTE_LIMIT)) : '']
      .filter(Boolean)
      .join(' — ');
    return parts ? `- ${head}: ${parts}` : `- ${head}`;
  });
}

/** The handover summary of one contact as Markdown, labels in `lang`. */
export function handoverMarkdown(input: HandoverInput): string {
  const { contact, lang, now } = input;
  const pipelines = input.pipelines ?? DEFAULT_PIPELINES;
  const section = (titleKey: string, lines: string[]) => ['', `## ${tr(lang, titleKey)}`, '', ...lines];
  return [
    `# ${tr(lang, 'ho_heading', escapeMarkdown(contact.displayName))}`,
    '',
    `_${tr(lang, 'ho_asOf', formatDay(localDay(now), lang))}_`,
    ...section('ho_who', whoSection(contact, lang)),
    ...section('ho_prefs', preferencesSection(contact, lang)),
    ...section('ho_value', valueSection(contact, lang, pipelines)),
    ...section('ho_lastTouchpoints', touchpointsSection(input.timeline, lang)),
    ...section('ho_followUps', followUpsSection(input.followUps, now, lang)),
    ...section('pil_title', pillarsSection(input.checks, lang)),
    ...section('ho_importantNotes', importantSection(input.timeline, lang)),
    '',
  ].join('\n');
}
