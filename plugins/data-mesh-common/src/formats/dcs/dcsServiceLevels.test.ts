import { ConversionTrace } from '../conversionTrace';
import { convertDcsServiceLevels } from './dcsServiceLevels';

describe('convertDcsServiceLevels', () => {
  it('keeps service levels it does not know, and attributes with no ODCS place, by their path', () => {
    const { slaProperties, kept } = convertDcsServiceLevels(
      {
        latency: { threshold: '1h', sourceTimestampField: 'o.created' },
        durability: { nines: 11 },
      },
      new ConversionTrace(),
    );
    expect(slaProperties).toEqual([
      { property: 'latency', value: 1, unit: 'h' },
    ]);
    expect(kept).toEqual([
      {
        property: 'servicelevels.latency.sourceTimestampField',
        value: 'o.created',
      },
      { property: 'servicelevels.durability', value: { nines: 11 } },
    ]);
  });

  it('reads a service level DCS does not define by the words of those it does: percentage, threshold, period', () => {
    const trace = new ConversionTrace();
    const { slaProperties, kept } = convertDcsServiceLevels(
      {
        completeness: {
          description: 'Rows with a customer.',
          percentage: '99.5%',
        },
        accuracy: { percentage: 99.9, owner: 'sales' },
        staleness: { threshold: '2h', timestampField: 'orders.updated_at' },
        archive: { period: 'P10Y' },
      },
      trace,
    );
    expect(slaProperties).toEqual([
      {
        property: 'completeness',
        value: 99.5,
        unit: 'percent',
        description: 'Rows with a customer.',
      },
      { property: 'accuracy', value: 99.9 },
      {
        property: 'staleness',
        value: 2,
        unit: 'h',
        element: 'orders.updated_at',
      },
      { property: 'archive', value: 10, unit: 'y' },
    ]);
    expect(kept).toEqual([
      { property: 'servicelevels.accuracy.owner', value: 'sales' },
    ]);
  });

  it('uses a cron expression as the value when there is no interval, and the type when there is neither', () => {
    const trace = new ConversionTrace();
    expect(
      convertDcsServiceLevels({ frequency: { cron: '0 2 * * *' } }, trace)
        .slaProperties,
    ).toEqual([
      { property: 'frequency', value: '0 2 * * *', scheduler: 'cron' },
    ]);
    expect(
      convertDcsServiceLevels({ frequency: { type: 'streaming' } }, trace)
        .slaProperties,
    ).toEqual([{ property: 'frequency', value: 'streaming' }]);
  });

  it('writes an availability with no percentage as a null value, keeping its description', () => {
    expect(
      convertDcsServiceLevels(
        { availability: { description: 'best effort' } },
        new ConversionTrace(),
      ).slaProperties,
    ).toEqual([
      { property: 'availability', value: null, description: 'best effort' },
    ]);
  });
});
