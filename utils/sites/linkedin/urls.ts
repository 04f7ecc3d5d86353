import { canonicalLinkedInUrl } from '../../domain/normalize';

/** LinkedIn routes: `/in/<slug>/` (+ `/overlay/…`), `/messaging/thread/<id>/`, `/search/results/people/`. */

export const matchesLinkedIn = (url: URL): boolean => url.hostname === 'www.linkedin.com';

/** Lower-cased, decoded profile slug of a URL or href ('' if it is not a profile link). */
export function profileSlug(href: string): string {
  const canonical = canonicalLinkedInUrl(href.startsWith('/') ? `https://www.linkedin.com${href}` : href);
  return canonical ? decodeURIComponent(canonical.slice('https://www.linkedin.com/in/'.length, -1)) : '';
}

/** Canonical profile URL for an href found on a LinkedIn page (relative or absolute). */
export const profileUrl = (href: string): string =>
  canonicalLinkedInUrl(href.startsWith('/') ? `https://www.linkedin.com${href}` : href);

export const isProfileRoute = (url: URL): boolean => /^\/in\/[^/]+/.test(url.pathname);

/** Thread id of a messaging URL or href ('' if none). */
export function messagingThreadId(href: string): string {
  return /\/messaging\/thread\/([^/?#]+)/.exec(href)?.[1] ?? '';
}

export const isPeopleSearchRoute = (url: URL): boolean => url.pathname.startsWith('/search/results/people');

/** The results page a search URL asks for (1 when absent). */
export const searchPage = (url: URL): number => Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
