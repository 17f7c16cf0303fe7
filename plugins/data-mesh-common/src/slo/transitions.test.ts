import { advanceSloState, nextSloState, sloHealth } from './transitions';
import type { SloState } from './transitions';

const at = (minute: number) =>
  new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

function run(statuses: Array<'pass' | 'fail' | 'error'>) {
  let state: SloState | undefined;
  const transitions: string[] = [];
  statuses.forEach((status, i) => {
    const next = nextSloState(state, { status, at: at(i) });
    state = next.state;
    if (next.transition) transitions.push(`${i}:${next.transition}`);
  });
  return { state: state!, transitions };
}

describe('nextSloState', () => {
  it('tells the owners once when an SLO starts failing and once when it recovers', () => {
    const { transitions, state } = run([
      'pass',
      'fail',
      'fail',
      'fail',
      'pass',
      'pass',
    ]);
    expect(transitions).toEqual(['1:failing', '4:recovered']);
    expect(state).toMatchObject({
      status: 'pass',
      since: at(4),
      failing: false,
    });
  });

  it('raises an alert on a failing first observation, none on a passing one', () => {
    expect(run(['fail']).transitions).toEqual(['0:failing']);
    expect(run(['pass']).transitions).toEqual([]);
  });

  it('keeps `since` while the status holds', () => {
    expect(run(['fail', 'fail', 'fail']).state.since).toBe(at(0));
  });

  it('neither raises nor clears an alert on errors', () => {
    expect(run(['fail', 'error', 'fail', 'error', 'pass']).transitions).toEqual(
      ['0:failing', '4:recovered'],
    );
    expect(run(['pass', 'error', 'pass']).transitions).toEqual([]);
    const errored = run(['fail', 'error']).state;
    expect(errored).toMatchObject({
      status: 'error',
      since: at(1),
      failing: true,
    });
  });

  it('keeps the error message until the check passes', () => {
    let { state } = nextSloState(undefined, {
      status: 'error',
      at: at(0),
      message: 'timeout',
    });
    expect(state.lastError).toBe('timeout');
    state = nextSloState(state, { status: 'pass', at: at(1), value: 3 }).state;
    expect(state.lastError).toBeUndefined();
    expect(state.lastValue).toBe(3);
  });

  it('dates a failure from when the check says it began, never before the last outcome', () => {
    const first = nextSloState(undefined, {
      status: 'fail',
      at: at(10),
      since: at(2),
    });
    expect(first.state.since).toBe(at(2));
    expect(first.transition).toBe('failing');
    const passed = nextSloState(undefined, { status: 'pass', at: at(5) }).state;
    expect(
      nextSloState(passed, { status: 'fail', at: at(10), since: at(2) }).state
        .since,
    ).toBe(at(5));
    expect(
      nextSloState(passed, { status: 'fail', at: at(10), since: at(12) }).state
        .since,
    ).toBe(at(10));
  });

  it('leaves the state alone for an outcome older than the last one', () => {
    const { state } = run(['fail', 'fail']);
    const late = nextSloState(state, { status: 'pass', at: at(-5) });
    expect(late.state).toBe(state);
    expect(late.transition).toBeUndefined();
  });
});

describe('sloHealth', () => {
  it('is the worst status', () => {
    expect(sloHealth([])).toBe('unknown');
    expect(sloHealth(['unknown'])).toBe('unknown');
    expect(sloHealth(['pass', 'unknown'])).toBe('healthy');
    expect(sloHealth(['pass', 'error'])).toBe('error');
    expect(sloHealth(['error', 'fail', 'pass'])).toBe('breached');
  });
});

describe('nextSloState with an alert condition', () => {
  it('alerts when the declared condition holds, not at every failed check', () => {
    let state: SloState | undefined;
    const transitions: string[] = [];
    const steps: Array<['pass' | 'fail' | 'error', boolean]> = [
      ['pass', false],
      ['fail', false], // the SLO fails (over 24 hours) but the alert says over 26 hours
      ['fail', true],
      ['error', false], // an error neither raises nor clears it
      ['fail', true],
      ['pass', false],
    ];
    steps.forEach(([status, alerting], i) => {
      const next = nextSloState(state, { status, at: at(i), alerting });
      state = next.state;
      if (next.transition) transitions.push(`${i}:${next.transition}`);
    });
    expect(transitions).toEqual(['2:failing', '5:recovered']);
  });

  it('keeps the assessment of the state it moves on from', () => {
    const assessment = {
      budgetRemaining: 0.5,
      observations: 10,
      assessedAt: at(0),
    };
    const { state } = nextSloState(
      { status: 'pass', since: at(0), failing: false, assessment },
      { status: 'fail', at: at(1) },
    );
    expect(state.assessment).toEqual(assessment);
  });
});

describe('advanceSloState', () => {
  const ms = (minute: number) => Date.UTC(2025, 0, 1, 0, minute);

  it('moves the state on with a run, oldest outcome first, and tells the net change', () => {
    const next = advanceSloState(undefined, [
      { status: 'fail', observedAt: ms(2), value: 7, message: 'too old' },
      { status: 'pass', observedAt: ms(1), value: 3 },
    ]);
    expect(next).toEqual({
      state: {
        status: 'fail',
        since: at(2),
        failing: true,
        lastValue: 7,
        lastObservedAt: at(2),
        lastError: 'too old',
      },
      transition: 'failing',
    });
  });

  it('tells nothing when a run fails and recovers again', () => {
    const before = advanceSloState(undefined, [
      { status: 'pass', observedAt: ms(0) },
    ])!;
    expect(before.transition).toBeUndefined();
    const next = advanceSloState(before.state, [
      { status: 'fail', observedAt: ms(1) },
      { status: 'pass', observedAt: ms(2) },
    ]);
    expect(next?.state).toMatchObject({ status: 'pass', failing: false });
    expect(next).not.toHaveProperty('transition');
    expect(
      advanceSloState({ ...before.state, failing: true }, [
        { status: 'fail', observedAt: ms(3) },
        { status: 'pass', observedAt: ms(4) },
      ])?.transition,
    ).toBe('recovered');
  });

  it('leaves the state alone for no outcome or only older ones', () => {
    expect(advanceSloState(undefined, [])).toBeUndefined();
    const { state } = advanceSloState(undefined, [
      { status: 'pass', observedAt: ms(5) },
    ])!;
    expect(
      advanceSloState(state, [{ status: 'fail', observedAt: ms(4) }]),
    ).toBeUndefined();
  });

  it("follows the alert condition and dates a failure from the check's start", () => {
    const next = advanceSloState(undefined, [
      { status: 'fail', observedAt: ms(10), alerting: false, since: ms(4) },
    ]);
    expect(next).toEqual({
      state: expect.objectContaining({
        status: 'fail',
        since: at(4),
        failing: false,
      }),
    });
    expect(
      advanceSloState(next!.state, [
        { status: 'fail', observedAt: ms(20), alerting: true },
      ])?.transition,
    ).toBe('failing');
  });
});
