import type { RawPageContext, SiteAdapter } from './types';

/** Attributes whose changes can change what is on screen (class churn on hover is deliberately ignored). */
const ATTRIBUTES = ['style', 'hidden', 'aria-expanded', 'aria-selected', 'aria-current', 'data-convid', 'data-message-id', 'href', 'email'];

/**
 * Follows a single-page app: re-extracts when the main pane mutates (debounced to one animation
 * frame), the document title changes, or the URL changes (hashchange / popstate; pushState itself is
 * invisible to content scripts, so the DOM swap that follows it is what triggers), and reports only
 * when the context really changed. No polling. Stale views (new URL, old DOM) are the adapters' job:
 * they report a partial context until the DOM catches up. Returns a function that disconnects
 * everything. Never throws into the host page.
 */
export function watchPage(
  adapter: SiteAdapter,
  win: Window,
  onContext: (context: RawPageContext) => void,
): () => void {
  const doc = win.document;
  let lastSignature = '';
  let scheduled = 0;
  let observedRoot: Element | null = null;
  let observedTitle: Element | null = null;
  let stopped = false;

  const observe = () => {
    const root = adapter.observeRoot(doc);
    const title = doc.querySelector('head > title');
    if (root === observedRoot && title === observedTitle && root?.isConnected !== false) return;
    observer.disconnect();
    observedRoot = root;
    observedTitle = title;
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
    if (title) observer.observe(title, { childList: true, subtree: true, characterData: true });
  };

  const run = () => {
    scheduled = 0;
    if (stopped) return;
    try {
      observe();
      const context = adapter.extract(doc, new URL(win.location.href));
      const signature = JSON.stringify(context);
      if (signature !== lastSignature) {
        lastSignature = signature;
        onContext(context);
      }
    } catch {
      // Failure degrades to no context; the host page never sees it.
    }
  };

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = win.requestAnimationFrame(run);
  };

  const observer = new MutationObserver(schedule);
  win.addEventListener('popstate', schedule);
  win.addEventListener('hashchange', schedule);
  run();

  return () => {
    stopped = true;
    observer.disconnect();
    if (scheduled) win.cancelAnimationFrame(scheduled);
    scheduled = 0;
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
  };
}
