import type { Catalog } from '../types';

/** The workspace (options page): contacts, segments, follow-ups. */
export default {
  ws_contacts: { en: 'Contacts', de: 'Kontakte' },
  ws_segment: { en: 'Segment', de: 'Segment' },
  ws_anyTag: { en: 'Any tag', de: 'Alle Schlagwörter' },
  ws_anyTier: { en: 'Any value tier', de: 'Jeder Kundenwert' },
  ws_anyLoyalty: { en: 'Any loyalty stage', de: 'Jede Loyalitätsstufe' },
  ws_anyIndustry: { en: 'Any industry', de: 'Alle Branchen' },
  ws_count: { en: '{1} contacts, by priority', de: '{1} Kontakte, nach Priorität' },
  ws_followUps: { en: 'Follow-ups', de: 'Wiedervorlagen' },
  ws_noFollowUps: { en: 'Nothing due in the next two weeks.', de: 'In den nächsten zwei Wochen ist nichts fällig.' },
  ws_overdue: { en: 'overdue', de: 'überfällig' },
  ws_keepInTouch: { en: 'Keep in touch', de: 'Kontakt halten' },
  ws_keepInTouchDue: { en: 'last real contact {1}', de: 'letzter echter Kontakt {1}' },
  ws_neverContacted: { en: 'no real contact yet', de: 'noch kein echter Kontakt' },
} satisfies Catalog;
