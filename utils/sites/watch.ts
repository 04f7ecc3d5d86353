import { closest, q } from './dom';
import type { RawPageContext, SiteAdapter } from './types';

/** Attributes whose changes can change what is on screen (class churn on hover is deliberately ignored). */
const ATTRIBUTES = ['style', 'hidden', 'aria-expanded', 'aria-selected', 'aria-current', 'data-convid', 'data-message-id', 'href', 'email', 'data-hovercard-id'];

/**
 * Follows a single-page app: re-extracts when the main pane (or an adapter's extra roots, such as
 * Gmail's docked compose windows) mutates, the document title changes, the URL changes (hashchange /
 * popstate; pushState itself is invisible to content scripts, so the DOM swap that follows it is what
 * triggers), or the user types into a plain field (typed recipients change no DOM) or focuses an
 * editor (which of several composes is current). Everything is debounced to one animation frame and
 * reported only when the context really changed. No polling. Mutations inside the adapter's `quiet`
 * editors (a message body being typed) are ignored. Stale views (new URL, old DOM) are the adapters'
 * job: they report a partial context until the DOM catches up. Returns a function that disconnects
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
  let observed: (Element | null)[] = [];
  let stopped = false;

  const observe = () => {
    const root = adapter.observeRoot(doc);
    const title = q(doc, 'head > title');
    const body = adapter.extraRoots ? doc.body : null;
    // Extra roots already inside the main root are covered by it.
    const extra = (adapter.extraRoots?.(doc) ?? []).filter(
      (el, i, all) => el !== root && all.indexOf(el) === i && ![root, ...all].some((other) => other && other !== el && other.contains(el)),
    );
    const wanted = [root, title, body, ...extra];
    if (wanted.length === observed.length && wanted.every((el, i) => el === observed[i] && el?.isConnected !== false)) return;
    observer.disconnect();
    observed = wanted;
    for (const el of [root, ...extra]) {
      if (el) observer.observe(el, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
    }
    if (title) observer.observe(title, { childList: true, subtree: true, characterData: true });
    // New top-level containers (a compose dock created late); body's own children only, not its subtree.
    if (body && body !== root) observer.observe(body, { childList: true });
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

  const quiet = adapter.quiet;
  const onMutations = (records: MutationRecord[]) => {
    if (scheduled) return;
    if (quiet) {
      const loud = records.some((record) => {
        const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
        return !closest(target, quiet);
      });
      if (!loud) return;
    }
    schedule();
  };

  /** Typing into an `<input>`/`<textarea>` (recipients not yet turned into chips); focusing an editor. */
  const onEdit = (event: Event) => {
    const target = event.target as Element | null;
    const tag = target?.nodeType === 1 ? target.tagName : '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || (event.type === 'focusin' && (target as HTMLElement).isContentEditable)) schedule();
  };

  const observer = new MutationObserver(onMutations);
  win.addEventListener('popstate', schedule);
  win.addEventListener('hashchange', schedule);
  doc.addEventListener('input', onEdit, true);
  doc.addEventListener('focusin', onEdit, true);
  run();

  return () => {
    stopped = true;
    observer.disconnect();
    if (scheduled) win.cancelAnimationFrame(scheduled);
    scheduled = 0;
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
    doc.removeEventListener('input', onEdit, true);
    doc.removeEventListener('focusin', onEdit, true);
  };
}
