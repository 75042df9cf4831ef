/**
 * "Did you mean …?": the nearest known name to a misspelt one. One helper for
 * every place that knows the valid names (CLI commands, options and targets,
 * config keys and values, the operations a saga step calls).
 */

/**
 * Edit distance between two strings, case-insensitive: insertions, deletions,
 * substitutions and swaps of two neighbouring letters (`grcp` → `grpc` is 1)
 * each count one (optimal string alignment).
 */
export function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j]!, before[j - 2]! + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate nearest to `name`, when it is within a third of the name's
 * length (at least 2 edits); else undefined. Of equally near ones, the first
 * that starts with the same letter wins (`lnit` is `lint` rather than `init`):
 * the first letter is the one people get right.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  const first = name.charAt(0).toLowerCase();
  for (const c of candidates) {
    // half an edit for another first letter: it only ever breaks ties
    const d = distance(name, c) + (c.charAt(0).toLowerCase() === first ? 0 : 0.5);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** {@link closest} as a sentence to append to a message: `` Did you mean `x`?`` (with a leading space), or ''. */
export function didYouMean(name: string, candidates: Iterable<string>, format: (candidate: string) => string = (c) => c): string {
  const best = closest(name, candidates);
  return best === undefined ? '' : ` Did you mean \`${format(best)}\`?`;
}
