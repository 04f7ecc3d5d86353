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

export const ROOT_ID = 'rapport-root';
const WIDTH = 360;

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'right: 0',
  `width: ${WIDTH}px`,
  'max-width: 100vw',
  'height: 100vh',
  'z-index: 2147483646',
  'display: block',
  'box-shadow: -1px 0 0 rgba(0,0,0,.12)',
  'background: transparent',
].join(';');

const FRAME_STYLE = 'all: initial; display: block; border: 0; width: 100%; height: 100%; color-scheme: normal;';

export interface MountedFrame {
  host: HTMLElement;
  /** Puts the host back when the page removed it; returns true when it had to. */
  ensureAttached(): boolean;
  remove(): void;
}

/** Mounts the sidebar frame for a tab. */
export function mountFrame(doc: Document, src: string): MountedFrame {
  const host = createElement.call(doc, 'div') as HTMLElement;
  setAttribute.call(host, 'id', ROOT_ID);
  setAttribute.call(host, 'style', HOST_STYLE);
  const frame = createElement.call(doc, 'iframe') as HTMLIFrameElement;
  setAttribute.call(frame, 'src', src);
  setAttribute.call(frame, 'title', 'Rapport');
  setAttribute.call(frame, 'style', FRAME_STYLE);
  setAttribute.call(frame, 'allow', '');
  appendChild.call(host, frame);
  const root = () => documentElementGetter.call(doc) as HTMLElement;
  // Appended to <html>, not <body>: pages that rebuild or sweep their body leave us alone.
  appendChild.call(root(), host);
  return {
    host,
    ensureAttached() {
      if (host.isConnected) return false;
      appendChild.call(root(), host);
      return true;
    },
    remove() {
      host.remove();
    },
  };
}
