/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The Contract tab with a wide contract: from mounting the tab (the backend's answer
 * ready) to the frame where every field row and the servers are on screen and the page is
 * idle. Budget: 500 fields in 300 ms or less (median of cold runs, each in a fresh page).
 * Baseline: the same fields in Backstage's Table (material-table), unpaged.
 */
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { resolve } from 'node:path';
import { schemaRows } from '../src/lib/schemaRows';
import { generateContractYaml } from './harness/generateContract';
import { ms, openBrowserBench, stats } from './harness/browserBench';

const BUDGET_MS = 300;
const RUNS = Number(process.env.DATA_MESH_BENCH_RUNS ?? 7);
const SIZES = [100, 500, 2000];

function contractResponse(fields: number) {
  const source = generateContractYaml(fields);
  const reading = readContract(source, { fileName: 'wide.odcs.yaml' });
  if (!reading.contract || !reading.valid) {
    throw new Error(
      `the generated contract is not valid: ${JSON.stringify(
        reading.issues.slice(0, 3),
      )}`,
    );
  }
  return {
    format: reading.format,
    contract: reading.contract,
    source,
    location: 'wide.odcs.yaml',
    issues: reading.issues,
  };
}

async function main() {
  const bench = await openBrowserBench(
    resolve(__dirname, 'harness/contractPage.tsx'),
  );
  let failed = false;
  try {
    const warmup = contractResponse(20);
    console.log(
      `Contract tab, ${RUNS} runs per size, each in a fresh page, median [min–max]; cold: the first tab the page opens; second tab: opened after a 20-field one`,
    );
    for (const fields of SIZES) {
      const response = contractResponse(fields);
      const rows = response.contract.schema!.reduce(
        (n, o) => n + schemaRows(o).length,
        0,
      );
      const measure = async (variant: string, warm = false) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await bench.run<{ ms: number; rendered: number }>({
            variant,
            response,
            rows,
            warmup: warm ? warmup : undefined,
          });
          if (result === 'timeout')
            throw new Error(
              `${variant} did not render ${fields} fields in 60 s`,
            );
          if (result.rendered < rows)
            throw new Error(
              `${variant} rendered ${result.rendered} of ${rows} rows`,
            );
          times.push(result.ms);
        }
        return stats(times);
      };
      const ours = await measure('contract-tab');
      const oursWarm = await measure('contract-tab', true);
      const baseline = await measure('backstage-table');
      let verdict = '';
      if (fields === 500) {
        verdict =
          ours.median <= BUDGET_MS
            ? ' ✓ within 300 ms'
            : ' ✗ OVER the 300 ms budget';
      }
      if (fields === 500 && ours.median > BUDGET_MS) failed = true;
      console.log(
        `${String(fields).padStart(5)} fields (${rows} rows): Contract tab ${ms(
          ours.median,
        )} [${ms(ours.min)}–${ms(ours.max)}]` +
          ` | second tab opened ${ms(oursWarm.median)}` +
          ` | Backstage Table ${ms(baseline.median)} [${ms(baseline.min)}–${ms(
            baseline.max,
          )}]` +
          ` | ratio ${(baseline.median / ours.median).toFixed(
            1,
          )}× faster${verdict}`,
      );
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
