import {
  type OdcsContract,
  deriveSlos,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { matchChecks, matchPushedChecks } from './matchChecks';
import type { PushedCheck } from './readPushedResults';
import { MAX_UNDECLARED_CHECKS } from './pushBounds';

const { slos } = deriveSlos({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'urn:test:orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        {
          name: 'order_id',
          quality: [{ metric: 'nullValues', mustBe: 0 }],
        },
      ],
      quality: [
        { id: 'enough-rows', metric: 'rowCount', mustBeGreaterThan: 5 },
      ],
    },
  ],
  slaProperties: [{ property: 'freshness', value: 1, unit: 'h' }],
} as OdcsContract);

const named = (sloId: string, i: number): PushedCheck => ({
  path: `/observations/${i}`,
  sloId,
  status: 'pass',
  observedAt: 1,
});
const dc = (check: PushedCheck['check'], i: number): PushedCheck => ({
  path: `/checks/${i}`,
  status: 'fail',
  observedAt: 1,
  check,
});

describe('matchPushedChecks', () => {
  it('takes the SLOs the contract declares, quality rule ids, and datacontract: checks', () => {
    const { observations, issues } = matchPushedChecks(slos, [
      named('sla:freshness', 0),
      named('enough-rows', 1),
      named('datacontract:schema:orders', 2),
      dc({ type: 'field_not_null', model: 'orders', field: 'order_id' }, 3),
      dc({ type: 'field_type', model: 'orders', field: 'total' }, 4),
    ]);
    expect(issues).toEqual([]);
    expect(observations.map(o => o.sloId)).toEqual([
      'sla:freshness',
      'quality:enough-rows',
      'datacontract:schema:orders',
      'quality:orders.order_id:nullValues',
      'datacontract:field_type:orders.total',
    ]);
    expect(observations[0]).not.toHaveProperty('path');
  });

  it('refuses an SLO id the contract does not declare, where it stands in the body', () => {
    const { observations, issues } = matchPushedChecks(slos, [
      named('sla:freshness', 0),
      named('Ledger deleted - call +1-555', 1),
    ]);
    expect(observations).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: '/observations/1/sloId',
        message: expect.stringContaining(
          `"Ledger deleted - call +1-555" is not an SLO of this product's contract`,
        ),
      }),
    ]);
  });

  it('refuses a generated check id longer than 255 characters', () => {
    const { issues } = matchPushedChecks(slos, [
      dc({ type: 'custom', model: 'm'.repeat(200), field: 'f'.repeat(60) }, 7),
    ]);
    expect(issues.map(i => i.path)).toEqual(['/checks/7']);
    expect(issues[0].message).toContain('at most 255 are stored');
  });

  it('allows a product at most 100 undeclared checks, ids it already has always', () => {
    const known = Array.from(
      { length: MAX_UNDECLARED_CHECKS - 1 },
      (_, i) => `datacontract:known-${i}`,
    );
    const fits = matchPushedChecks(
      slos,
      [
        named('datacontract:known-3', 0),
        named('datacontract:new-1', 1),
        named('datacontract:new-1', 2),
      ],
      { knownCheckIds: known },
    );
    expect(fits.issues).toEqual([]);
    const beyond = matchPushedChecks(
      slos,
      [
        named('datacontract:new-1', 0),
        named('datacontract:new-2', 1),
        named('datacontract:new-3', 2),
        named('datacontract:known-4', 3),
      ],
      { knownCheckIds: known },
    );
    expect(beyond.observations).toEqual([]);
    expect(beyond.issues).toEqual([
      expect.objectContaining({
        path: '/observations/1/sloId',
        message: expect.stringContaining(
          `this run adds 2 more check(s) the contract does not declare, beyond the ${MAX_UNDECLARED_CHECKS} a product may have (it has ${
            MAX_UNDECLARED_CHECKS - 1
          })`,
        ),
      }),
    ]);
  });
});

describe('matchChecks', () => {
  it('names every check by the SLO it measures', () => {
    expect(
      matchChecks(slos, [
        named('enough-rows', 0),
        dc({ type: 'schema', model: 'orders' }, 1),
      ]).map(o => o.sloId),
    ).toEqual(['quality:enough-rows', 'datacontract:schema:orders']);
  });
});
