// @vitest-environment happy-dom
import { act, Suspense, type ReactNode } from 'react';
import { expect, it } from 'vitest';
import { withTestRoot } from '../../tests/support/react-root';
import { lazyNamed, usePartLoaded, type LazyPart } from './lazy';

/*
 * A lazy part whose chunk is already in renders in the same commit as its parent. Suspending even
 * once shows the boundary's fallback, after which React holds the content back for 300 ms.
 */

const view = withTestRoot();
const part = (text: string) => ({ Part: () => <p data-testid="part">{text}</p> });

function Fallback({ seen }: { seen: string[] }) {
  seen.push('fallback');
  return <p data-testid="fallback" />;
}

/** Renders `children` in a boundary whose fallback records in `seen` each time it is rendered. */
const renderInBoundary = (seen: string[], children: ReactNode) =>
  act(() => view.root.render(<Suspense fallback={<Fallback seen={seen} />}>{children}</Suspense>));

it('renders a part whose module is loaded without showing the fallback', async () => {
  let loads = 0;
  const Part = lazyNamed(async () => (loads++, part('loaded before')), 'Part');
  Part.prefetch();
  await act(() => new Promise((r) => setTimeout(r, 0)));
  const seen: string[] = [];
  renderInBoundary(seen, <Part />);
  expect(view.container.querySelector('[data-testid="part"]')?.textContent).toBe('loaded before');
  expect(seen).toEqual([]);
  expect(loads).toBe(1);
});

it('loads a part on its first render, once, behind the fallback', async () => {
  let loads = 0;
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const Part = lazyNamed(async () => {
    loads++;
    await gate;
    return part('loaded on demand');
  }, 'Part');
  const seen: string[] = [];
  renderInBoundary(seen, <><Part /><Part /></>);
  expect(view.container.querySelector('[data-testid="fallback"]')).not.toBeNull();
  Part.prefetch();
  await act(async () => {
    release();
    await gate;
    await new Promise((r) => setTimeout(r, 0));
  });
  expect([...view.container.querySelectorAll('[data-testid="part"]')].map((p) => p.textContent)).toEqual(['loaded on demand', 'loaded on demand']);
  expect(loads).toBe(1);
});

it('shares one load between the exports of a chunk: the second renders at once', async () => {
  let loads = 0;
  const chunk = async () => (loads++, { A: () => <p data-testid="a" />, B: () => <p data-testid="b" /> });
  let pending: ReturnType<typeof chunk> | undefined;
  const load = () => (pending ??= chunk());
  const A = lazyNamed(load, 'A');
  const B = lazyNamed(load, 'B');
  act(() =>
    view.root.render(
      <Suspense fallback={null}>
        <A />
      </Suspense>,
    ),
  );
  await act(() => new Promise((r) => setTimeout(r, 0)));
  expect(view.container.querySelector('[data-testid="a"]')).not.toBeNull();
  // B's own loader has not run, but its module is in: B.prefetch settles it in a microtask.
  B.prefetch();
  await act(() => Promise.resolve());
  const seen: string[] = [];
  renderInBoundary(seen, <><A /><B /></>);
  expect(view.container.querySelector('[data-testid="b"]')).not.toBeNull();
  expect(seen).toEqual([]);
  expect(loads).toBe(1);
});

function Gate({ part, seen }: { part: LazyPart; seen: boolean[] }) {
  const ready = usePartLoaded(part);
  seen.push(ready);
  return ready ? <p data-testid="together" /> : null;
}

it('holds a view back until its part is loaded (or failed), loading it on mount', async () => {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const Part = lazyNamed(async () => (await gate, part('x')), 'Part');
  const seen: boolean[] = [];
  act(() => view.root.render(<Gate part={Part} seen={seen} />));
  expect(seen).toEqual([false]);
  expect(Part.loaded()).toBe(false);
  await act(async () => {
    release();
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(Part.loaded()).toBe(true);
  expect(seen.at(-1)).toBe(true);
  expect(view.container.querySelector('[data-testid="together"]')).not.toBeNull();

  // Already loaded: ready in the first render.
  const again: boolean[] = [];
  act(() => view.root.render(<Gate key="again" part={Part} seen={again} />));
  expect(again[0]).toBe(true);

  // A chunk that fails to load (the extension updated underneath) does not hold the view forever.
  const Broken = lazyNamed(() => Promise.reject(new Error('gone')), 'Part' as never);
  const broken: boolean[] = [];
  act(() => view.root.render(<Gate key="broken" part={Broken} seen={broken} />));
  await act(() => new Promise((r) => setTimeout(r, 0)));
  expect(broken.at(-1)).toBe(true);
});
