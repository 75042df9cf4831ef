/**
 * `contractkit rules | head`: once the reader of stdout (or stderr) has gone,
 * writes fail with EPIPE. Node reports that as an unhandled stream error and
 * dies with a stack trace; a command-line tool stops writing quietly instead
 * and ends with the exit code its command chose.
 */

/** Error codes of a write to an output whose reader is gone (the first write, then any after it). */
const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

const tolerated = new WeakSet<NodeJS.WriteStream>();

/** Makes writes to `stream` after its reader closed no-ops instead of a crash; other errors stay fatal. Once per stream (a run in-process calls it again). */
export function tolerateClosedOutput(stream: NodeJS.WriteStream): void {
  if (tolerated.has(stream)) return;
  tolerated.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (!CLOSED.has(err.code ?? '')) throw err;
    // the stream is destroyed now: later writes error again (and land here), the run goes on to its exit code
  });
}
