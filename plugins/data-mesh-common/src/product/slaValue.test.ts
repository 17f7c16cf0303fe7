import { diffContracts } from '../diff/diffContracts';
import { checkDatameshV1 } from '../formats/datameshV1/checkDatameshV1';
import { toOdcsSlaValue } from '../formats/slaValue';
import { policyVariables } from '../governance/policyInput';
import type { OdcsContract } from '../odcs/model';
import { parseSource } from '../source';
import { deriveSlos } from '../slo/deriveSlos';
import { formatDuration } from './durations';
import { readSlaValue, slaDirection, slaKey } from './slaValue';

describe('readSlaValue', () => {
  it.each([
    [24, 'h', 86400],
    ['24', 'hours', 86400],
    [4, 'd', 345600],
    [30, 'm', 1800],
    [1, 'mo', 2592000],
    [3, 'y', 94608000],
    ['24h', undefined, 86400],
    ['24 hours', undefined, 86400],
    ['< 1 hour', undefined, 3600],
    ['PT1H', undefined, 3600],
    ['pt30m', undefined, 1800],
    ['P1Y', undefined, 31536000],
    ['P1DT12H', undefined, 129600],
    ['P2W', undefined, 1209600],
  ])('reads %p %p as %p seconds', (value, unit, seconds) => {
    expect(readSlaValue(value, unit).duration?.seconds).toBe(seconds);
  });

  it.each([
    [99.9, undefined, 99.9],
    ['99.9', undefined, 99.9],
    ['99.9%', undefined, 99.9],
    ['> 99.5%', undefined, 99.5],
    ['≥ 99.5 %', undefined, 99.5],
    [99.5, 'percent', 99.5],
    [99.5, '%', 99.5],
    [0.995, 'ratio', 99.5],
  ])('reads %p %p as %p percent', (value, unit, percent) => {
    expect(readSlaValue(value, unit).percent).toBeCloseTo(percent, 10);
  });

  it('keeps the amount and unit a value names, and the comparison it writes', () => {
    expect(readSlaValue('PT1H')).toEqual({
      duration: { seconds: 3600, amount: 1, unit: 'h' },
    });
    expect(readSlaValue('> 99.5%')).toEqual({ comparison: '>', percent: 99.5 });
    expect(readSlaValue('P1DT2H').duration).toEqual({ seconds: 93600 });
  });

  it('reads nothing from other units, negative values and other text', () => {
    expect(readSlaValue(4, 'GB')).toEqual({});
    expect(readSlaValue(-1, 'd')).toEqual({});
    expect(readSlaValue('soon')).toEqual({});
    expect(readSlaValue('9am to 5pm')).toEqual({});
    expect(readSlaValue(true)).toEqual({});
    expect(readSlaValue(null)).toEqual({});
  });

  it('names properties and their directions without case or separators', () => {
    expect(slaKey('End_Of-Support')).toBe('endofsupport');
    expect(slaDirection('Freshness')).toBe('shorter-is-better');
    expect(slaDirection('constructor')).toBeUndefined();
  });

  it('formats durations for people', () => {
    expect(formatDuration(86400)).toBe('1 day');
    expect(formatDuration(5400)).toBe('1.5 hours');
    expect(formatDuration(30)).toBe('30 seconds');
  });
});

const contract = (
  slaProperties: OdcsContract['slaProperties'],
): OdcsContract => ({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        { name: 'id', required: true },
        { name: 'updated_at', logicalType: 'timestamp' },
      ],
    },
  ],
  slaProperties,
});

/** What each reader makes of one SLA property: the SLO, governance, the diff. */
function everyReading(property: string, value: unknown, unit?: string) {
  const c = contract([{ property, value: value as any, unit }]);
  const slo = deriveSlos(c).slos[0];
  const sla = (policyVariables({ contract: c }, null) as any).sla[property];
  return { slo: slo?.target, governance: sla };
}

describe('one reading of SLA values', () => {
  // Every duration governance reads is one the SLOs measure: a freshness of `PT1H` that
  // passes a freshness policy is also a one-hour SLO.
  it.each([
    ['PT1H', undefined, 3600],
    ['24h', undefined, 86400],
    ['< 2 hours', undefined, 7200],
    ['1', 'd', 86400],
  ])(
    'measures the freshness %p %p that governance reads',
    (value, unit, seconds) => {
      const { slo, governance } = everyReading('freshness', value, unit);
      expect(governance.seconds).toBe(seconds);
      expect(slo).toMatchObject({ operator: '<=', value: seconds });
    },
  );

  // Every percentage governance reads is one the SLOs measure, comparisons and ratios included.
  it.each([
    ['> 99.5%', undefined, 99.5],
    [0.995, 'ratio', 99.5],
    ['99.5', undefined, 99.5],
  ])(
    'measures the completeness %p %p that governance reads',
    (value, unit, percent) => {
      const { slo, governance } = everyReading('completeness', value, unit);
      expect(governance.percent).toBeCloseTo(percent, 10);
      expect(slo?.value).toBeCloseTo(percent, 10);
    },
  );

  it('orders durations in the diff as the SLOs measure them', () => {
    const diff = diffContracts(
      contract([{ property: 'freshness', value: 'PT1H' }]),
      contract([{ property: 'freshness', value: 2, unit: 'hours' }]),
    );
    expect(diff.changes[0]).toMatchObject({
      kind: 'sla-changed',
      severity: 'breaking',
    });
    expect(diff.changes[0].message).toContain('is slower');
  });

  // A format's checker calls unmeasurable only what the SLOs cannot measure.
  it('has the format checkers and converters read values the same way', () => {
    expect(toOdcsSlaValue('PT1H')).toEqual({ value: 1, unit: 'h' });
    expect(toOdcsSlaValue('P1DT2H')).toEqual({ value: 'P1DT2H' });
    const text = [
      'apiVersion: datamesh/v1',
      'kind: DataContract',
      'metadata: { name: orders, version: 1.0.0, owner: a@example.com, domain: sales }',
      'spec:',
      '  slo: { freshness: P1DT2H }',
    ].join('\n');
    const [document] = parseSource(text).documents;
    const issues = checkDatameshV1(document.value);
    expect(issues.filter(i => i.rule === 'sla-value')).toEqual([]);
    const { slo } = everyReading('freshness', 'P1DT2H');
    expect(slo?.value).toBe(93600);
  });
});
