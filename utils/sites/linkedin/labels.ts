import type { Labels } from '../labels';

/**
 * LinkedIn labels (see ../labels.ts). Profiles, threads and results are read by structure (profile
 * links, event URNs, component keys, card classes); labels only help with the top card's company
 * button and the headline's "Title at Company". "product UI" marks LinkedIn's own term in that
 * language, not yet seen in a capture here. A wrong or missing form is never the only way: the
 * experience section, the SDUI card lines and the headline give the company too.
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

/**
 * "Head of Sales at Acme": the word between title and company in a headline (last resort). Headlines
 * are written by members, so these are usage, not LinkedIn's UI.
 */
export const AT: Labels = {
  en: 'at|@', // seen: shared/fixtures/linkedin-profile.html ("Head of Procurement Operations at Northwind Logistics")
  de: 'bei', // usage ("Vertriebsleiter bei …")
  fr: 'chez', // usage
  es: 'en', // usage
  it: 'presso', // usage
  nl: 'bij', // usage
  pt: 'na', // usage
  pl: 'w', // usage
};
