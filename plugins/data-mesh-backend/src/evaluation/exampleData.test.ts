/**
 * The example mesh's data does what the demo promises: generated as of now, every SLO the
 * scheduler measures on the example products holds, except the stale product's freshness,
 * the drifted product's schema and the shrunk product's volume.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  deriveSlos,
  describeProductAccess,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
// The generator lives with the example mesh it writes data for, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  DRIFTED_PRODUCT,
  SHRUNK_PRODUCT,
  STALE_PRODUCT,
  generateExampleData,
  usualRowCounts,
} from '../../../../examples/generate-data';
import { ServerRegistry } from './ServerRegistry';
import { evaluateProduct } from './evaluateProduct';
import type { DataProduct } from '../products/DataProduct';

const examples = path.resolve(__dirname, '../../../../examples');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-example-data-'));

function exampleProducts(): DataProduct[] {
  const dir = path.join(examples, 'products');
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap(name => {
      const entity = parse(
        fs.readFileSync(path.join(dir, name, 'catalog-info.yaml'), 'utf8'),
      );
      const ref =
        entity.metadata.annotations['data-mesh/contract'] ??
        fs
          .readdirSync(path.join(dir, name))
          .find(f => f.endsWith('.odcs.yaml'));
      const file = path.join(dir, name, ref);
      const { contract, format, issues } = readContract(
        fs.readFileSync(file, 'utf8'),
        { fileName: file },
      );
      if (!contract) return [];
      const access = describeProductAccess({ entity, contract });
      return [
        {
          entity,
          entityRef: `component:default/${name}`,
          name,
          namespace: 'default',
          tags: [],
          classification: access.level,
          access,
          contract,
          format,
          issues,
          slos: deriveSlos(contract).slos,
        },
      ];
    });
}

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the example data', () => {
  it(`passes every measured SLO as of now, but ${STALE_PRODUCT} breaches its freshness, ${DRIFTED_PRODUCT} its schema and ${SHRUNK_PRODUCT} its volume`, async () => {
    await generateExampleData({ examples, out, now: Date.now() });
    // as app-config.yaml: each product reads its own data/<name> directory
    const servers = new ServerRegistry(
      new Map([
        [
          'local',
          {
            name: 'local',
            engine: 'duckdb',
            directory: out,
            productDirectory: 'data/{name}',
          },
        ],
      ]),
      { timeoutMillis: 10_000 },
    );
    const outcomes: Record<string, string[]> = {};
    let evaluated = 0;
    const usual = usualRowCounts(examples);
    const day = 86_400_000;
    for (const product of exampleProducts()) {
      // the counts of the last four weeks, as the example history gives them
      const evaluation = await evaluateProduct(product, servers, {
        countsOf: async sloId => {
          const count = usual
            .get(product.name)
            ?.get(sloId.slice('volume:'.length));
          if (count === undefined) return [];
          return Array.from({ length: 28 }, (_, d) => ({
            at: Date.now() - (28 - d) * day,
            value: count,
          }));
        },
      });
      if (!evaluation) continue;
      evaluated += 1;
      outcomes[product.name] = evaluation.observations
        .filter(o => o.status !== 'pass')
        .map(o => `${o.sloId}: ${o.status} ${o.message ?? ''}`);
    }
    await servers.close();
    expect(evaluated).toBeGreaterThanOrEqual(9);
    const breaches = Object.fromEntries(
      Object.entries(outcomes).filter(([, list]) => list.length > 0),
    );
    expect(Object.keys(breaches).sort()).toEqual(
      [STALE_PRODUCT, DRIFTED_PRODUCT, SHRUNK_PRODUCT].sort(),
    );
    // a pipeline that stopped misses its freshness, and with it its update frequency
    expect(breaches[STALE_PRODUCT]).toContainEqual(
      expect.stringMatching(/^sla:freshness: fail/),
    );
    for (const breach of breaches[STALE_PRODUCT])
      expect(breach).toMatch(/^sla:(freshness|frequency|latency): fail/);
    // a column renamed in the data, not in the contract
    expect(breaches[DRIFTED_PRODUCT]).toEqual([
      'schema:drift: fail interactions.outcome is in the contract but not in the data; interactions.result is in the data but not in the contract (warning)',
    ]);
    // fewer than half the usual rows: its volume, and the row count its contract asks for
    expect(breaches[SHRUNK_PRODUCT]).toContainEqual(
      expect.stringMatching(
        /^volume:\w+: fail \d+ rows: 60 % fewer rows than the usual \w+day \(median of 4 weeks\)/,
      ),
    );
    // the owners hear of them with the severity their product files give
    const slosOf = (name: string) =>
      exampleProducts().find(p => p.name === name)!.slos;
    expect(
      slosOf(DRIFTED_PRODUCT).find(s => s.id === 'schema:drift')?.alert
        ?.severity,
    ).toBe('critical');
    expect(
      slosOf(SHRUNK_PRODUCT).find(s => s.measure.type === 'volume')?.alert
        ?.severity,
    ).toBe('warning');
    for (const breach of breaches[SHRUNK_PRODUCT])
      expect(breach).toMatch(/^(volume:\w+|quality:[^:]+(:[^:]+)*): fail/);
  }, 60_000);

  it('is the same for the same time', async () => {
    const a = path.join(out, 'a');
    const b = path.join(out, 'b');
    const now = Date.parse('2025-06-01T12:00:00Z');
    const files = await generateExampleData({ examples, out: a, now });
    await generateExampleData({ examples, out: b, now });
    for (const file of files) {
      expect(
        fs.readFileSync(file).equals(fs.readFileSync(file.replace(a, b))),
      ).toBe(true);
    }
    // the files checked in under examples/data are these
    for (const file of files) {
      const shipped = file.replace(a, examples);
      expect({
        file: shipped,
        same:
          fs.existsSync(shipped) &&
          fs.readFileSync(shipped).equals(fs.readFileSync(file)),
      }).toEqual({ file: shipped, same: true });
    }
  }, 60_000);
});
