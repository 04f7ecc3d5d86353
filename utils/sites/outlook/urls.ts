/** Outlook on the web routes: `/mail/<folder>/id/<id>`, `/mail/0/…`, `/mail/deeplink/read/<id>?ItemID=`, older `/owa/`. */

const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']);

export const matchesOutlook = (url: URL): boolean => HOSTS.has(url.hostname);

/** True on a mail route (new `/mail/` and older `/owa/` URLs). */
export const isMailRoute = (url: URL): boolean => /^\/(mail|owa)(\/|$)/i.test(url.pathname);

/** The item or conversation id named by the URL, decoded ('' if none). */
export function routeId(url: URL): string {
  const fromPath = /\/(?:id|read)\/([^/?#]+)/.exec(url.pathname)?.[1];
  const raw = fromPath ?? url.searchParams.get('ItemID') ?? url.searchParams.get('itemid') ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** EWS and Graph spell the same id with `+/` or `_-`: one form for comparing. */
export const sameId = (a: string, b: string): boolean => a.replace(/_/g, '+').replace(/-/g, '/') === b.replace(/_/g, '+').replace(/-/g, '/');
