/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Reading a contract: the official full ODCS example (from the shared corpus, or the
 * project's own parcels contract when the corpus is not beside the checkout) read, validated
 * and normalised by
 * readContract (goal: ≤ 2.0× a bare `yaml.parse` of the same bytes, measured in the same run),
 * with the time of each step for where it goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { normalizeContract } from '../src/formats/normalizeContract';
import type { OdcsContract } from '../src/odcs/model';
import { validateOdcs } from '../src/odcs/validate';
import { readContract } from '../src/read';
import { parseSource } from '../src/source';

const OFFICIAL = path.resolve(
  __dirname,
  '../../../../shared/corpus/odcs/v3.1-examples/all--full-example.odcs.yaml',
);
const FILE = fs.existsSync(OFFICIAL)
  ? OFFICIAL
  : path.resolve(__dirname, '../src/__testUtils__/fixtures/parcels.odcs.yaml');
const WARMUP = 200;
const RUNS = 1001;
const GOAL_RATIO = 2.0;

const text = fs.readFileSync(FILE, 'utf8');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const check = readContract(text, { fileName: path.basename(FILE) });
if (!check.valid || check.format !== 'odcs') {
  throw new Error(
    `the example did not read as a valid ODCS contract: ${JSON.stringify(
      check.issues,
    )}`,
  );
}

const [document] = parseSource(text).documents;
const steps = {
  read: () => readContract(text, { fileName: path.basename(FILE) }),
  baseline: () => parse(text),
  parseSource: () => parseSource(text),
  validateOdcs: () => validateOdcs(document.value, document),
  normalizeContract: () => normalizeContract(document.value as OdcsContract),
};
const times: Record<keyof typeof steps, number[]> = {
  read: [],
  baseline: [],
  parseSource: [],
  validateOdcs: [],
  normalizeContract: [],
};

for (let i = 0; i < WARMUP; i++) for (const run of Object.values(steps)) run();
// Interleaved, so that drift in the machine's load hits every measure alike.
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(steps)) {
    times[name as keyof typeof steps].push(time(run));
  }
}

const readMs = median(times.read);
const baselineMs = median(times.baseline);
const ratio = readMs / baselineMs;
console.log(
  `readContract on ${path.basename(FILE)} (${
    text.length
  } bytes), median of ${RUNS} runs after ${WARMUP} warm-up runs`,
);
console.log(`  read + validate + normalise: ${readMs.toFixed(3)} ms`);
console.log(
  `  baseline (yaml.parse of the same bytes): ${baselineMs.toFixed(3)} ms`,
);
console.log(
  `  ratio: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO.toFixed(1)}×: ${
    ratio <= GOAL_RATIO ? 'met' : 'NOT met'
  })`,
);
console.log(
  `  steps: parseSource ${median(times.parseSource).toFixed(
    3,
  )} ms, validateOdcs ${median(times.validateOdcs).toFixed(
    3,
  )} ms, normalizeContract ${median(times.normalizeContract).toFixed(3)} ms`,
);
