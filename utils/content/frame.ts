/**
 * The docked sidebar frame in webmail: one `#rapport-root` host holding an iframe of the extension's
 * sidebar page. The page can see the host element but not into the frame (another origin).
 * DOM calls go through the prototypes, so a page that clobbers `document.createElement` or
 * `document.body` with named elements cannot redirect them.
 */

const createElement = Document.prototype.createElement;
const appendChild = Node.prototype.appendChild;
const setAttribute = Element.prototype.setAttribute;
const documentElementGetter = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!;
const bodyGetter = Object.getOwnPropertyDescriptor(Document.prototype, 'body')!.get!;
const getComputed = window.getComputedStyle.bind(window);

export const ROOT_ID = 'rapport-root';
export const WIDTH = 360;
/** Width of the slim handle while collapsed. */
export const COLLAPSED_WIDTH = 36;

// Every declaration !important: an inline !important declaration beats any page stylesheet, so a
// page's CSS cannot hide, shrink or restyle the frame.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['right', '0'],
  ['left', 'auto'],
  ['bottom', 'auto'],
  ['width', `${WIDTH}px`],
  ['max-width', '100vw'],
  ['height', '100vh'],
  ['z-index', '2147483646'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['box-shadow', '-1px 0 0 rgba(0,0,0,.12)'],
  ['background', 'transparent'],
];

const FRAME_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['border', '0'],
  ['width', '100%'],
  ['height', '100%'],
  ['color-scheme', 'normal'],
];

function applyStyle(el: HTMLElement, style: [string, string][]): void {
  for (const [name, value] of style) el.style.setProperty(name, value, 'important');
}

/**
 * Makes room for the frame at the page's right edge: the page keeps its layout, narrower by `width`,
 * so nothing of the mail sits under the frame. Done at the first report, before the frame exists
 * (on a page that arrives whole, before its first layout): the frame's arrival then moves nothing
 * and costs the page no second layout.
 */
export function reserveWidth(doc: Document, width: number): void {
  (documentElementGetter.call(doc) as HTMLElement).style.setProperty('margin-right', `${width}px`, 'important');
}

/** Gives the reserved room back. */
export function releaseWidth(doc: Document): void {
  (documentElementGetter.call(doc) as HTMLElement).style.removeProperty('margin-right');
}

export interface MountedFrame {
  host: HTMLElement;
  /** True while the frame shows the static collapsed tab (the app not loaded). */
  readonly idle: boolean;
  /** Loads the app in an idle frame (a same-document fragment change: the page is not reloaded). */
  boot(): void;
  /** Sets the frame's width and makes room for it, so it never covers the reading area. */
  setWidth(width: number): void;
  /** Puts the host back when the page removed it; returns true when it had to. */
  ensureAttached(): boolean;
  remove(): void;
}

/**
 * Mounts the sidebar frame for a tab. `idle`: nobody is on screen (a list view), so the frame shows a
 * static collapsed tab (`#idle`) that loads the app when someone appears (`boot`) or when clicked.
 * Everything the page sees is written in one go (no read of the page's layout in between), so the
 * page lays out once.
 */
export function mountFrame(doc: Document, src: string, idle = false): MountedFrame {
  // A copy left by an earlier version of this script (extension updated or reloaded) goes first.
  for (const old of Array.from(Document.prototype.querySelectorAll.call(doc, `#${ROOT_ID}`))) old.remove();
  const host = createElement.call(doc, 'div') as HTMLElement;
  setAttribute.call(host, 'id', ROOT_ID);
  applyStyle(host, HOST_STYLE);
  const frame = createElement.call(doc, 'iframe') as HTMLIFrameElement;
  setAttribute.call(frame, 'src', `${src}#${idle ? 'idle' : 'boot'}`);
  setAttribute.call(frame, 'title', 'Rapport');
  applyStyle(frame, FRAME_STYLE);
  // Only what "copy as Markdown" needs.
  setAttribute.call(frame, 'allow', 'clipboard-write');
  appendChild.call(host, frame);
  const root = () => documentElementGetter.call(doc) as HTMLElement;
  // Appended to <html>, not <body>: pages that rebuild or sweep their body leave us alone.
  appendChild.call(root(), host);
  const setWidth = (width: number) => {
    host.style.setProperty('width', `${width}px`, 'important');
    // Unchanged when the room was reserved at this width already.
    reserveWidth(doc, width);
  };
  setWidth(idle ? COLLAPSED_WIDTH : WIDTH);
  let isIdle = idle;
  return {
    host,
    get idle() {
      return isIdle;
    },
    boot() {
      if (!isIdle) return;
      isIdle = false;
      setWidth(WIDTH);
      setAttribute.call(frame, 'src', `${src}#boot`);
    },
    setWidth,
    ensureAttached() {
      if (host.isConnected) return false;
      appendChild.call(root(), host);
      return true;
    },
    remove() {
      host.remove();
      releaseWidth(doc);
    },
  };
}

/** `dark` when the host page paints a dark background (Gmail and Outlook dark themes), else `light`. */
export function hostTheme(doc: Document): 'dark' | 'light' {
  try {
    const body = bodyGetter.call(doc) as Element | null;
    for (const el of [body, documentElementGetter.call(doc) as Element]) {
      if (!el || !(el instanceof Element)) continue;
      const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputed(el).backgroundColor);
      if (!match || match[4] === '0') continue;
      const [r, g, b] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
    }
  } catch {
    // An odd page: fall back to light.
  }
  return 'light';
}
