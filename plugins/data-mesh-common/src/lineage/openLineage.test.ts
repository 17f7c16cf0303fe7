import { corpusText, describeCorpus } from '../__testUtils__/corpus';
import { fixture } from '../__testUtils__/fixtures';
import { parseEventTime, readOpenLineageEvent } from './openLineage';

const load = (name: string) =>
  JSON.parse(corpusText('openlineage/events', name));
const own = (name: string) => JSON.parse(fixture(name));

describe('parseEventTime', () => {
  it('reads times with a timezone as given and times without one as UTC', () => {
    expect(parseEventTime('2020-12-28T19:51:01.641Z')).toBe(
      Date.UTC(2020, 11, 28, 19, 51, 1, 641),
    );
    expect(parseEventTime('2020-12-28T21:51:01.641+02:00')).toBe(
      Date.UTC(2020, 11, 28, 19, 51, 1, 641),
    );
    expect(parseEventTime('2021-11-03T10:53:52.427343')).toBe(
      Date.UTC(2021, 10, 3, 10, 53, 52, 427),
    );
    expect(parseEventTime('yesterday')).toBeUndefined();
    expect(parseEventTime(12)).toBeUndefined();
  });
});

describeCorpus("readOpenLineageEvent on the OpenLineage project's events", () => {
  it('reads the full RunEvent: job, run, the input-to-output edge', () => {
    const { event, issues } = readOpenLineageEvent(
      load('example_full_event.json'),
    );
    expect(issues).toEqual([]);
    expect(event).toMatchObject({
      kind: 'RunEvent',
      eventType: 'COMPLETE',
      runId: 'ea041791-68bc-4ae1-bd89-4c8106a157e4',
      job: { namespace: 'my-scheduler-namespace', name: 'myjob.mytask' },
      eventTime: Date.UTC(2020, 11, 28, 19, 51, 1, 641),
      datasets: [
        { namespace: 'my-datasource-namespace', name: 'instance.schema.table' },
      ],
    });
    // its input and output are the same dataset: no edge from a dataset to itself
    expect(event!.edges).toEqual([]);
  });

  it('reads the DatasetEvent whose eventTime has no timezone, as UTC', () => {
    const { event, issues } = readOpenLineageEvent(
      load('serde_example_dataset_event.json'),
    );
    expect(issues).toEqual([]);
    expect(event).toMatchObject({
      kind: 'DatasetEvent',
      eventTime: Date.UTC(2021, 10, 3, 10, 53, 52, 427),
      datasets: [{ namespace: 'openlineage', name: 'name' }],
      edges: [],
    });
  });

  it('reads column edges from the columnLineage facet of an output', () => {
    const facet = load('column-lineage-facet.json');
    const { event } = readOpenLineageEvent({
      eventType: 'COMPLETE',
      eventTime: '2024-01-01T00:00:00Z',
      producer: 'https://example.com/producer',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: '0190a8f0-0000-7000-8000-000000000001' },
      job: { namespace: 'etl', name: 'discounts' },
      inputs: [
        { namespace: 'SnowflakeOpenLineage', name: 'CUSTOMERS' },
        { namespace: 'SnowflakeOpenLineage', name: 'DISCOUNTS' },
      ],
      outputs: [
        {
          namespace: 'SnowflakeOpenLineage',
          name: 'CUSTOMER_DISCOUNTS',
          facets: facet,
        },
      ],
    });
    const byInput = Object.fromEntries(
      event!.edges.map(e => [e.from.name, e.columns]),
    );
    expect(Object.keys(byInput).sort()).toEqual(['CUSTOMERS', 'DISCOUNTS']);
    expect(byInput.CUSTOMERS).toEqual(
      expect.arrayContaining([
        { from: 'NAME', to: 'NAME' },
        { from: 'ID', to: 'AMOUNT_OFF' },
      ]),
    );
    expect(byInput.DISCOUNTS).toContainEqual({
      from: 'ENDS_AT',
      to: 'ENDS_AT',
    });
  });

  it('reads dataset and column edges from the lineage facet of a DatasetEvent', () => {
    const { event } = readOpenLineageEvent({
      eventTime: '2024-01-01T00:00:00',
      producer: 'https://example.com/catalog',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: {
        namespace: 'postgres://warehouse:5432',
        name: 'public.orders',
        facets: load('lineage-facet-dataset-to-dataset.json'),
      },
    });
    expect(event!.edges).toEqual([
      {
        from: {
          namespace: 'postgresql://warehouse:5432',
          name: 'public.customers',
        },
        to: { namespace: 'postgres://warehouse:5432', name: 'public.orders' },
        columns: [{ from: 'id', to: 'customer_id' }],
      },
    ]);
  });

});

describe('readOpenLineageEvent', () => {
  it('reads a full RunEvent: job, run, the input-to-output edge', () => {
    const { event, issues } = readOpenLineageEvent(
      own('openlineage-run-event.json'),
    );
    expect(issues).toEqual([]);
    expect(event).toMatchObject({
      kind: 'RunEvent',
      eventType: 'COMPLETE',
      runId: '0195a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
      job: { namespace: 'docks-scheduler', name: 'nightly.load_handovers' },
      eventTime: Date.UTC(2025, 2, 4, 5, 10, 30, 250),
    });
    expect(event!.edges).toEqual([
      {
        from: { namespace: 'docks-warehouse', name: 'handover.handovers_v2' },
        to: { namespace: 'docks-archive', name: 'parcels.handovers' },
        columns: [],
      },
    ]);
    // an input that is also an output makes no edge from a dataset to itself
    const same = own('openlineage-run-event.json');
    same.outputs = same.inputs;
    expect(readOpenLineageEvent(same).event!.edges).toEqual([]);
  });

  it('reads a DatasetEvent whose eventTime has no timezone, as UTC', () => {
    const { event, issues } = readOpenLineageEvent(
      own('openlineage-dataset-event.json'),
    );
    expect(issues).toEqual([]);
    expect(event).toMatchObject({
      kind: 'DatasetEvent',
      eventTime: Date.UTC(2025, 2, 4, 6, 15, 0, 987),
      datasets: [{ namespace: 's3://northwind-archive', name: 'parcels/labels' }],
      edges: [],
    });
  });

  it('reads column edges from the columnLineage facet of an output', () => {
    const { event } = readOpenLineageEvent({
      eventType: 'COMPLETE',
      eventTime: '2025-01-01T00:00:00Z',
      producer: 'https://example.com/producer',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: '0190a8f0-0000-7000-8000-000000000002' },
      job: { namespace: 'etl', name: 'carrier_report' },
      inputs: [
        { namespace: 'warehouse', name: 'CARRIERS' },
        { namespace: 'warehouse', name: 'HANDOVERS' },
      ],
      outputs: [
        {
          namespace: 'warehouse',
          name: 'CARRIER_REPORT',
          facets: own('openlineage-column-lineage.json'),
        },
      ],
    });
    const byInput = Object.fromEntries(
      event!.edges.map(e => [e.from.name, e.columns]),
    );
    expect(Object.keys(byInput).sort()).toEqual(['CARRIERS', 'HANDOVERS']);
    expect(byInput.CARRIERS).toEqual([{ from: 'NAME', to: 'carrier_name' }]);
    expect(byInput.HANDOVERS).toEqual(
      expect.arrayContaining([
        { from: 'CARRIER_CODE', to: 'carrier_name' },
        { from: 'HANDOVER_ID', to: 'parcels' },
      ]),
    );
  });

  it('reads dataset and column edges from the lineage facet of a DatasetEvent', () => {
    const { event } = readOpenLineageEvent({
      eventTime: '2025-01-01T00:00:00',
      producer: 'https://example.com/catalog',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: {
        namespace: 'postgres://docks.db.example.org:5432',
        name: 'handover.handovers_v2',
        facets: own('openlineage-lineage-facet.json'),
      },
    });
    expect(event!.edges).toEqual([
      {
        from: {
          namespace: 'postgresql://docks.db.example.org:5432',
          name: 'handover.carriers',
        },
        to: {
          namespace: 'postgres://docks.db.example.org:5432',
          name: 'handover.handovers_v2',
        },
        columns: [{ from: 'code', to: 'carrier_code' }],
      },
    ]);
  });

  it('names what is missing, with its path', () => {
    const { event, issues } = readOpenLineageEvent({
      eventTime: 'soon',
      run: {},
      job: { name: 'x' },
    });
    expect(event).toBeUndefined();
    expect(issues.map(i => i.path)).toEqual([
      '/eventTime',
      '/producer',
      '/schemaURL',
      '/job',
      '/run/runId',
    ]);
    expect(readOpenLineageEvent([]).issues[0].message).toContain('JSON object');
  });
});
