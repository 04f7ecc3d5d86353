import { useEffect, useState } from 'react';

/*
 * The workspace's place lives in the URL hash (`#contact/<id>`, `#today`, `#board/<pipeline>`…):
 * every move is a history entry, so back, forward and reload keep the place.
 */

export type View = 'contacts' | 'today' | 'reactivate' | 'responsiveness' | 'duplicates' | 'board' | 'transfer' | 'settings';
export const VIEWS: readonly View[] = ['contacts', 'today', 'reactivate', 'responsiveness', 'duplicates', 'board', 'transfer', 'settings'];

export type Route = { view: View; arg?: string } | { view: 'contact'; arg: string };

/** Reads a route from a hash such as `#contact/ct_123`. Unknown hashes show the contacts. */
export function parseRoute(hash: string): Route {
  const [head = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  if (head === 'contact' && arg) return { view: 'contact', arg };
  const view = VIEWS.find((v) => v === head) ?? 'contacts';
  return arg ? { view, arg } : { view };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  return `#${route.view}${route.arg ? `/${encodeURIComponent(route.arg)}` : ''}`;
}

/** The current route, following back and forward. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => (location.hash = routeHash(next))];
}

/** Opens a contact in the workspace. */
export function openContact(id: string): void {
  location.hash = routeHash({ view: 'contact', arg: id });
}
