/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The lineage view of a generated graph: from mounting the view (the backend's answer
 * ready) to the frame where the graph is drawn and the page is idle (it answers input at
 * once); then the time a wheel zoom and a click on a node take to show. Budget: 1,000
 * nodes interactive in 1.5 s or less (median, each run in a fresh page).
 * Baseline: Backstage's DependencyGraph (dagre layout, SVG) on the same graph, until it
 * is laid out and shown. It can take minutes at 1,000 nodes: it is given
 * DATA_MESH_BENCH_BASELINE_CAP_MS (default 120 s), and a run past the cap reports "> cap".
 */
import { resolve } from 'node:path';
import { generateLineage } from './harness/generateLineage';
import { ms, openBrowserBench, stats } from './harness/browserBench';

const BUDGET_MS = 1500;
const RUNS = Number(process.env.DATA_MESH_BENCH_RUNS ?? 5);
const CAP_MS = Number(process.env.DATA_MESH_BENCH_BASELINE_CAP_MS ?? 120_000);
const SIZES = [50, 200, 500, 1000, 3000];
/** DependencyGraph runs per size (one from 500 nodes: a run can take the whole cap). */
const BASELINE_RUNS: Record<number, number> = {
  50: 3,
  200: 3,
  500: 1,
  1000: 1,
};

interface CanvasResult {
  ms: number;
  zoomMs: number;
  clickMs: number;
  drawn: boolean;
  clickOpened: boolean;
}

async function main() {
  const bench = await openBrowserBench(
    resolve(__dirname, 'harness/lineagePage.tsx'),
  );
  let failed = false;
  try {
    console.log(
      `Lineage view, ${RUNS} runs per size (fresh page each), median [min–max]; DependencyGraph capped at ${ms(
        CAP_MS,
      )}`,
    );
    for (const size of SIZES) {
      const lineage = generateLineage(size);
      const runs: CanvasResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await bench.run<CanvasResult>({
          variant: 'canvas',
          lineage,
        });
        if (result === 'timeout')
          throw new Error(
            `the lineage view of ${size} nodes did not get ready in 60 s`,
          );
        if (!result.drawn)
          throw new Error(`the lineage view of ${size} nodes drew nothing`);
        if (!result.clickOpened)
          throw new Error(
            `a click on the root of ${size} nodes did not open it`,
          );
        runs.push(result);
      }
      const ready = stats(runs.map(r => r.ms));
      const zoom = stats(runs.map(r => r.zoomMs));
      const click = stats(runs.map(r => r.clickMs));
      let line =
        `${String(size).padStart(5)} nodes, ${String(
          lineage.edges.length,
        ).padStart(5)} edges: ` +
        `canvas ${ms(ready.median)} [${ms(ready.min)}–${ms(
          ready.max,
        )}], zoom ${ms(zoom.median)}, click ${ms(click.median)}`;
      const baselineRuns = BASELINE_RUNS[size] ?? 0;
      if (baselineRuns > 0) {
        const times: number[] = [];
        let capped = false;
        for (let i = 0; i < baselineRuns; i++) {
          const result = await bench.run<{ ms: number }>(
            { variant: 'dependency-graph', lineage },
            CAP_MS,
          );
          if (result === 'timeout') {
            capped = true;
            break;
          }
          times.push(result.ms);
        }
        if (capped) {
          line += ` | DependencyGraph > ${ms(
            CAP_MS,
          )} (not ready at the cap) | ratio > ${(CAP_MS / ready.median).toFixed(
            0,
          )}×`;
        } else {
          const baseline = stats(times);
          line += ` | DependencyGraph ${ms(baseline.median)} [${ms(
            baseline.min,
          )}–${ms(baseline.max)}] | ratio ${(
            baseline.median / ready.median
          ).toFixed(1)}×`;
        }
      } else {
        line += ' | DependencyGraph not run at this size';
      }
      if (size === 1000) {
        const within = ready.median <= BUDGET_MS;
        if (!within) failed = true;
        line += within ? ' ✓ within 1.5 s' : ' ✗ OVER the 1.5 s budget';
      }
      console.log(line);
    }
  } finally {
    await bench.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch(e => {
  console.error(e);
  process.exit(2);
});
