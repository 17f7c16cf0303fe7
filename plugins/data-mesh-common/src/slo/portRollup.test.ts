import type { OdcsContract } from '../odcs/model';
import { outputPortProblem, rollUpPorts, tallySlos } from './portRollup';

const contract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  servers: [
    { server: 'local', type: 'local', path: 'orders.parquet' },
    { server: 'warehouse', type: 'postgres', host: 'db', schema: 'sales' },
  ],
  schema: [{ name: 'orders' }],
} as unknown as OdcsContract;

const slos = [
  { id: 'sla:freshness', status: 'fail' as const },
  { id: 'schema:drift', status: 'pass' as const },
];

describe('rollUpPorts', () => {
  it("gives each port every SLO at its latest check there, and the product's summary", () => {
    const rollup = rollUpPorts(contract, slos, [
      {
        sloId: 'sla:freshness',
        port: 'local',
        status: 'pass',
        at: '2026-01-01T10:00:00Z',
      },
      {
        sloId: 'sla:freshness',
        port: 'local',
        status: 'fail',
        at: '2026-01-01T11:00:00Z',
      },
      { sloId: 'schema:drift', port: 'local', status: 'pass' },
      {
        sloId: 'sla:freshness',
        port: 'warehouse',
        status: 'pass',
        at: '2026-01-01T11:00:00Z',
      },
      // a port the contract does not name is left out
      { sloId: 'schema:drift', port: 'lake', status: 'fail' },
    ])!;
    expect(rollup.ports.map(p => [p.port, p.type, p.summary])).toEqual([
      [
        'local',
        'local',
        { status: 'fail', pass: 1, fail: 1, error: 0, unknown: 0 },
      ],
      [
        'warehouse',
        'postgres',
        { status: 'pass', pass: 1, fail: 0, error: 0, unknown: 1 },
      ],
    ]);
    expect(rollup.ports[0].slos[0]).toEqual({
      id: 'sla:freshness',
      status: 'fail',
      at: '2026-01-01T11:00:00Z',
    });
    expect(rollup.ports[1].slos[1]).toEqual({
      id: 'schema:drift',
      status: 'unknown',
    });
    expect(rollup.summary).toEqual({
      status: 'fail',
      pass: 1,
      fail: 1,
      error: 0,
      unknown: 0,
    });
  });

  it('has nothing to roll up for a product with one output port', () => {
    expect(
      rollUpPorts({ ...contract, servers: [contract.servers![0]] }, slos, []),
    ).toBeUndefined();
  });
});

describe('outputPortProblem', () => {
  it("accepts the contract's ports and names them when refusing another", () => {
    expect(outputPortProblem(contract, 'warehouse')).toBeUndefined();
    expect(outputPortProblem(contract, 'lake')).toBe(
      'outputPort "lake" is not a port of the product: its contract\'s output ports (servers) are "local", "warehouse".',
    );
    expect(outputPortProblem({ ...contract, servers: [] }, 'x')).toMatch(
      /names no server/,
    );
  });
});

describe('tallySlos', () => {
  it('names the worst status: fail, then error, then pass', () => {
    expect(tallySlos(['pass', 'error', 'unknown']).status).toBe('error');
    expect(tallySlos([]).status).toBe('unknown');
  });
});
