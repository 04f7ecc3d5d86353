import type { RawPageContext, SiteAdapter } from './types';

/**
 * Follows a single-page app: re-extracts when the main pane mutates (debounced to one animation
 * frame) or the URL changes, and reports only when the context really changed. No polling.
 * Returns a function that disconnects everything. Never throws into the host page.
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
  let stopped = false;

  const run = () => {
    scheduled = 0;
    if (stopped) return;
    try {
      const root = adapter.observeRoot(doc);
      if (root && root !== observedRoot) {
        observedRoot = root;
        observer.disconnect();
        observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
      }
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
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
  };
}
