/**
 * The settle-once promise of one delivery attempt, shared by the transports
 * that run a handler per message (MQTT, WebSocket, SSE): it settles the first
 * time `finish` is called (ack, dead-letter, the end of a retry, a handler
 * that threw) and ignores every later call.
 */

/** Calls `start` with a `finish` callback; the returned promise settles at its first call. */
export function untilFinished(start: (finish: () => void) => void): Promise<void> {
  return new Promise<void>((settled) => {
    let finished = false;
    start(() => {
      if (!finished) {
        finished = true;
        settled();
      }
    });
  });
}
