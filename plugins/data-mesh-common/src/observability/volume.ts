/**
 * Volume change: the row count of each object, kept per evaluation, compared with the
 * previous period and with a robust baseline of the last weeks (the median of the same
 * time on the same weekday), so a weekday/weekend rhythm does not alarm.
 */
import { describeChange, formatQuantity } from '../slo/units';

/**
 * How a volume check compares.
 * @public
 */
export interface VolumeSettings {
  /** A change beyond this many per cent fails (`row_count_change > 50%`). */
  thresholdPercent: number;
  /** The period the count is compared with: a day unless said otherwise (ms). */
  periodMs: number;
  /** How many weeks back the baseline looks (the same weekday and time each week). */
  weeks: number;
  /** Weeks with a count the baseline needs before it judges; until then the period does. */
  minimumWeeks: number;
}

/** @public */
export const DEFAULT_VOLUME_SETTINGS: VolumeSettings = {
  thresholdPercent: 50,
  periodMs: 86_400_000,
  weeks: 4,
  minimumWeeks: 2,
};

/**
 * One kept count: when (ms since the epoch) and how many rows.
 * @public
 */
export interface CountPoint {
  at: number;
  value: number;
}

/**
 * What a volume check found.
 * @public
 */
export interface VolumeJudgement {
  status: 'pass' | 'fail';
  current: number;
  /** The count one period earlier, when one was kept. */
  previous?: number;
  /** Signed change against `previous`, in per cent. */
  changeVsPrevious?: number;
  /** The median count at the same weekday and time of the last weeks. */
  baseline?: number;
  /** How many weeks the baseline is the median of. */
  baselineWeeks: number;
  /** Signed change against `baseline`, in per cent. */
  changeVsBaseline?: number;
  /** The change that decided (`baseline` when it has enough weeks, else `previous`). */
  decidedBy?: 'baseline' | 'previous';
  /** The change that decided, in per cent: what `row_count_change` stands for. */
  change?: number;
  message: string;
}

const WEEK = 7 * 86_400_000;
const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** The count kept nearest to `t`, within `tolerance` ms either side. */
function countAt(
  series: readonly CountPoint[],
  t: number,
  tolerance: number,
): number | undefined {
  let best: CountPoint | undefined;
  for (const point of series) {
    const distance = Math.abs(point.at - t);
    if (distance > tolerance) continue;
    if (!best || distance < Math.abs(best.at - t)) best = point;
  }
  return best?.value;
}

/** The median of a non-empty list. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Signed change of `current` against `reference`, in per cent (100 when from none). */
function changeOf(current: number, reference: number): number {
  if (reference === 0) return current === 0 ? 0 : 100;
  return ((current - reference) / reference) * 100;
}

/** The period in words: `the day before`, `the count 6 hours before`. */
function periodText(periodMs: number): string {
  if (periodMs === 86_400_000) return 'the day before';
  if (periodMs === WEEK) return 'the week before';
  const hours = Math.round(periodMs / 3_600_000);
  return `${hours} hour${hours === 1 ? '' : 's'} before`;
}

/**
 * Judges the row count `current`, counted at `at`, against the counts kept before
 * (`series`, any order; points at or after `at` are ignored). With counts at the same
 * weekday and time of at least `minimumWeeks` of the last `weeks`, their median (robust to
 * one odd week) decides: a Saturday is compared with the usual Saturday, so a weekly rhythm
 * does not alarm. Without them, the count one period earlier decides. Either way a change
 * beyond `thresholdPercent` (up or down) fails; with neither, it passes.
 * @public
 */
export function judgeVolume(
  current: number,
  at: number,
  series: readonly CountPoint[],
  settings: Partial<VolumeSettings> = {},
): VolumeJudgement {
  const given = Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined),
  );
  const { thresholdPercent, periodMs, weeks, minimumWeeks }: VolumeSettings = {
    ...DEFAULT_VOLUME_SETTINGS,
    ...given,
  };
  const earlier = series.filter(p => p.at < at && Number.isFinite(p.value));
  const tolerance = Math.min(periodMs / 4, 6 * 3_600_000);
  const judgement: VolumeJudgement = {
    status: 'pass',
    current,
    baselineWeeks: 0,
    message: '',
  };
  const previous = countAt(earlier, at - periodMs, tolerance);
  if (previous !== undefined) {
    judgement.previous = previous;
    judgement.changeVsPrevious = changeOf(current, previous);
  }
  const weekly: number[] = [];
  for (let week = 1; week <= weeks; week++) {
    const count = countAt(earlier, at - week * WEEK, tolerance);
    if (count !== undefined) weekly.push(count);
  }
  if (weekly.length > 0) {
    judgement.baseline = median(weekly);
    judgement.baselineWeeks = weekly.length;
    judgement.changeVsBaseline = changeOf(current, judgement.baseline);
  }
  const weekday = WEEKDAYS[new Date(at).getUTCDay()];
  const rows = formatQuantity(current, 'rows');
  const parts: string[] = [];
  if (judgement.baseline !== undefined && weekly.length >= minimumWeeks) {
    judgement.decidedBy = 'baseline';
    judgement.change = judgement.changeVsBaseline;
    parts.push(
      describeChange(
        current,
        judgement.baseline,
        `the usual ${weekday} (median of ${weekly.length} weeks)`,
      ),
    );
    if (judgement.previous !== undefined)
      parts.push(
        describeChange(current, judgement.previous, periodText(periodMs)),
      );
  } else if (judgement.previous !== undefined) {
    judgement.decidedBy = 'previous';
    judgement.change = judgement.changeVsPrevious;
    parts.push(
      describeChange(current, judgement.previous, periodText(periodMs)),
    );
  }
  if (judgement.change === undefined) {
    judgement.message = `${rows}; no earlier count to compare with yet`;
    return judgement;
  }
  if (Math.abs(judgement.change) > thresholdPercent) judgement.status = 'fail';
  judgement.message = `${rows}: ${parts.join('; ')}${
    judgement.status === 'fail'
      ? ` (more than ${thresholdPercent} % change)`
      : ''
  }`;
  return judgement;
}
