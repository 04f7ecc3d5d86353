import { gmailAdapter } from './gmail/adapter';
import { linkedinAdapter } from './linkedin/adapter';
import { outlookAdapter } from './outlook/adapter';
import type { SiteAdapter } from './types';

/** Every adapter, for the contract test and for code that must pick one by URL. */
export const ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, outlookAdapter, linkedinAdapter];

/** The adapter serving a URL, if any. */
export function adapterFor(url: URL): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(url));
}
