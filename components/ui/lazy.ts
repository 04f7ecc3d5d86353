import { lazy, useEffect, useState, type ComponentType } from 'react';

/**
 * A component loaded from its own chunk the first time it is rendered (React.lazy over a named
 * export). `load` must be a literal `() => import('…')` so the bundler splits the module out; the
 * returned `prefetch` starts the same import early (for idle time).
 *
 * Once the module is in (prefetched, or loaded for another export of the same chunk), the component
 * renders at once: its loader hands React a thenable that has already settled (React.lazy takes any
 * thenable, and reads one that calls back synchronously without suspending). A lazy component that
 * suspends shows its boundary's fallback, and React then holds the content back for 300 ms after it
 * (its fallback throttle): the timeline came 300 ms after the card although its chunk was loaded.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] & LazyPart {
  let pending: Promise<M> | undefined;
  let loaded: M | undefined;
  const once = () =>
    (pending ??= load().then((module) => {
      loaded = module;
      return module;
    }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props; the result is typed as M[K]
  type Loaded = { default: ComponentType<any> };
  const settled = (module: M): PromiseLike<Loaded> => ({
    then: (onFulfilled) => onFulfilled!({ default: module[name] as Loaded['default'] }) as never,
  });
  const Lazy = lazy(() => (loaded ? settled(loaded) : once().then((module) => ({ default: module[name] as Loaded['default'] }))) as Promise<Loaded>);
  const part: LazyPart = {
    prefetch: () => void once().catch(() => undefined),
    loaded: () => loaded !== undefined,
    load: () => once(),
  };
  return Object.assign(Lazy, part) as unknown as M[K] & LazyPart;
}

/** What `lazyNamed` adds to the component. */
export interface LazyPart {
  /** Starts loading the chunk (for idle time); never rejects. */
  prefetch(): void;
  /** True once the chunk is in: the component then renders without suspending. */
  loaded(): boolean;
  load(): Promise<unknown>;
}

/**
 * True once `part`'s chunk is in, loading it on mount: lets a view hold back what must appear
 * together with the part (a card and its tabs) instead of showing it alone and the part later.
 * Also true when the chunk failed to load, so the part's own error shows where it is mounted.
 */
export function usePartLoaded(part: LazyPart): boolean {
  const [ready, setReady] = useState(part.loaded);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const done = () => live && setReady(true);
    part.load().then(done, done);
    return () => {
      live = false;
    };
  }, [part, ready]);
  return ready;
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
