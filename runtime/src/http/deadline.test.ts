/**
 * Shared attempt deadlines: attempts starting together share one signal,
 * a deadline never fires before its timeout, and released slots never fire.
 */
import { describe, expect, it } from 'vitest';
import { createDeadlines } from './deadline.js';

describe('createDeadlines', () => {
  it('shares a signal between attempts that start together, up to the slot size', () => {
    const deadlines = createDeadlines(2);
    const a = deadlines(10_000);
    const b = deadlines(10_000);
    const c = deadlines(10_000);
    const other = deadlines(5_000);
    expect(b.signal).toBe(a.signal);
    expect(c.signal).not.toBe(a.signal);
    expect(other.signal).not.toBe(c.signal);
    for (const d of [a, b, c, other]) d.release();
  });

  it('aborts with a TimeoutError no earlier than the timeout, and not at all once released', async () => {
    const deadlines = createDeadlines();
    const started = Date.now();
    const kept = deadlines(30);
    const fired = new Promise<number>((resolve) => kept.signal.addEventListener('abort', () => resolve(Date.now() - started)));
    const released = deadlines(40);
    released.release();
    const elapsed = await fired;
    expect(elapsed).toBeGreaterThanOrEqual(30);
    expect((kept.signal.reason as DOMException).name).toBe('TimeoutError');
    await new Promise((r) => setTimeout(r, 60));
    expect(released.signal.aborted).toBe(false);
    kept.release();
  });
});
