/**
 * Attempt deadlines shared by calls that start together. An AbortController
 * and a timer per attempt are a measurable share of a loopback call; calls
 * with the same timeout that start within a short slack (1% of the timeout,
 * at most 50 ms) share one controller and one timer instead. A deadline never
 * fires early: it fires between `timeoutMs` and `timeoutMs + slack` after the
 * attempt started. A slot's timer is cleared as soon as its last attempt ends,
 * so idle clients keep no timers (and no process) alive.
 */

/** The deadline of one attempt: the signal to pass to fetch, and `release()` once the attempt is over. */
export interface Deadline {
  signal: AbortSignal;
  release(): void;
}

interface Slot {
  controller: AbortController;
  openedAt: number;
  members: number;
  active: number;
  timer: ReturnType<typeof setTimeout>;
}

/** Creates a deadline source; `maxPerSlot` bounds how many attempts share one signal (and its abort listeners). */
export function createDeadlines(maxPerSlot = 64): (timeoutMs: number) => Deadline {
  const open = new Map<number, Slot>();
  return (timeoutMs) => {
    const now = Date.now();
    const slack = Math.min(50, Math.max(1, Math.floor(timeoutMs / 100)));
    let slot = open.get(timeoutMs);
    if (!slot || slot.members >= maxPerSlot || now - slot.openedAt >= slack) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs + slack);
      slot = { controller, openedAt: now, members: 0, active: 0, timer };
      open.set(timeoutMs, slot);
    }
    const s = slot;
    s.members++;
    s.active++;
    let released = false;
    return {
      signal: s.controller.signal,
      release() {
        if (released) return;
        released = true;
        if (--s.active > 0) return;
        clearTimeout(s.timer);
        if (open.get(timeoutMs) === s) open.delete(timeoutMs);
      },
    };
  };
}
