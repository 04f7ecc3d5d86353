import type { PageContext } from '../sites/types';

/** Where tab contexts survive a service-worker restart (storage.session in the extension). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `context:${tabId}`;

/** Validated page contexts per tab, kept in memory and mirrored to session storage. */
export class ContextStore {
  private readonly contexts = new Map<number, PageContext>();

  constructor(private readonly area: SessionArea | undefined) {}

  async get(tabId: number): Promise<PageContext | null> {
    const cached = this.contexts.get(tabId);
    if (cached) return cached;
    if (!this.area) return null;
    const stored = (await this.area.get(key(tabId)))[key(tabId)] as PageContext | undefined;
    if (stored) this.contexts.set(tabId, stored);
    return stored ?? null;
  }

  /** The context held in memory, without waiting (a user gesture must not await). */
  peek(tabId: number): PageContext | undefined {
    return this.contexts.get(tabId);
  }

  async set(tabId: number, context: PageContext): Promise<void> {
    this.contexts.set(tabId, context);
    try {
      await this.area?.set({ [key(tabId)]: context });
    } catch {
      // The mirror is best-effort (session storage has a quota; a 1 000-message thread can exceed
      // it): the context in memory still serves the sidebar until the worker restarts.
      await this.area?.remove(key(tabId)).catch(() => undefined);
    }
  }

  async delete(tabId: number): Promise<void> {
    this.contexts.delete(tabId);
    await this.area?.remove(key(tabId));
  }
}
