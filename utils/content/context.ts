import { runtimeId } from '../messaging/wire';

/**
 * Replaces WXT's ContentScriptContext in our content scripts (aliased in wxt.config.ts). WXT's
 * announces every start to the page with `window.postMessage` and a document event named after our
 * extension id, which lets any page detect Rapport (LinkedIn probes for extensions) and lets a page
 * invalidate our script with a forged event. This one talks to nobody: it notices an extension
 * reload or update when the runtime goes away, and a newer copy of the script replaces the frame.
 */
export class ContentScriptContext {
  private readonly listeners: (() => void)[] = [];
  private invalid = false;
  readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** True once the extension was reloaded, updated or removed (its runtime is gone). */
  get isInvalid(): boolean {
    if (!this.invalid) {
      // The API was captured at document_start; a page's `<form name=chrome>` cannot shadow it.
      if (runtimeId() == null) this.notifyInvalidated();
    }
    return this.invalid;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  notifyInvalidated(): void {
    if (this.invalid) return;
    this.invalid = true;
    this.abortController.abort('Content script context invalidated');
    for (const listener of this.listeners.splice(0)) {
      try {
        listener();
      } catch {
        // Cleanup must never throw into the host page.
      }
    }
  }
}
