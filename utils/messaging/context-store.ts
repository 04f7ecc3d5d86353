import type { PageContext } from '../sites/types';

/** Where tab contexts survive a service-worker restart (storage.session in the extension). */
export interface SessionArea {
  get(key: string | null): Promise<Record<string, unknown>>;
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

  /**
   * Forgets every tab context that shows one of these people (an erased contact): in memory and
   * in session storage. The page itself still shows them; its next report brings back only what
   * is on screen.
   */
  async forgetPeople(who: { emails: readonly string[]; names: readonly string[]; linkedin: readonly string[] }): Promise<void> {
    const needles = [...who.emails, ...who.linkedin].map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
    const names = who.names.map((s) => s.trim().toLowerCase()).filter((s) => s.length > 1);
    const mentions = (context: unknown): boolean => {
      const text = JSON.stringify(context ?? null).toLowerCase();
      return needles.some((n) => text.includes(n)) || names.some((n) => text.includes(n));
    };
    const stored = this.area ? await this.area.get(null) : {};
    const tabs = new Set<number>();
    for (const [tabId, context] of this.contexts) if (mentions(context)) tabs.add(tabId);
    for (const [k, context] of Object.entries(stored)) {
      if (k.startsWith('context:') && mentions(context)) tabs.add(Number(k.slice('context:'.length)));
    }
    for (const tabId of tabs) await this.delete(tabId);
  }

  async delete(tabId: number): Promise<void> {
    this.contexts.delete(tabId);
    await this.area?.remove(key(tabId));
  }
}
