import { type BreakingChangeGate, breakingChangeGate } from '../consumers/gate';
import { evaluatePolicies } from './evaluatePolicies';
import { layerPolicies } from './layering';
import { lineageNeighbours, MeshNeighbours } from './neighbours';
import { parsePolicySet } from './parsePolicySet';
import fs from 'node:fs';
import path from 'node:path';

const product = (
  name: string,
  classification: string,
  reads: string[] = [],
  kind = 'aggregate',
) => ({
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'data-mesh/classification': classification },
    },
    spec: {
      type: 'data-product',
      owner: 'group:default/finance',
      dataProduct: { kind },
    },
    relations: reads.map(r => ({
      type: 'consumesDataFrom',
      targetRef: `component:default/${r}`,
    })),
  },
  contract: null,
  domain: 'finance',
});

const mesh = [
  product('ledger', 'restricted', [], 'source-aligned'),
  product('metrics', 'confidential', ['ledger'], 'consumer-aligned'),
  product('vault', 'restricted', ['ledger']),
];

const globalPolicies = () => {
  const file = path.resolve(
    __dirname,
    '../../../../examples/policies/global.yaml',
  );
  const { set, issues } = parsePolicySet(fs.readFileSync(file, 'utf8'), {
    fileName: file,
  });
  if (!set) throw new Error(issues.map(i => i.message).join('\n'));
  return layerPolicies([set], { builtIn: false });
};

describe('lineageNeighbours', () => {
  it('gives each product the facts of the products it reads from and of its readers', () => {
    const neighbours = lineageNeighbours(mesh);
    expect(neighbours.get('component:default/metrics')!.upstream).toEqual([
      {
        ref: 'component:default/ledger',
        name: 'ledger',
        kind: 'source-aligned',
        domain: 'finance',
        classification: 'restricted',
        lifecycle: null,
        owner: 'group:default/finance',
      },
    ]);
    expect(
      neighbours.get('component:default/ledger')!.downstream.map(d => d.ref),
    ).toEqual(['component:default/metrics', 'component:default/vault']);
    expect(neighbours.get('component:default/ledger')!.upstream).toEqual([]);
  });

  it('lets a policy block a product that reads restricted data without being restricted, saying why', () => {
    const layers = globalPolicies();
    const neighbours = lineageNeighbours(mesh);
    const verdictOf = (p: (typeof mesh)[number], withLineage = true) => {
      const ref = `component:default/${p.entity.metadata.name}`;
      const result = evaluatePolicies(layers, {
        entity: p.entity,
        contract: null,
        systemDomain: 'finance',
        ...(withLineage ? neighbours.get(ref) : {}),
      }).results.find(r => r.id === 'restricted-flows-into-restricted')!;
      return result;
    };
    const blocked = verdictOf(mesh[1]);
    expect(blocked.outcome).toBe('block');
    expect(blocked.message).toBe(
      'The product reads from 1 restricted product(s) upstream (component:default/ledger) but is classified confidential.',
    );
    expect(verdictOf(mesh[2]).outcome).toBe('pass');
    expect(verdictOf(mesh[0]).outcome).toBe('pass');
    // Without the lineage (the catalog's publish check, the CLI) the rule holds.
    expect(verdictOf(mesh[1], false).outcome).toBe('pass');
  });

  it('lets a policy hold a version at the breaking-change gate until its consumers acknowledged it', () => {
    const layers = globalPolicies();
    const METRICS = 'component:default/metrics';
    const VAULT = 'component:default/vault';
    const announcedAt = Date.parse('2026-06-01T00:00:00.000Z');
    const hit = (ref: string) => ({
      ref,
      kind: 'product' as const,
      via: ['input-port' as const],
      owners: [],
      changes: [],
    });
    const ack = (consumer: string) => ({
      consumer,
      decision: 'acknowledged' as const,
      by: 'user:default/mia',
      at: '2026-06-02T00:00:00.000Z',
    });
    const gateOf = (acknowledged: string[]) =>
      breakingChangeGate({
        hit: [hit(METRICS), hit(VAULT)],
        acknowledgements: acknowledged.map(ack),
        announcedAt,
        now: announcedAt,
      });
    const gateResult = (gate: BreakingChangeGate | null) =>
      evaluatePolicies(layers, {
        entity: mesh[0].entity,
        contract: { version: '2.0.0' },
        systemDomain: 'finance',
        gate,
      }).results.find(r => r.id === 'breaking-change-acknowledged')!;
    const waiting = gateResult(gateOf([VAULT]));
    expect(waiting.outcome).toBe('block');
    expect(waiting.message).toContain(
      'Version 2.0.0 breaks 1 consumer(s) that have not acknowledged it yet (component:default/metrics)',
    );
    expect(gateResult(gateOf([METRICS, VAULT])).outcome).toBe('pass');
    expect(gateResult(null).outcome).toBe('pass');
  });
});

describe('MeshNeighbours', () => {
  it("gives a product's neighbours as a policy's facts take them, null lists outside the mesh", () => {
    const neighbours = new MeshNeighbours(mesh);
    const ledger = neighbours.of('component:default/ledger');
    expect(ledger.upstream).toEqual([]);
    expect(ledger.downstream!.map(d => d.ref)).toEqual([
      'component:default/metrics',
      'component:default/vault',
    ]);
    expect(neighbours.of('component:default/elsewhere')).toEqual({
      upstream: null,
      downstream: null,
    });
    expect(new MeshNeighbours().of('component:default/ledger')).toEqual({
      upstream: null,
      downstream: null,
    });
  });

  it('names the products whose neighbours a change may have changed: those before and after, not the changed ones', () => {
    const before = new MeshNeighbours(mesh);
    // vault stops reading the ledger and reads metrics instead
    const after = new MeshNeighbours([
      mesh[0],
      mesh[1],
      product('vault', 'restricted', ['metrics']),
    ]);
    expect(after.touchedBy(before, ['component:default/vault']).sort()).toEqual(
      ['component:default/ledger', 'component:default/metrics'],
    );
    // the ledger's readers, the one it had before included, not the ledger itself
    expect(
      after.touchedBy(before, ['component:default/ledger']).sort(),
    ).toEqual(['component:default/metrics', 'component:default/vault']);
    expect(after.touchedBy(before, [])).toEqual([]);
    // a product leaving the mesh: the neighbours it had
    const gone = new MeshNeighbours([mesh[0], mesh[2]]);
    expect(gone.touchedBy(before, ['component:default/metrics'])).toEqual([
      'component:default/ledger',
    ]);
  });
});
