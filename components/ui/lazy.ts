import { lazy, type ComponentType } from 'react';

/**
 * A component loaded from its own chunk the first time it is rendered (React.lazy over a named
 * export). `load` must be a literal `() => import('…')` so the bundler splits the module out; the
 * returned `prefetch` starts the same import early (for idle time).
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & { prefetch(): void } {
  let pending: Promise<M> | undefined;
  const once = () => (pending ??= load());
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props; the result is typed as M[K]
  const Lazy = lazy(async () => ({ default: (await once())[name] as ComponentType<any> }));
  return Object.assign(Lazy, { prefetch: () => void once().catch(() => undefined) }) as unknown as M[K] & { prefetch(): void };
}

/**
 * Runs `work` once the page has been idle for a moment (after the first paint settled), so chunks a
 * user may open next are fetched and compiled off the path of what is on screen.
 */
export function whenIdle(work: () => void, delayMs = 1500): () => void {
  let idle = 0;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(() => work(), { timeout: 5000 });
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdleCallback(idle);
  };
}
