import { readPushedResults } from './readPushedResults';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const own = (observations: object[], extra: object = {}) => ({
  runId: 'r1',
  entityRef: 'component:default/orders',
  observations,
  ...extra,
});

const paths = (result: ReturnType<typeof readPushedResults>) =>
  result.issues.map(i => i.path);

describe('readPushedResults', () => {
  it('takes times from the kept history up to five minutes ahead of the clock', () => {
    const result = readPushedResults(
      own(
        [
          {
            sloId: 'sla:freshness',
            status: 'pass',
            observedAt: iso(NOW + 4 * 60_000),
          },
          {
            sloId: 'sla:freshness',
            status: 'pass',
            observedAt: iso(NOW - 399 * DAY),
          },
          { sloId: 'sla:freshness', status: 'pass' },
        ],
        { finishedAt: iso(NOW - 1000) },
      ),
      { now: NOW },
    );
    expect(result.issues).toEqual([]);
    expect(result.run?.checks.map(c => c.observedAt)).toEqual([
      NOW + 4 * 60_000,
      NOW - 399 * DAY,
      NOW - 1000,
    ]);
    expect(result.run?.checks.map(c => c.path)).toEqual([
      '/observations/0',
      '/observations/1',
      '/observations/2',
    ]);
  });

  it('refuses a time in the future, and says what to send', () => {
    const result = readPushedResults(
      own([
        {
          sloId: 'sla:freshness',
          status: 'pass',
          observedAt: '2099-01-01T00:00:00Z',
        },
      ]),
      { now: NOW },
    );
    expect(result.run).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/observations/0/observedAt',
        message: expect.stringMatching(
          /^observations\/0\/observedAt 2099-01-01T00:00:00Z is in the future .*at most 5 minutes ahead.*send the time the check ran/,
        ),
      }),
    ]);
  });

  it('refuses a time older than the history kept, naming the setting', () => {
    const result = readPushedResults(
      own([{ sloId: 'sla:freshness', status: 'pass' }], {
        startedAt: iso(NOW - 8 * DAY),
        finishedAt: iso(NOW + 6 * 60_000),
      }),
      { now: NOW, retentionMs: 7 * DAY },
    );
    expect(paths(result)).toEqual(['/startedAt', '/finishedAt']);
    expect(result.issues[0].message).toContain(
      'older than the 7 days of history kept (dataMesh.history.retentionDays)',
    );
  });

  it('keeps 400 days of history unless told otherwise', () => {
    const at = (days: number) =>
      readPushedResults(
        own([
          {
            sloId: 'sla:freshness',
            status: 'pass',
            observedAt: iso(NOW - days * DAY),
          },
        ]),
        { now: NOW },
      );
    expect(at(399).issues).toEqual([]);
    expect(paths(at(401))).toEqual(['/observations/0/observedAt']);
  });

  it('bounds the times of a datacontract-cli run', () => {
    const result = readPushedResults(
      {
        runId: 'dc-1',
        dataContractId: 'urn:test:orders',
        server: null,
        timestampStart: iso(NOW - 1000),
        timestampEnd: '2099-01-01T00:00:00+00:00',
        checks: [{ type: 'schema', result: 'passed' }],
      },
      { now: NOW },
    );
    expect(paths(result)).toEqual(['/timestampEnd']);
  });

  it('locates each datacontract-cli check in the body, skipped ones included', () => {
    const result = readPushedResults(
      {
        runId: 'dc-2',
        dataContractId: 'urn:test:orders',
        server: null,
        timestampEnd: iso(NOW),
        checks: [
          { type: 'field_type', result: 'skipped' },
          { type: 'schema', result: 'failed', reason: 'x'.repeat(5000) },
          { type: 'row_count', result: 'warning', reason: 'y'.repeat(5000) },
        ],
      },
      { now: NOW },
    );
    expect(result.issues).toEqual([]);
    expect(result.run?.server).toBeUndefined();
    expect(result.run?.checks.map(c => c.path)).toEqual([
      '/checks/1',
      '/checks/2',
    ]);
    expect(result.run?.checks.map(c => c.message?.length)).toEqual([
      2000, 2000,
    ]);
  });

  it('refuses ids longer than the database stores, before it sees them', () => {
    const long = 'x'.repeat(256);
    const result = readPushedResults(
      own([{ sloId: `datacontract:${long}`, status: 'fail' }], {
        entityRef: `component:default/${long}`,
        server: long,
      }),
      { now: NOW },
    );
    expect(paths(result)).toEqual([
      '/entityRef',
      '/server',
      '/observations/0/sloId',
    ]);
    expect(result.issues[0].message).toContain('at most 255 characters');
    expect(
      paths(readPushedResults({ ...own([]), runId: long }, { now: NOW })),
    ).toContain('/runId');
    expect(
      paths(
        readPushedResults(
          {
            runId: 'dc-3',
            dataContractId: 'urn:test:orders',
            server: long,
            checks: [],
          },
          { now: NOW },
        ),
      ),
    ).toEqual(['/server']);
  });

  it('checks a body against its schema, each problem located and saying what to send', () => {
    const result = readPushedResults(
      own([
        { sloId: 'sla:freshness', status: 'ok', value: 'high' },
        'pass' as unknown as object,
        { status: 'pass', observedAt: '2025-06-01 12:00' },
      ]),
      { now: NOW },
    );
    expect(result.run).toBeUndefined();
    expect(result.issues.map(i => [i.path, i.message])).toEqual([
      [
        '/observations/0/status',
        'observation 0: status must be "pass", "fail" or "error" (found "ok").',
      ],
      [
        '/observations/0/value',
        'observation 0: value must be a finite number.',
      ],
      ['/observations/1', 'observation 1 must be an object.'],
      [
        '/observations/2/sloId',
        'observation 2 needs its sloId (see GET …/slo for the ids).',
      ],
      [
        '/observations/2/observedAt',
        'observations/2/observedAt must be an ISO 8601 date-time with a timezone, e.g. 2025-06-01T12:00:00Z (found "2025-06-01 12:00").',
      ],
    ]);
    expect(
      readPushedResults({ runId: 'r', entityRef: 'x' }, { now: NOW }).issues,
    ).toEqual([
      expect.objectContaining({
        path: '/observations',
        message:
          'observations must be a non-empty array of {sloId, status, value?, observedAt?, message?}.',
      }),
    ]);
    expect(
      readPushedResults(
        { dataContractId: 'urn:x', checks: [{ result: 'passed' }] },
        { now: NOW },
      ).issues.map(i => i.path),
    ).toEqual(['/id', '/checks/0']);
  });

  it('reads a Data Product Portal summary as checks of the product it names', () => {
    const result = readPushedResults(
      {
        entityRef: 'component:default/orders',
        created_at: iso(NOW - 60_000),
        overall_status: 'failure',
        dimensions: { completeness: 'success', validity: 'failure' },
        technical_assets: [{ name: 'orders', status: 'failure' }],
        details_url: 'https://quality.example.com/runs/42',
      },
      { now: NOW },
    );
    expect(result.issues).toEqual([]);
    expect(result.run).toMatchObject({
      format: 'portal-summary',
      runId: `portal:${iso(NOW - 60_000)}`,
      entityRef: 'component:default/orders',
      finishedAt: NOW - 60_000,
    });
    expect(
      result.run!.checks.map(c => [c.check?.type, c.check?.model, c.status]),
    ).toEqual([
      ['completeness', undefined, 'pass'],
      ['validity', undefined, 'fail'],
      ['asset', 'orders', 'fail'],
    ]);
    expect(
      paths(readPushedResults({ overall_status: 'unknown' }, { now: NOW })),
    ).toEqual(['/entityRef', '/runId', '/overall_status']);
  });
});
