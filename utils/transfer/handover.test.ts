import { describe, expect, it } from 'vitest';
import type { CheckId, ContactId, FollowUpId, PipelineId } from '../domain/common';
import type { FollowUp } from '../domain/followup';
import { escapeMarkdown, formatDay, handoverMarkdown, type HandoverInput } from './handover';
import type { RelationshipCheck } from '../domain/relationship-check';
import { contact, interaction, preferences } from '../domain/test-factories';

const NOW = new Date(2026, 10, 25, 12, 0); // 25 Nov 2026, 12:00 local
const at = (month: number, day: number) => new Date(2026, month - 1, day, 12).toISOString();
const STAMP = '2026-01-01T00:00:00.000Z';

function followUp(id: string, due: string, what: string, doneAt?: string): FollowUp {
  return { id: id as FollowUpId, contactId: 'ct_1' as ContactId, due, what, createdAt: STAMP, updatedAt: STAMP, ...(doneAt ? { doneAt } : {}) };
}

function check(day: number, pillars: RelationshipCheck['pillars']): RelationshipCheck {
  return { id: `rc_${day}` as CheckId, contactId: 'ct_1' as ContactId, at: at(11, day), pillars, createdAt: STAMP, updatedAt: STAMP };
}

const anna = contact({
  displayName: 'Dr. Anna Weiß',
  title: 'Head of *Purchasing*',
  company: 'Weiß & Söhne [GmbH]',
  emails: ['anna_weiss@example.de'],
  phones: ['+49 30 1234567'],
  linkedinUrl: 'https://www.linkedin.com/in/anna-weiss/',
  owner: 'Max Huber',
  tags: ['Maschinenbau'],
  keepInTouchDays: 30,
  value: { tier: 'A', yearlyRevenue: { amount: 120000, currency: 'EUR' }, loyalty: 'repeat-customer' },
  pipeline: { pipelineId: 'sales' as PipelineId, stage: 'proposal' },
  preferences: preferences({
    wants: 'relevant-only',
    channels: ['email', 'phone'],
    maxFrequency: { count: 2, days: 30 },
    quietUntil: '2026-12-01',
    address: 'formal',
    language: 'de',
    salutation: 'Sehr geehrte Frau Dr. Weiß',
    topics: ['Wartung', 'Ersatzteile'],
    newsletterConsent: { granted: true },
  }),
});

const input: HandoverInput = {
  contact: anna,
  timeline: [
    interaction({ occurredAt: at(11, 20), subject: 'Angebot #42', direction: 'outbound' }),
    interaction({ occurredAt: at(11, 2), subject: 'Older', direction: 'inbound' }),
    interaction({ occurredAt: at(11, 18), kind: 'call', channel: 'phone', direction: 'inbound' }),
    interaction({ occurredAt: at(11, 21), kind: 'page', channel: 'web', subject: 'Saved page' }),
    interaction({
      occurredAt: at(11, 10),
      kind: 'note',
      channel: 'other',
      direction: 'internal',
      important: true,
      subject: 'Budget',
      text: 'Budget <b>frei</b> ab Q1.\nEntscheidet mit _Einkauf_.',
    }),
  ],
  followUps: [
    followUp('fu_2', '2026-12-02', 'Send the offer'),
    followUp('fu_1', '2026-11-24', 'Call back'),
    followUp('fu_3', '2026-11-01', 'Done already', at(11, 2)),
  ],
  checks: [
    check(1, { factualInward: { score: 4, comment: '' }, emotionalOutward: { score: 2, comment: 'Trust still fragile' } }),
    check(15, { factualInward: { score: 5, comment: 'Smooth' }, factualOutward: { score: 3, comment: '' } }),
  ],
  now: NOW,
  lang: 'en',
};

describe('handover markdown', () => {
  it('writes the full English summary, exactly', () => {
    expect(handoverMarkdown(input)).toBe(
      [
        '# Handover: Dr. Anna Weiß',
        '',
        '_As of 2026-11-25_',
        '',
        '## Who',
        '',
        '- Name: Dr. Anna Weiß',
        '- Title: Head of \\*Purchasing\\*',
        '- Company: Weiß & Söhne \\[GmbH\\]',
        '- Email: anna\\_weiss@example.de',
        '- Phone: +49 30 1234567',
        '- LinkedIn: <https://www.linkedin.com/in/anna-weiss/>',
        '- Tags: Maschinenbau',
        '- Owner: Max Huber',
        '',
        '## Preferences and how to address them',
        '',
        '- Wants: Only when relevant',
        '- Form of address: Formal · German · “Sehr geehrte Frau Dr. Weiß”',
        '- Preferred channels: Email, Phone',
        '- Maximum frequency: at most 2 contacts in 30 days',
        '- Keep in touch: every 30 days',
        '- Quiet until: 2026-12-01',
        '- Topics: Wartung, Ersatzteile',
        '- Newsletter consent: Granted',
        '',
        '## Value and stage',
        '',
        '- Tier: A',
        '- Yearly revenue: 120,000 EUR',
        '- Loyalty: Repeat customer',
        '- Pipeline: Sales · Proposal',
        '',
        '## Last touchpoints per channel',
        '',
        '- Email: 2026-11-20, email (outbound): Angebot \\#42',
        '- Phone: 2026-11-18, call (inbound)',
        '',
        '## Open follow-ups and promises',
        '',
        '- 2026-11-24 **overdue**: Call back',
        '- 2026-12-02: Send the offer',
        '',
        '## Four pillars',
        '',
        '- Factual, inward: 5 of 5 (2026-11-15) — Smooth',
        '- Factual, outward: 3 of 5 (2026-11-15)',
        '- Emotional, outward: 2 of 5 (2026-11-01) — Trust still fragile',
        '',
        '**Weakest pillar: Emotional, outward**',
        '',
        '## Important notes',
        '',
        '- 2026-11-10, note: **Budget** — Budget \\<b\\>frei\\</b\\> ab Q1. Entscheidet mit \\_Einkauf\\_.',
        '',
      ].join('\n'),
    );
  });

  it('writes the German summary with German labels, days and numbers', () => {
    const md = handoverMarkdown({ ...input, lang: 'de' });
    expect(md.split('\n').slice(0, 3)).toEqual(['# Übergabe: Dr. Anna Weiß', '', '_Stand: 25.11.2026_']);
    for (const line of [
      '## Wer',
      '- Firma: Weiß & Söhne \\[GmbH\\]',
      '- Betreut von: Max Huber',
      '## Kontaktpräferenzen und Anrede',
      '- Wunsch: Nur bei Anlass',
      '- Anrede: Sie · Deutsch · „Sehr geehrte Frau Dr. Weiß“',
      '- Bevorzugte Kanäle: E-Mail, Telefon',
      '- Maximale Kontakthäufigkeit: höchstens 2 Kontakte in 30 Tagen',
      '- Ruhezeit bis: 01.12.2026',
      '- Newsletter-Einwilligung: Erteilt',
      '## Kundenwert und Phase',
      '- Umsatz pro Jahr: 120.000 EUR',
      '- Loyalität: Wiederkäufer',
      '- Pipeline: Vertrieb · Angebot',
      '## Letzte Touchpoints je Kanal',
      '- E-Mail: 20.11.2026, E-Mail (ausgehend): Angebot \\#42',
      '- Telefon: 18.11.2026, Anruf (eingehend)',
      '## Offene Wiedervorlagen und Zusagen',
      '- 24.11.2026 **überfällig**: Call back',
      '## 4-Säulen-Modell',
      '- Sachlich-innen: 5 von 5 (15.11.2026) — Smooth',
      '**Schwächste Säule: Emotional-außen**',
      '## Wichtige Notizen',
    ]) {
      expect(md.split('\n'), line).toContain(line);
    }
  });

  it('is stable: the same input gives the same text, whatever the input order', () => {
    const shuffled = { ...input, timeline: [...input.timeline].reverse(), followUps: [...input.followUps].reverse(), checks: [...input.checks].reverse() };
    expect(handoverMarkdown(shuffled)).toBe(handoverMarkdown(input));
  });

  it('says so when a section is empty, and leaves out fields nobody filled in', () => {
    const md = handoverMarkdown({ contact: contact(), timeline: [], followUps: [], checks: [], now: NOW, lang: 'en' });
    expect(md).toBe(
      [
        '# Handover: Anna Weiß',
        '',
        '_As of 2026-11-25_',
        '',
        '## Who',
        '',
        '- Name: Anna Weiß',
        '',
        '## Preferences and how to address them',
        '',
        'No preferences recorded.',
        '',
        '## Value and stage',
        '',
        'No value or stage recorded.',
        '',
        '## Last touchpoints per channel',
        '',
        'No touchpoints yet.',
        '',
        '## Open follow-ups and promises',
        '',
        'No open follow-ups.',
        '',
        '## Four pillars',
        '',
        'Not assessed yet.',
        '',
        '## Important notes',
        '',
        'Nothing marked important.',
        '',
      ].join('\n'),
    );
  });

  it('puts do-not-contact first among the preferences, with its reason', () => {
    const md = handoverMarkdown({
      ...input,
      contact: contact({ preferences: preferences({ doNotContact: { reason: 'Legal hold' }, wants: 'left-alone' }) }),
      lang: 'de',
    });
    expect(md).toContain('## Kontaktpräferenzen und Anrede\n\n- **Kontaktsperre**: Legal hold\n- Wunsch: In Ruhe lassen\n');
  });

  it('keeps user-defined pipeline and stage names as written', () => {
    const md = handoverMarkdown({
      ...input,
      contact: contact({ pipeline: { pipelineId: 'pl_x' as PipelineId, stage: 'Pilot_Phase' } }),
      pipelines: [{ id: 'pl_x' as PipelineId, name: 'Großkunden', stages: ['Pilot_Phase'] }],
      lang: 'de',
    });
    expect(md).toContain('- Pipeline: Großkunden · Pilot\\_Phase');
  });

  it('cannot be turned into headings, links or HTML by user text', () => {
    const md = handoverMarkdown({
      ...input,
      contact: contact({ displayName: 'Eve\n# Injected', company: '[click](javascript:alert(1))', title: '<img src=x onerror=alert(1)>' }),
      lang: 'en',
    });
    expect(md).toContain('# Handover: Eve \\# Injected\n');
    expect(md).toContain('- Company: \\[click\\](javascript:alert(1))');
    expect(md).toContain('- Title: \\<img src=x onerror=alert(1)\\>');
    expect(md.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('shortens long notes', () => {
    const long = interaction({ occurredAt: at(11, 3), kind: 'note', important: true, text: 'word '.repeat(300) });
    const md = handoverMarkdown({ ...input, timeline: [long], lang: 'en' });
    const line = md.split('\n').find((l) => l.startsWith('- 2026-11-03, note: '))!;
    expect(line.length).toBeLessThan(540);
    expect(line.endsWith('word…')).toBe(true);
  });
});

describe('markdown escaping and days', () => {
  it('escapes Markdown-significant characters and flattens lines', () => {
    expect(escapeMarkdown('a*b_c`d[e]f<g>h#i|j~k\\l')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\#i\\|j\\~k\\\\l');
    expect(escapeMarkdown('  two\n\nlines  ')).toBe('two lines');
    expect(escapeMarkdown('Tom &amp; Jerry & Co')).toBe('Tom \\&amp; Jerry & Co');
    expect(escapeMarkdown('+49 30 123, Dr. Weiß (CEO)!')).toBe('+49 30 123, Dr. Weiß (CEO)!');
  });
  it('formats days per language', () => {
    expect(formatDay('2026-03-07', 'de')).toBe('07.03.2026');
    expect(formatDay('2026-03-07', 'en')).toBe('2026-03-07');
  });
});
