import { parse } from 'yaml';
import type { OdcsContract } from '../odcs/model';
import { deriveSlos } from './deriveSlos';
import { corpusText, itCorpus } from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';

const example = (name: string) =>
  parse(corpusText('odcs/v3.1-examples', name)) as OdcsContract;
const parcels = () => parse(fixture('parcels.odcs.yaml')) as OdcsContract;

const orders: OdcsContract = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      physicalName: 'orders_v1',
      properties: [
        {
          name: 'order_id',
          logicalType: 'string',
          required: true,
          quality: [
            { metric: 'nullValues', mustBe: 0 },
            { metric: 'duplicateValues', mustBe: 0 },
          ],
        },
        {
          name: 'status',
          logicalType: 'string',
          quality: [
            {
              metric: 'invalidValues',
              arguments: { validValues: ['open', 'shipped'] },
              mustBeLessOrEqualTo: 5,
              unit: 'percent',
            },
          ],
        },
        { name: 'updated_at', logicalType: 'timestamp' },
      ],
      quality: [
        { metric: 'rowCount', mustBeGreaterThan: 0 },
        {
          type: 'sql',
          name: 'no negative totals',
          query: 'SELECT COUNT(*) FROM ${object} WHERE total < 0',
          mustBe: 0,
        },
        { type: 'text', description: 'people read this' },
      ],
    },
  ],
  slaProperties: [
    { property: 'freshness', value: 24, unit: 'h' },
    { property: 'availability', value: '99.5%' },
    { property: 'generalAvailability', value: '2024-01-01' },
  ],
} as OdcsContract;

describe('deriveSlos', () => {
  it('turns SLA properties and quality rules into SLOs with stable ids', () => {
    const { slos, issues } = deriveSlos(orders);
    expect(issues).toEqual([]);
    expect(slos.map(s => s.id)).toEqual([
      'sla:freshness',
      'sla:availability',
      'quality:orders:rowCount',
      'quality:orders:no negative totals',
      'quality:orders.order_id:nullValues',
      'quality:orders.order_id:duplicateValues',
      'quality:orders.status:invalidValues',
    ]);
  });

  it('measures freshness on the first timestamp column of the physical table', () => {
    const freshness = deriveSlos(orders).slos[0];
    expect(freshness).toMatchObject({
      kind: 'freshness',
      target: {
        operator: '<=',
        value: 86400,
        unit: 'seconds',
        objective: 0.99,
      },
      measure: { type: 'newestAge', object: 'orders_v1', column: 'updated_at' },
      path: '/slaProperties/0',
    });
    expect(freshness.target.text).toBe('data at most 1 day old');
  });

  it('takes the availability percentage as the objective of a reachability check', () => {
    const availability = deriveSlos(orders).slos[1];
    expect(availability).toMatchObject({
      kind: 'availability',
      target: { operator: '=', value: 1, objective: 0.995 },
      measure: { type: 'reachable', objects: ['orders_v1'] },
    });
  });

  it('keeps the metric, arguments, unit and comparison of library rules', () => {
    const invalid = deriveSlos(orders).slos.find(s =>
      s.id.endsWith('invalidValues'),
    )!;
    expect(invalid).toMatchObject({
      kind: 'validity',
      target: { operator: '<=', value: 5, unit: 'percent' },
      measure: {
        type: 'library',
        metric: 'invalidValues',
        object: 'orders_v1',
        property: 'status',
        arguments: { validValues: ['open', 'shipped'] },
        unit: 'percent',
      },
      path: '/schema/0/properties/1/quality/0',
    });
  });

  it("reads the parcels contract's SLA: latency and frequency on the element, retention on the oldest row, availability as reachability", () => {
    const { slos } = deriveSlos(parcels());
    expect(
      slos
        .filter(s => s.id.startsWith('sla:'))
        .map(s => [s.id, s.kind, s.target.value, s.measure.type]),
    ).toEqual([
      ['sla:latency', 'latency', 2 * 86400, 'newestAge'],
      ['sla:retention', 'retention', 5 * 365 * 86400, 'oldestAge'],
      ['sla:frequency', 'frequency', 86400, 'newestAge'],
      ['sla:availability', 'availability', 1, 'reachable'],
    ]);
  });

  it('counts a date column from the end of its day, in the physical table', () => {
    const { slos } = deriveSlos(parcels());
    expect(slos.find(s => s.id === 'sla:latency')!.measure).toEqual({
      type: 'newestAge',
      object: 'handovers_v2',
      column: 'handed_over_on',
      granularity: 'day',
    });
    expect(slos.find(s => s.id === 'sla:retention')!.measure).toEqual({
      type: 'oldestAge',
      object: 'handovers_v2',
      column: 'handed_over_on',
    });
  });

  it("reads the parcels contract's SQL accuracy rule with its placeholders", () => {
    const { slos } = deriveSlos(parcels());
    const rule = slos.find(
      s => s.measure.type === 'sql' && s.path.includes('properties/2'),
    );
    expect(rule).toMatchObject({
      kind: 'quality',
      target: { operator: '=', value: 0 },
      measure: {
        type: 'sql',
        query: 'SELECT COUNT(*) FROM ${object} WHERE ${property} > 31500',
        object: 'handovers_v2',
        property: 'weight_grams',
      },
    });
  });

  itCorpus('reads the official SLA example: latency and frequency on the element, retention on the oldest row', () => {
    const { slos } = deriveSlos({
      ...example('sla--database-table-sla.odcs.yaml'),
      schema: [
        {
          name: 'tab1',
          properties: [{ name: 'txn_ref_dt', logicalType: 'date' }],
        },
      ],
    } as OdcsContract);
    expect(
      slos.map(s => [s.id, s.kind, s.target.value, s.measure.type]),
    ).toEqual([
      ['sla:latency', 'latency', 4 * 86400, 'newestAge'],
      ['sla:retention', 'retention', 3 * 365 * 86400, 'oldestAge'],
      ['sla:frequency', 'frequency', 86400, 'newestAge'],
    ]);
  });

  itCorpus('counts a date column from the end of its day', () => {
    const { slos } = deriveSlos({
      ...example('sla--database-table-sla.odcs.yaml'),
      schema: [
        {
          name: 'tab1',
          properties: [{ name: 'txn_ref_dt', logicalType: 'date' }],
        },
      ],
    } as OdcsContract);
    expect(slos[0].measure).toEqual({
      type: 'newestAge',
      object: 'tab1',
      column: 'txn_ref_dt',
      granularity: 'day',
    });
    expect(slos[1].measure).toEqual({
      type: 'oldestAge',
      object: 'tab1',
      column: 'txn_ref_dt',
    });
  });

  itCorpus('reads the official SQL accuracy rule', () => {
    const { slos } = deriveSlos(example('quality--column-accuracy.odcs.yaml'));
    expect(slos).toHaveLength(1);
    expect(slos[0]).toMatchObject({
      kind: 'quality',
      target: { operator: '=', value: 0 },
      measure: { type: 'sql', query: expect.stringContaining('Air_Quality') },
    });
  });

  it('says why an SLO cannot be measured', () => {
    const { slos, issues } = deriveSlos({
      ...orders,
      schema: [
        {
          name: 'events',
          properties: [{ name: 'id', quality: [{ metric: 'nullValues' }] }],
        },
      ],
      slaProperties: [
        { property: 'latency', value: 'soon' },
        { property: 'freshness', value: 1, unit: 'h' },
      ],
    } as OdcsContract);
    expect(issues.map(i => [i.path, i.rule])).toEqual([
      ['/slaProperties/0', 'slo-unmeasurable'],
      ['/schema/0/properties/0/quality/0', 'slo-unmeasurable'],
    ]);
    expect(issues[1].message).toContain('mustBe');
    expect(slos).toEqual([
      expect.objectContaining({
        id: 'sla:freshness',
        measure: { type: 'pushed', reason: expect.stringContaining('element') },
      }),
    ]);
  });

  it('gives repeated rules distinct ids', () => {
    const { slos } = deriveSlos({
      ...orders,
      slaProperties: [],
      schema: [
        {
          name: 't',
          properties: [
            {
              name: 'a',
              quality: [
                { metric: 'nullValues', mustBe: 0 },
                { metric: 'nullValues', mustBeLessThan: 3 },
              ],
            },
          ],
        },
      ],
    } as OdcsContract);
    expect(slos.map(s => s.id)).toEqual([
      'quality:t.a:nullValues',
      'quality:t.a:nullValues#2',
    ]);
  });
});
