import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { changePath } from './changeLog';
import type { OdcsContract } from '../odcs/model';

/** A contract or a part of it as an author may write it: any shape, as the diff must take. */
type Written = Record<string, any>;
import { diffContracts as diffOdcs } from './diffContracts';

const diffContracts = (a: Written, b: Written) =>
  diffOdcs(a as unknown as OdcsContract, b as unknown as OdcsContract);

const EXAMPLES = path.resolve(
  __dirname,
  '../../../../../shared/corpus/odcs/v3.1-examples',
);
const files = fs
  .readdirSync(EXAMPLES)
  .filter(f => f.endsWith('.yaml'))
  .sort();

function load(file: string): Written {
  return parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

describe('diffContracts over the official ODCS examples', () => {
  it('finds the 18 examples', () => {
    expect(files).toHaveLength(18);
  });

  it.each(files)('%s diffed against itself has no change', file => {
    const diff = diffContracts(load(file), load(file));
    expect(diff.changes).toEqual([]);
    expect(diff.requiredBump).toBe('none');
    expect(diff.versionOk).toBe(true);
  });

  const withProperties = files.filter(f =>
    load(f).schema?.some((o: Written) => (o.properties?.length ?? 0) > 0),
  );

  it.each(withProperties)(
    '%s with its first field removed needs a major version',
    file => {
      const before = load(file);
      const after = clone(before) as any;
      const object = after.schema.find((o: any) => o.properties?.length);
      const [removed] = object.properties.splice(0, 1);
      const diff = diffContracts(before, after);
      expect(diff.changes).toContainEqual(
        expect.objectContaining({
          kind: 'property-removed',
          severity: 'breaking',
          path: changePath('schema', object.name, 'properties', removed.name),
        }),
      );
      expect(diff.requiredBump).toBe('major');
      expect(diff.versionOk).toBe(false);
    },
  );

  it.each(withProperties)(
    '%s with an optional field added needs a minor version',
    file => {
      const before = load(file);
      const after = clone(before) as any;
      after.schema[
        after.schema.findIndex((o: any) => o.properties?.length)
      ].properties.push({
        name: 'added_in_test',
        logicalType: 'string',
      });
      after.version = '99.1.0';
      before.version = '99.0.0';
      const diff = diffContracts(before, after);
      expect(diff.changes).toEqual([
        expect.objectContaining({
          kind: 'property-added',
          severity: 'info',
          bump: 'minor',
        }),
      ]);
      expect(diff.versionOk).toBe(true);
    },
  );

  const withSla = files.filter(f => (load(f).slaProperties?.length ?? 0) > 0);

  it('has examples with SLAs to mutate', () => {
    expect(withSla.length).toBeGreaterThan(0);
  });

  it.each(withSla)(
    '%s with its retention halved or its latency doubled is breaking',
    file => {
      const before = load(file);
      const after = clone(before) as any;
      let mutated = 0;
      for (const sla of after.slaProperties) {
        if (
          ['retention', 'latency'].includes(sla.property) &&
          typeof sla.value === 'number'
        ) {
          sla.value =
            sla.property === 'retention' ? sla.value / 2 : sla.value * 2;
          mutated += 1;
        }
      }
      const breaking = diffContracts(before, after).changes.filter(
        c => c.kind === 'sla-changed' && c.severity === 'breaking',
      );
      expect(breaking).toHaveLength(mutated);
    },
  );

  const withServers = files.filter(f => (load(f).servers?.length ?? 0) > 0);

  it.each(withServers)('%s with its first server dropped is breaking', file => {
    const before = load(file);
    const after = clone(before) as any;
    after.servers.splice(0, 1);
    expect(diffContracts(before, after).changes).toContainEqual(
      expect.objectContaining({ kind: 'server-removed', severity: 'breaking' }),
    );
  });
});
