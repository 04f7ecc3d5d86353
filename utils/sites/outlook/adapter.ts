import type { RawPageContext, SiteAdapter } from '../types';

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

// Placeholder until the adapters issue: recognises the site, reads no people yet.
export const outlookAdapter: SiteAdapter = {
  site: 'outlook',
  matches: (url) => HOSTS.has(url.hostname),
  extract(_doc, url): RawPageContext {
    return { site: 'outlook', view: 'other', url: url.href, people: [], messages: [] };
  },
  observeRoot: (doc) => doc.querySelector('[role=main]') ?? doc.body,
};
