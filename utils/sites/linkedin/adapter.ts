import type { RawPageContext, SiteAdapter } from '../types';

// Placeholder until the adapters issue: recognises the site, reads no people yet.
export const linkedinAdapter: SiteAdapter = {
  site: 'linkedin',
  matches: (url) => url.hostname === 'www.linkedin.com',
  extract(_doc, url): RawPageContext {
    return { site: 'linkedin', view: 'other', url: url.href, people: [], messages: [] };
  },
  observeRoot: (doc) => doc.querySelector('main') ?? doc.body,
};
