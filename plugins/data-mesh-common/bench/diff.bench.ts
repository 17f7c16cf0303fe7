/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * diffContracts on a generated pair of contracts with 2,000 fields each (goal: median ≤ 20 ms),
 * against a baseline measured in the same run: a deep equality check of the same two models,
 * the least any diff must do.
 */
import { isDeepStrictEqual } from 'node:util';
import { diffContracts } from '../src/diff/diffContracts';
import type { OdcsContract } from '../src/odcs/model';

const OBJECTS = 20;
const FIELDS_PER_OBJECT = 100;
const RUNS = 41;
const GOAL_MS = 20;

function generate(): OdcsContract {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'bench',
    version: '1.0.0',
    status: 'active',
    schema: Array.from({ length: OBJECTS }, (_, o) => ({
      id: `obj_${o}`,
      name: `table_${o}`,
      physicalType: 'table',
      quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
      properties: Array.from({ length: FIELDS_PER_OBJECT }, (__, f) => ({
        id: `obj_${o}_field_${f}`,
        name: `field_${f}`,
        logicalType: f % 3 === 0 ? 'integer' : 'string',
        physicalType: f % 3 === 0 ? 'bigint' : 'varchar(64)',
        description: `Field ${f} of table ${o}.`,
        required: f % 2 === 0,
        primaryKey: f === 0,
        classification: f % 7 === 0 ? 'confidential' : 'internal',
        logicalTypeOptions:
          f % 3 === 0 ? { minimum: 0, maximum: 1000 } : { maxLength: 64 },
        quality:
          f % 10 === 0 ? [{ metric: 'nullValues', mustBe: 0 }] : undefined,
      })),
    })),
    slaProperties: [
      { property: 'freshness', value: 1, unit: 'h' },
      { property: 'retention', value: 3, unit: 'y' },
    ],
  } as OdcsContract;
}

/** The new version: 1% of the fields changed in various ways, one renamed, one removed. */
function mutate(contract: OdcsContract): OdcsContract {
  const copy = JSON.parse(JSON.stringify(contract)) as any;
  copy.version = '2.0.0';
  copy.schema.forEach((object: any, o: number) => {
    object.properties[5].required = !object.properties[5].required;
    if (o % 2 === 0)
      object.properties[6].logicalTypeOptions = { maxLength: 128 };
    if (o % 5 === 0) object.properties.splice(7, 1);
    if (o % 5 === 1) object.properties[8].name = 'renamed_field';
  });
  copy.slaProperties[0].value = 2;
  return copy;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const before = generate();
const after = mutate(before);
const [twinA, twinB] = [
  JSON.parse(JSON.stringify(before)),
  JSON.parse(JSON.stringify(before)),
];
const fields = before.schema!.reduce(
  (n, o) => n + (o.properties?.length ?? 0),
  0,
);

for (let i = 0; i < 5; i++) {
  diffContracts(before, after);
  isDeepStrictEqual(twinA, twinB);
}
const diffTimes: number[] = [];
const equalTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  diffTimes.push(time(() => diffContracts(before, after)));
  equalTimes.push(time(() => isDeepStrictEqual(twinA, twinB)));
}
const changes = diffContracts(before, after).changes.length;
// the baseline compares two equal models (the worst case for deep equality: it walks everything)
const diffMs = median(diffTimes);
const baselineMs = median(equalTimes);
console.log(
  `diffContracts, ${fields} fields per contract, ${changes} changes found, ${RUNS} runs`,
);
console.log(
  `  median: ${diffMs.toFixed(2)} ms (goal ≤ ${GOAL_MS} ms: ${
    diffMs <= GOAL_MS ? 'met' : 'NOT met'
  })`,
);
console.log(
  `  baseline (node:util isDeepStrictEqual of two equal 2,000-field models): ${baselineMs.toFixed(
    2,
  )} ms`,
);
console.log(`  ratio diff / baseline: ${(diffMs / baselineMs).toFixed(2)}×`);
