import type { Catalog } from '../types';

/** The four-pillar relationship check (4-Säulen-Modell). */
export default {
  pil_title: { en: 'Four pillars', de: '4-Säulen-Modell' },
  pil_factualInward: { en: 'Factual, inward', de: 'Sachlich-innen' },
  pil_factualInward_about: {
    en: 'Processes and communication inside our company for this customer',
    de: 'Prozesse und Kommunikation in unserem Unternehmen für diesen Kunden',
  },
  pil_factualInward_q1: {
    en: 'Does everyone involved on our side know what was agreed with this customer?',
    de: 'Wissen alle Beteiligten bei uns, was mit diesem Kunden vereinbart ist?',
  },
  pil_factualInward_q2: {
    en: 'Do this customer’s requests reach the right person quickly?',
    de: 'Landen Anfragen dieses Kunden schnell bei der richtigen Person?',
  },
  pil_factualInward_q3: {
    en: 'Do orders, deliveries and invoices run without friction?',
    de: 'Laufen Aufträge, Lieferungen und Rechnungen reibungslos?',
  },
  pil_factualOutward: { en: 'Factual, outward', de: 'Sachlich-außen' },
  pil_factualOutward_about: { en: 'Prices, contracts, technical data', de: 'Preise, Verträge, technische Daten' },
  pil_factualOutward_q1: {
    en: 'Are prices and terms clear and accepted?',
    de: 'Sind Preise und Konditionen klar und akzeptiert?',
  },
  pil_factualOutward_q2: {
    en: 'Is the contract up to date (term, notice, scope)?',
    de: 'Ist der Vertrag aktuell (Laufzeit, Kündigung, Umfang)?',
  },
  pil_factualOutward_q3: {
    en: 'Does the customer have the technical facts they need?',
    de: 'Hat der Kunde die technischen Fakten, die er braucht?',
  },
  pil_emotionalInward: { en: 'Emotional, inward', de: 'Emotional-innen' },
  pil_emotionalInward_about: {
    en: 'Championing the customer’s case inside our company',
    de: 'Die Sache des Kunden in unserem Unternehmen vertreten',
  },
  pil_emotionalInward_q1: {
    en: 'Who champions this customer’s case with us, and are they heard?',
    de: 'Wer vertritt die Sache dieses Kunden bei uns, und wird er gehört?',
  },
  pil_emotionalInward_q2: {
    en: 'Do we push for solutions even against “We’ve never done it that way”?',
    de: 'Setzen wir uns für Lösungen ein, auch gegen „Das haben wir noch nie so gemacht“?',
  },
  pil_emotionalOutward: { en: 'Emotional, outward', de: 'Emotional-außen' },
  pil_emotionalOutward_about: { en: 'Understanding, empathy, trust', de: 'Verständnis, Empathie, Vertrauen' },
  pil_emotionalOutward_q1: {
    en: 'Do we understand what matters to this person, professionally and personally?',
    de: 'Verstehen wir, was dieser Person beruflich und persönlich wichtig ist?',
  },
  pil_emotionalOutward_q2: {
    en: 'Would they call us first when they have a problem?',
    de: 'Würde die Person uns bei einem Problem zuerst anrufen?',
  },
  pil_emotionalOutward_q3: { en: 'Have we kept every promise we made?', de: 'Haben wir jedes Versprechen gehalten?' },
  pil_score: { en: 'Score (1 = weak, 5 = strong)', de: 'Bewertung (1 = schwach, 5 = stark)' },
  pil_scoreN: { en: '{1} of 5', de: '{1} von 5' },
  pil_comment: { en: 'Comment', de: 'Kommentar' },
  pil_save: { en: 'Save check', de: 'Einschätzung speichern' },
  pil_saved: { en: 'Check saved.', de: 'Einschätzung gespeichert.' },
  pil_err_none: { en: 'Score at least one pillar.', de: 'Bitte mindestens eine Säule bewerten.' },
  pil_err_commentWithoutScore: {
    en: '{1}: choose a score for the comment.',
    de: '{1}: bitte zum Kommentar eine Bewertung wählen.',
  },
  pil_summary: { en: 'Summary', de: 'Zusammenfassung' },
  pil_weakest: { en: 'Weakest pillar: {1} ({2} of 5)', de: 'Schwächste Säule: {1} ({2} von 5)' },
  pil_notAssessed: { en: 'Not assessed yet.', de: 'Noch nicht bewertet.' },
  pil_history: { en: 'History', de: 'Verlauf' },
  pil_noHistory: { en: 'No checks yet.', de: 'Noch keine Einschätzungen.' },
  pil_newCheck: { en: 'New check', de: 'Neue Einschätzung' },
} satisfies Catalog;
