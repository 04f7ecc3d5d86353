/** Gmail routes live in the hash: `#inbox`, `#inbox/<token>`, `#label/x/<token>`, `#search/q/<token>`. */

/** The opaque conversation token at the end of a thread route, or ''. */
export function threadToken(url: URL): string {
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const last = hash.split('/').pop() ?? '';
  return /^[A-Za-z0-9]{16,}$/.test(last) && hash.includes('/') ? last : '';
}

/** True when the hash names a mail list (inbox, label, search, …) rather than settings or a compose. */
export function isListRoute(url: URL): boolean {
  const hash = url.hash.replace(/^#/, '');
  return hash === '' || /^(inbox|starred|snoozed|sent|drafts|imp|all|spam|trash|label|category|search|scheduled|chats|advanced-search)\b/.test(hash);
}

export const matchesGmail = (url: URL): boolean => url.hostname === 'mail.google.com';
