/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Lineage on a generated mesh of 10,000 data products (eight layers of sources, aggregates
 * and consumers, each reading from one to three products of the layer above, and every
 * second-layer product also from one core source, product-0): one hop around a
 * product in the middle (goal ≤ 20 ms p50) and its full closure up and down (goal ≤ 150 ms
 * p50), each including the JSON the API sends. Baseline, measured in the same run: the same
 * one-hop answer found by scanning the whole edge list.
 */
import {
  LineageGraph,
  type LineageEdgeInput,
  type LineageNodeInput,
} from '../src/lineage/LineageGraph';

const PRODUCTS = 10_000;
const LAYERS = 8;
const RUNS = 101;
const WARMUP = 10;

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(42);
const ref = (i: number) => `component:default/product-${i}`;
const perLayer = PRODUCTS / LAYERS;
const nodes: LineageNodeInput[] = [];
const edges: LineageEdgeInput[] = [];
for (let i = 0; i < PRODUCTS; i++) {
  const layer = Math.floor(i / perLayer);
  nodes.push({
    entityRef: ref(i),
    title: `Product ${i}`,
    owner: `group:default/team-${i % 97}`,
    domain: `domain:default/d${i % 13}`,
    sloHealth: 'healthy',
  });
  if (layer === 0) continue;
  if (layer === 1) edges.push({ from: ref(0), to: ref(i), source: 'declared' });
  const upstreams = 1 + Math.floor(random() * 3);
  for (let u = 0; u < upstreams; u++) {
    const from = (layer - 1) * perLayer + Math.floor(random() * perLayer);
    edges.push({
      from: ref(from),
      to: ref(i),
      source: random() < 0.7 ? 'declared' : 'openlineage',
      columns: [{ from: 'id', to: 'id' }],
    });
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(run: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const buildStart = process.hrtime.bigint();
const graph = LineageGraph.build(nodes, edges);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
const root = ref(Math.floor(PRODUCTS / 2));

const oneHop = graph.traverse(root, { direction: 'both', depth: 1 });
const closure = graph.traverse(root, {
  direction: 'both',
  depth: 1000,
  columns: true,
});
// The worst case: the core source, downstream of which lies almost the whole mesh.
const hub = ref(0);
const hubClosure = graph.traverse(hub, {
  direction: 'both',
  depth: 1000,
  columns: true,
});

const oneHopMs = measure(() =>
  JSON.stringify(graph.traverse(root, { direction: 'both', depth: 1 })),
);
const closureMs = measure(() =>
  JSON.stringify(
    graph.traverse(root, { direction: 'both', depth: 1000, columns: true }),
  ),
);
const hubMs = measure(() =>
  JSON.stringify(
    graph.traverse(hub, { direction: 'both', depth: 1000, columns: true }),
  ),
);
const scanMs = measure(() =>
  JSON.stringify(edges.filter(e => e.from === root || e.to === root)),
);

console.log(
  `lineage on ${PRODUCTS} products and ${
    edges.length
  } edges (graph built in ${buildMs.toFixed(1)} ms), median of ${RUNS} runs`,
);
console.log(
  `  1 hop around ${root}: ${oneHop.nodes.length} nodes, ${
    oneHop.edges.length
  } edges: ${oneHopMs.toFixed(3)} ms (goal ≤ 20 ms)`,
);
console.log(
  `  full closure up and down: ${closure.nodes.length} nodes, ${
    closure.edges.length
  } edges: ${closureMs.toFixed(3)} ms (goal ≤ 150 ms)`,
);
console.log(
  `  full closure of the core source ${hub}: ${
    hubClosure.nodes.length
  } nodes, ${hubClosure.edges.length} edges: ${hubMs.toFixed(
    3,
  )} ms (goal ≤ 150 ms)`,
);
console.log(
  `  baseline (one hop by scanning the edge list): ${scanMs.toFixed(
    3,
  )} ms; 1 hop is ${(oneHopMs / scanMs).toFixed(3)}× the baseline`,
);
if (oneHopMs > 20 || closureMs > 150 || hubMs > 150) {
  console.log('  GOAL MISSED');
  process.exitCode = 1;
}
