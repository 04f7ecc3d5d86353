/**
 * Firefox runs the background in a page, and when the browser quits it terminates every `pagehide`
 * handler registered there, logging "Script terminated by timeout". The only such handlers are
 * Dexie's, which close databases when a page enters the back-forward cache; a background page never
 * does. Imported first in the background, this keeps page-lifecycle registrations out of it.
 */
const LIFECYCLE = new Set(['pagehide', 'pageshow']);

const scope = globalThis as { addEventListener?: typeof addEventListener; document?: unknown };
// Only a background *page* (Firefox) has a document; Chrome's service worker is left alone.
if (scope.document && typeof scope.addEventListener === 'function') {
  const add = scope.addEventListener.bind(globalThis);
  scope.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, (boolean | AddEventListenerOptions)?]) => {
    if (!LIFECYCLE.has(type)) add(type, ...rest);
  }) as typeof addEventListener;
}

export {};
