import type { Contact } from '../domain/contact';
import type { FollowUp } from '../domain/followup';
import type { Interaction } from '../domain/interaction';
import { foldForSearch } from '../domain/normalize';
import { PILLARS, type RelationshipCheck } from '../domain/relationship-check';

/*
 * Markdown: one file per contact, for Obsidian, GitHub and any notes tool. YAML front matter
 * carries the facts (strings JSON-quoted, which is valid YAML and needs no escaping rules of its
 * own); the body has the about text, follow-ups, relationship checks and the timeline, newest
 * first. The output depends only on the data (no export time), so the same data gives the same file.
 */

function scalar(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isEmpty))
  );
}

/** A small YAML writer: block mappings and sequences, keys sorted below the top level. */
function yaml(value: Record<string, unknown>, indent = '', sortKeys = false): string[] {
  const lines: string[] = [];
  const keys = Object.keys(value).filter((k) => !isEmpty(value[k]));
  if (sortKeys) keys.sort();
  for (const key of keys) {
    const item = value[key];
    if (Array.isArray(item)) {
      lines.push(`${indent}${key}:`);
      for (const element of item) lines.push(`${indent}  - ${scalar(element)}`);
    } else if (typeof item === 'object' && item !== null) {
      lines.push(`${indent}${key}:`, ...yaml(item as Record<string, unknown>, `${indent}  `, true));
    } else lines.push(`${indent}${key}: ${scalar(item)}`);
  }
  return lines;
}

/** Keeps user text from turning into headings, rules, code fences or HTML. */
function bodyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/</g, '&lt;')
    .split('\n')
    .map((line) => line.replace(/^(\s{0,3})(#|-{3,}|={3,}|```|~~~)/, '$1\\$2'))
    .join('\n')
    .trim();
}

function when(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

/** A stable file name: the folded name and the end of the id (two "Anna Müller" stay apart). */
export function markdownFileName(contact: Pick<Contact, 'id' | 'displayName'>): string {
  const slug = foldForSearch(contact.displayName).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'contact';
  const suffix = contact.id.replace(/[^A-Za-z0-9]/g, '').slice(-8);
  return `${slug}-${suffix}.md`;
}

/** Everything shown in one contact's file. */
export interface MarkdownContact {
  contact: Contact;
  interactions: readonly Interaction[];
  followUps?: readonly FollowUp[];
  checks?: readonly RelationshipCheck[];
}

/** One contact as a Markdown document. */
export function encodeMarkdown({ contact, interactions, followUps = [], checks = [] }: MarkdownContact): string {
  const front = yaml({
    id: contact.id,
    name: contact.displayName,
    givenName: contact.givenName,
    familyName: contact.familyName,
    emails: contact.emails,
    phones: contact.phones,
    linkedin: contact.linkedinUrl,
    company: contact.company,
    title: contact.title,
    location: contact.location,
    industry: contact.industry,
    owner: contact.owner,
    tags: contact.tags,
    value: contact.value,
    pipeline: contact.pipeline,
    keepInTouchDays: contact.keepInTouchDays,
    preferences: contact.preferences,
    lastInteractionAt: contact.lastInteractionAt,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  });
  const out: string[] = ['---', ...front, '---', '', `# ${bodyText(contact.displayName)}`, ''];
  const subtitle = [contact.title, contact.company].filter(Boolean).join(' · ');
  if (subtitle) out.push(bodyText(subtitle), '');
  if (contact.about?.trim()) out.push(bodyText(contact.about), '');

  if (followUps.length > 0) {
    out.push('## Follow-ups', '');
    for (const f of [...followUps].sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))) {
      out.push(`- [${f.doneAt ? 'x' : ' '}] ${f.due} ${bodyText(f.what)}`);
    }
    out.push('');
  }

  if (checks.length > 0) {
    out.push('## Relationship checks', '');
    for (const check of [...checks].sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))) {
      const scores = PILLARS.filter((p) => check.pillars[p]).map((p) => `${p} ${check.pillars[p]!.score}/5`);
      out.push(`- ${when(check.at)}: ${scores.join(', ')}`);
      for (const p of PILLARS) {
        const comment = check.pillars[p]?.comment;
        if (comment) out.push(`  - ${p}: ${bodyText(comment).replace(/\n/g, ' ')}`);
      }
    }
    out.push('');
  }

  if (interactions.length > 0) {
    out.push('## Timeline', '');
    const sorted = [...interactions].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.id.localeCompare(b.id));
    for (const i of sorted) {
      const head = [when(i.occurredAt), i.kind, i.channel, i.direction, i.subject && bodyText(i.subject).replace(/\n/g, ' ')]
        .filter(Boolean)
        .join(' · ');
      out.push(`### ${head}${i.important ? ' ★' : ''}`, '');
      if (i.text.trim()) out.push(bodyText(i.text), '');
      // Only web links become links; anything else (javascript:, data:) is not written.
      if (i.source?.url && /^https?:\/\//i.test(i.source.url)) out.push(`Source: <${i.source.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
