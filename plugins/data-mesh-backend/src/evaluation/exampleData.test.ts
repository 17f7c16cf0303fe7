/**
 * The example mesh's data does what the demo promises: generated as of now, every SLO the
 * scheduler measures on the example products holds, except the stale product's freshness.
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
  STALE_PRODUCT,
  generateExampleData,
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
  it(`passes every measured SLO as of now, but ${STALE_PRODUCT} breaches its freshness`, async () => {
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
    for (const product of exampleProducts()) {
      const evaluation = await evaluateProduct(product, servers);
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
    expect(breaches).toEqual({ [STALE_PRODUCT]: expect.anything() });
    // a pipeline that stopped misses its freshness, and with it its update frequency
    expect(breaches[STALE_PRODUCT]).toContainEqual(
      expect.stringMatching(/^sla:freshness: fail/),
    );
    for (const breach of breaches[STALE_PRODUCT])
      expect(breach).toMatch(/^sla:(freshness|frequency|latency): fail/);
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
