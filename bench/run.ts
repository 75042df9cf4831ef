/**
 * `npm run bench`: side-by-side benchmarks of contractkit and its peer tools,
 * measured in the same run on the same input, printed as ratios.
 *
 *   npm run bench                 # every scenario
 *   npm run bench -- lint-github  # scenarios whose name contains the word
 *   BENCH_RUNS=5 npm run bench    # runs per command (median wall time; default 3)
 */
import { measureRepeated, type Measurement } from './measure.js';
import { SCENARIOS } from './scenarios.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const filter = process.argv.slice(2);
const chosen = SCENARIOS.filter((s) => filter.length === 0 || filter.some((f) => s.name.includes(f)));

function fmt(m: Measurement): string {
  return `${(m.wallMs / 1000).toFixed(2)} s, ${m.peakRssMb ? m.peakRssMb.toFixed(0) + ' MB' : '? MB'}${m.exitCode === 0 || m.exitCode === 1 ? '' : ` (exit ${m.exitCode})`}`;
}

for (const s of chosen) {
  const setupError = s.setup?.();
  console.log(`\n## ${s.name}\n${s.description}`);
  if (setupError) {
    console.log(`skipped: ${setupError}`);
    continue;
  }
  const ours = measureRepeated(s.ours.cmd, s.ours.args, s.cwd, runs);
  console.log(`contractkit  ${s.ours.label.padEnd(40)} ${fmt(ours)}`);
  for (const peer of s.peers) {
    const theirs = measureRepeated(peer.cmd, peer.args, s.cwd, Math.min(runs, peer.maxRuns ?? runs));
    const ratio = ours.wallMs / theirs.wallMs;
    const mem = ours.peakRssMb && theirs.peakRssMb ? `, memory ${(ours.peakRssMb / theirs.peakRssMb).toFixed(2)}×` : '';
    console.log(`${peer.tool.padEnd(12)} ${peer.label.padEnd(40)} ${fmt(theirs)}`);
    console.log(`ratio contractkit / ${peer.tool}: wall ${ratio.toFixed(2)}×${mem}${s.target ? `  (target ${s.target})` : ''}`);
  }
}
