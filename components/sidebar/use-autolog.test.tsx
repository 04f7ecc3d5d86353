// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, expect, it, vi } from 'vitest';
import { withTestRoot } from '../../tests/support/react-root';
import type { PersonMatch } from '../../utils/db/repos/contacts';
import type { PageContext } from '../../utils/sites/types';
import { useAutoLogAfterShown } from './use-autolog';

/* The sidebar asks the background to log the thread only after it has painted the people on screen. */

const runAutoLog = vi.hoisted(() => vi.fn(async (_tabId: number) => undefined));
vi.mock('../../utils/messaging/client', () => ({ runAutoLog }));

const view = withTestRoot();
const thread = (threadId: string, site: PageContext['site'] = 'gmail') =>
  ({ site, view: 'email-thread', url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`, threadId, people: [], messages: [{ id: 'm1', to: [], cc: [] }] }) as unknown as PageContext;
const known = (...ids: string[]) => ids.map((id) => ({ contact: { id }, suggestions: [] }) as unknown as PersonMatch);

function Probe({ context, matches }: { context: PageContext; matches: PersonMatch[] | undefined }) {
  useAutoLogAfterShown(7, context, matches);
  return <p>{matches ? 'shown' : 'loading'}</p>;
}
const render = (context: PageContext, matches: PersonMatch[] | undefined) => act(() => view.root.render(<Probe context={context} matches={matches} />));
const afterPaint = () => act(() => new Promise((r) => setTimeout(r, 50)));

beforeEach(() => runAutoLog.mockClear());

it('asks once the people are painted, not while they load, and again only for a new page or someone newly known', async () => {
  const a = thread('a');
  render(a, undefined);
  await afterPaint();
  expect(runAutoLog).not.toHaveBeenCalled();
  render(a, known('ct_1'));
  // Not during the commit that shows them: after the paint.
  expect(runAutoLog).not.toHaveBeenCalled();
  await afterPaint();
  expect(runAutoLog.mock.calls).toEqual([[7]]);
  render({ ...a }, known('ct_1'));
  await afterPaint();
  expect(runAutoLog).toHaveBeenCalledTimes(1);
  render(a, known('ct_1', 'ct_2'));
  await afterPaint();
  expect(runAutoLog).toHaveBeenCalledTimes(2);
  render(thread('b'), known('ct_1'));
  await afterPaint();
  expect(runAutoLog).toHaveBeenCalledTimes(3);
});

it('never asks on LinkedIn (nothing is logged there by itself)', async () => {
  render(thread('li', 'linkedin'), known('ct_1'));
  await afterPaint();
  expect(runAutoLog).not.toHaveBeenCalled();
});
