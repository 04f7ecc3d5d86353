import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../../utils/sites/types';
import { AUTOLOG_HOLD_MS, createAutoLogger, type AutoLogSummary } from './autolog';

/*
 * The background's automatic logging stays off the sidebar's update path: a reported thread is
 * held until the tab's sidebar, having painted the people, asks (or the hold runs out); runs of a
 * tab follow each other in the order they were reported.
 */

const context = (threadId: string, site: PageContext['site'] = 'gmail'): PageContext =>
  ({ site, view: 'email-thread', url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`, threadId, people: [], messages: [{ id: `${threadId}-1`, to: [], cc: [] }] }) as unknown as PageContext;

describe('automatic logging in the background', () => {
  let ran: string[];
  const run = vi.fn(async (c: PageContext): Promise<AutoLogSummary> => {
    ran.push(c.threadId!);
    return { stored: 1, known: 0 };
  });
  beforeEach(() => {
    ran = [];
    run.mockClear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('holds a reported thread until the sidebar has shown it and asks; the reply comes after the held run', async () => {
    const logger = createAutoLogger(run);
    const held = logger.afterShown(7, context('a'));
    await vi.advanceTimersByTimeAsync(AUTOLOG_HOLD_MS - 1);
    // Nothing read or written while the sidebar is still showing the contact.
    expect(run).not.toHaveBeenCalled();
    const asked = await logger.now(7, context('b'));
    expect(asked).toEqual({ stored: 1, known: 0 });
    expect(ran).toEqual(['a', 'b']);
    expect(await held).toEqual({ stored: 1, known: 0 });
    // The hold's timer was cleared: the thread is not logged a second time.
    await vi.advanceTimersByTimeAsync(AUTOLOG_HOLD_MS * 2);
    expect(ran).toEqual(['a', 'b']);
  });

  it('logs anyway when no sidebar asks (collapsed, closed, a slow host), and never on LinkedIn', async () => {
    const logger = createAutoLogger(run);
    const held = logger.afterShown(3, context('a'));
    const linkedin = await logger.afterShown(3, context('li', 'linkedin'));
    expect(linkedin.skipped).toBe('linkedin');
    await vi.advanceTimersByTimeAsync(AUTOLOG_HOLD_MS);
    expect(await held).toEqual({ stored: 1, known: 0 });
    expect(ran).toEqual(['a']);
  });

  it('lets held threads of a tab go when its sidebar has nothing to log or the tab closes; other tabs wait', async () => {
    const logger = createAutoLogger(run);
    void logger.afterShown(1, context('one'));
    void logger.afterShown(2, context('two'));
    void logger.afterShown(2, context('two-b'));
    logger.release(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['one']);
    logger.forget(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['one', 'two', 'two-b']);
  });

  it('a failing run reaches neither the page nor the router', async () => {
    const logger = createAutoLogger(async () => {
      throw new Error('QuotaExceededError');
    });
    expect(await logger.now(5, context('a'))).toEqual({ stored: 0, known: 0, skipped: 'failed' });
  });
});
