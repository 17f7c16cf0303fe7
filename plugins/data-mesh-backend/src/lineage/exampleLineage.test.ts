/**
 * The example pipelines' lineage reaches the example products: the OpenLineage events they
 * send, read and stored as the OpenLineage endpoint reads and stores them, match the
 * products whose files they name and give several products column lineage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import {
  deriveSlos,
  describeProductAccess,
  readContract,
  readOpenLineageEvent,
} from '@backstage-data-mesh/plugin-data-mesh-common';
// The generator lives with the example mesh it describes, outside the packages.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { exampleLineageEvents } from '../../../../examples/pipeline-lineage';
import { LineageStore } from '../database/LineageStore';
import { LineageService } from './LineageService';
import type { DataProduct } from '../products/DataProduct';

const examples = path.resolve(__dirname, '../../../../examples');
const databases = TestDatabases.create({
  ids: ['POSTGRES_16', 'POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

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
          entity: {
            ...entity,
            metadata: { ...entity.metadata, namespace: 'default' },
          },
          entityRef: `component:default/${name}`,
          name,
          namespace: 'default',
          title: entity.metadata.title,
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

describe.each(databases.eachSupportedId())(
  'the example lineage on %p',
  databaseId => {
    it('gives sales orders column lineage to its consumers and theirs, up to three hops', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: path.resolve(__dirname, '../../migrations'),
      });
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-example-lineage-'));
      const store = new LineageStore(knex);
      const products = exampleProducts();
      const service = new LineageService({
        products: {
          listProducts: async () => products,
          getProduct: async ref => products.find(p => p.entityRef === ref),
        },
        store,
        health: async () => new Map(),
        // as app-config.yaml: the local server reads the pipelines' directory
        serverDirectory: server => (server === 'local' ? out : undefined),
      });
      const events = exampleLineageEvents({
        examples,
        out,
        now: Date.parse('2026-12-06T12:00:00Z'),
      });
      for (const body of events) {
        const { event, issues } = readOpenLineageEvent(body);
        expect(issues).toEqual([]);
        await store.recordEvent(body, event!);
      }
      // the same day's events again: nothing new
      const again = await store.recordEvent(
        events[0],
        readOpenLineageEvent(events[0]).event!,
      );
      expect(again.duplicate).toBe(true);
      service.invalidate();

      const lineage = await service.query('component:default/sales-orders', {
        depth: 3,
        direction: 'both',
        columns: true,
      });
      // every dataset named is one of the products: no external node
      expect(lineage.nodes.filter(n => n.external)).toEqual([]);
      const withColumns = lineage.edges.filter(e => e.columns?.length);
      expect(new Set(withColumns.map(e => e.to))).toEqual(
        new Set([
          'component:default/revenue-metrics',
          'component:default/lead-attribution',
          'component:default/general-ledger',
          'component:default/financial-metrics',
          // through customer segments, two hops away
          'component:default/user-engagement',
        ]),
      );
      expect(
        withColumns.find(
          e =>
            e.from === 'component:default/sales-orders' &&
            e.to === 'component:default/revenue-metrics',
        )!.columns,
      ).toContainEqual({
        from: 'orders.order_id',
        to: 'revenue_daily.order_count',
      });
      fs.rmSync(out, { recursive: true, force: true });
    });
  },
);
