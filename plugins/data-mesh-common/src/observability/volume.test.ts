import { judgeVolume, type CountPoint } from './volume';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Saturday 5 December 2026, 06:00 UTC
const SATURDAY = Date.UTC(2026, 11, 5, 6);

/** Daily counts at 06:00 for `days` days before `end`: `count(weekday)` rows each. */
function daily(end: number, days: number, count: (weekday: number) => number) {
  const points: CountPoint[] = [];
  for (let d = days; d >= 1; d--) {
    const at = end - d * DAY;
    points.push({ at, value: count(new Date(at).getUTCDay()) });
  }
  return points;
}

/** 1,000 rows on weekdays, 300 on Saturdays and Sundays. */
const weekly = (weekday: number) =>
  weekday === 0 || weekday === 6 ? 300 : 1000;

describe('judgeVolume', () => {
  it('does not alert on a weekly rhythm: a Saturday is compared with the usual Saturday', () => {
    const judgement = judgeVolume(310, SATURDAY, daily(SATURDAY, 28, weekly));
    expect(judgement).toMatchObject({
      status: 'pass',
      previous: 1000,
      baseline: 300,
      baselineWeeks: 4,
      decidedBy: 'baseline',
    });
    expect(judgement.changeVsPrevious).toBeCloseTo(-69);
    expect(judgement.change).toBeCloseTo(3.33, 1);
    expect(judgement.message).toBe(
      '310 rows: 3 % more rows than the usual Saturday (median of 4 weeks); 69 % fewer rows than the day before',
    );
  });

  it('alerts on the Monday after the rhythm when the count stays at the weekend level', () => {
    const monday = SATURDAY + 2 * DAY;
    const series = daily(monday, 28, weekly).map(p =>
      p.at >= SATURDAY ? { ...p, value: 300 } : p,
    );
    const judgement = judgeVolume(300, monday, series);
    expect(judgement).toMatchObject({ status: 'fail', baseline: 1000 });
    expect(judgement.message).toBe(
      '300 rows: 70 % fewer rows than the usual Monday (median of 4 weeks); as many rows as the day before (more than 50 % change)',
    );
  });

  it('keeps the median when one week was odd', () => {
    const series = daily(SATURDAY, 28, weekly).map(p =>
      p.at === SATURDAY - 7 * DAY ? { ...p, value: 5 } : p,
    );
    expect(judgeVolume(300, SATURDAY, series)).toMatchObject({
      status: 'pass',
      baseline: 300,
    });
  });

  it('compares with the day before while fewer than two weeks are kept, by the threshold given', () => {
    const series = daily(SATURDAY, 6, () => 1000);
    const fell = judgeVolume(400, SATURDAY, series);
    expect(fell).toMatchObject({
      status: 'fail',
      decidedBy: 'previous',
      previous: 1000,
      change: -60,
      message:
        '400 rows: 60 % fewer rows than the day before (more than 50 % change)',
    });
    expect(
      judgeVolume(400, SATURDAY, series, { thresholdPercent: 70 }).status,
    ).toBe('pass');
    expect(judgeVolume(2600, SATURDAY, series).message).toBe(
      '2,600 rows: 2.6 times as many rows as the day before (more than 50 % change)',
    );
  });

  it('passes with nothing to compare with, and ignores counts kept after the one judged', () => {
    expect(
      judgeVolume(5, SATURDAY, [{ at: SATURDAY + HOUR, value: 1000 }]),
    ).toEqual({
      status: 'pass',
      current: 5,
      baselineWeeks: 0,
      message: '5 rows; no earlier count to compare with yet',
    });
  });

  it('fails when the rows are gone', () => {
    expect(
      judgeVolume(
        0,
        SATURDAY,
        daily(SATURDAY, 2, () => 80),
      ),
    ).toMatchObject({
      status: 'fail',
      change: -100,
      message:
        '0 rows: 100 % fewer rows than the day before (more than 50 % change)',
    });
  });
});
