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
