import type { Labels } from '../labels';

/**
 * LinkedIn labels (see ../labels.ts). Profiles, threads and results are read by structure (profile
 * links, event URNs, component keys, card classes); labels only help with the top card's company
 * button and the headline's "Title at Company". "product UI" marks LinkedIn's own term in that
 * language, not yet seen in a capture here: the experience section and the SDUI card lines come
 * before it, so a wrong form costs a fallback, never a person.
 */

/** Top-card company button: aria-label "Current company: X. Click to skip to experience card". */
export const CURRENT_COMPANY: Labels = {
  en: 'Current company', // seen: shared/fixtures/linkedin-profile.html (classic top card)
  de: 'Aktuelles Unternehmen', // product UI
  fr: 'Entreprise actuelle', // product UI
  es: 'Empresa actual', // product UI
  it: 'Azienda attuale', // product UI
  nl: 'Huidig bedrijf', // product UI
  pt: 'Empresa atual', // product UI
  pl: 'Obecna firma', // product UI
};

/** "Head of Sales at Acme": the word between title and company in a headline (last resort). */
export const AT: Labels = {
  en: 'at|@', // seen: shared/fixtures/linkedin-profile.html ("Head of Procurement Operations at Northwind Logistics")
  de: 'bei', // product UI (headlines users write: "Vertriebsleiter bei …")
  fr: 'chez', // product UI
  es: 'en', // product UI
  it: 'presso', // product UI
  nl: 'bij', // product UI
  pt: 'na', // product UI
  pl: 'w', // product UI
};
