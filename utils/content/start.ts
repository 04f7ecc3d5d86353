/** What our content scripts use of their context (WXT's type, our silent implementation). */
interface ScriptContext {
  readonly isInvalid: boolean;
  onInvalidated(listener: () => void): unknown;
}
import { clearContext, extensionUrl, onFrameLayout, sendContext } from '../messaging/wire';
import type { SiteAdapter } from '../sites/types';
import { watchPage } from '../sites/watch';
import { COLLAPSED_WIDTH, hostTheme, mountFrame, releaseWidth, reserveWidth, WIDTH, type MountedFrame } from './frame';

const addListener = EventTarget.prototype.addEventListener;
const readyStateGetter = Object.getOwnPropertyDescriptor(Document.prototype, 'readyState')!.get!;

/** Runs once the document is parsed (content scripts start before the page's DOM exists). */
function whenParsed(run: () => void): void {
  if (readyStateGetter.call(document) !== 'loading') run();
  else addListener.call(document, 'DOMContentLoaded', () => run(), { once: true });
}

const idleCallback = typeof requestIdleCallback === 'function' ? requestIdleCallback : undefined;

/**
 * Runs `work` once the host page is idle (its own start-up done), at most `timeout` ms later: the
 * frame is inserted off the page's critical path.
 */
function whenHostIdle(work: () => void, timeout = 1000): void {
  if (idleCallback) idleCallback(() => work(), { timeout });
  else setTimeout(work, 0);
}

/**
 * Webmail: follow the page, report each new context, and dock the sidebar frame once the
 * background has told us which tab we are in: at idle, as a static collapsed tab while nobody is
 * on screen, with the app once someone is. One frame per tab, kept across thread switches.
 * Nothing here may throw into the host page.
 */
export function startWebmail(adapter: SiteAdapter, ctx: ScriptContext): void {
  whenParsed(() => runWebmail(adapter, ctx));
}

function runWebmail(adapter: SiteAdapter, ctx: ScriptContext): void {
  let frame: MountedFrame | undefined;
  let mounting = false;
  /** Someone is (or was) on screen since the frame was planned: the app is wanted. */
  let someone = false;
  /** The width reserved before the frame exists (see `reserveWidth`). */
  let reserved = 0;
  let refused = false;
  const onContext = (context: Parameters<typeof sendContext>[0]) => {
    if (ctx.isInvalid) return;
    if (context.people.length > 0) someone = true;
    if (someone && frame?.idle) frame.boot();
    if (!frame && !mounting && !refused) {
      const width = someone ? WIDTH : COLLAPSED_WIDTH;
      if (width !== reserved) reserveWidth(document, (reserved = width));
    }
    void sendContext(context).then((ack) => {
      if (!frame && !mounting && (!ack.ok || ack.tabId === undefined)) {
        // No frame comes for this report (the background refused it): the room goes back.
        refused = true;
        if (reserved) releaseWidth(document);
        reserved = 0;
      }
      if (!ack.ok || ack.tabId === undefined || frame || mounting || ctx.isInvalid) return;
      mounting = true;
      const tabId = ack.tabId;
      whenHostIdle(() => {
        if (ctx.isInvalid) return;
        const theme = hostTheme(document);
        frame = mountFrame(document, `${extensionUrl('/sidebar.html')}?tabId=${tabId}&host=${adapter.site}&theme=${theme}`, !someone);
      });
    });
  };
  const stop = watchPage(adapter, window, onContext);
  const stopLayout = onFrameLayout((layout) => frame?.setWidth(layout.collapsed ? COLLAPSED_WIDTH : layout.width));
  // Some pages sweep foreign nodes; put the frame back without a polling loop.
  const keeper = new MutationObserver(() => frame?.ensureAttached());
  keeper.observe(document.documentElement, { childList: true });
  ctx.onInvalidated(() => {
    stop();
    stopLayout();
    keeper.disconnect();
    frame?.remove();
    if (reserved) releaseWidth(document);
    void clearContext();
  });
}

/** LinkedIn: read and report only; nothing is added to the page. */
export function startReadOnly(adapter: SiteAdapter, ctx: ScriptContext): void {
  whenParsed(() => runReadOnly(adapter, ctx));
}

function runReadOnly(adapter: SiteAdapter, ctx: ScriptContext): void {
  const stop = watchPage(adapter, window, (context) => {
    if (!ctx.isInvalid) void sendContext(context);
  });
  ctx.onInvalidated(() => {
    stop();
    void clearContext();
  });
}
