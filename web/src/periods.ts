// The timeline API lists only periods that have events. Drawn as-is, a line would join October 2015
// to October 2017 as if events went on all along; the chart must show the quiet stretch as zero.
// Two zero points per gap (its first and last empty period) draw that flat stretch without
// materialising every empty day of a long range.

export type Bucket = 'day' | 'week' | 'month' | 'year';

export interface PeriodPoint {
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  count: number;
  goldstein_mean: number | null;
}

export interface DenseSeries<P> {
  /** Period starts, seconds since the epoch (uPlot's time unit). */
  xs: number[];
  counts: number[];
  /** null in empty periods: no events means no mean, and uPlot leaves a gap there. */
  goldstein: (number | null)[];
  /** The API point behind each x, or null for an inserted empty period. */
  source: (P | null)[];
}

const secondsOf = (ymd: string): number => Date.UTC(+ymd.slice(0, 4), +ymd.slice(5, 7) - 1, +ymd.slice(8, 10)) / 1000;

/** The start of the period `steps` periods after (or before, when negative) the one starting at `ymd`. */
export function shiftPeriod(ymd: string, bucket: Bucket, steps: number): string {
  const y = +ymd.slice(0, 4);
  const m = +ymd.slice(5, 7) - 1;
  const d = +ymd.slice(8, 10);
  const t =
    bucket === 'year' ? Date.UTC(y + steps, m, d)
    : bucket === 'month' ? Date.UTC(y, m + steps, d)
    : Date.UTC(y, m, d + steps * (bucket === 'week' ? 7 : 1));
  return new Date(t).toISOString().slice(0, 10);
}

/** The points in order, with zero-count periods inserted wherever consecutive points are not adjacent. */
export function withEmptyPeriods<P extends PeriodPoint>(points: P[], bucket: Bucket): DenseSeries<P> {
  const out: DenseSeries<P> = { xs: [], counts: [], goldstein: [], source: [] };
  const push = (start: string, p: P | null): void => {
    out.xs.push(secondsOf(start));
    out.counts.push(p ? p.count : 0);
    out.goldstein.push(p ? p.goldstein_mean : null);
    out.source.push(p);
  };
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev) {
      const firstEmpty = shiftPeriod(prev.start, bucket, 1);
      const lastEmpty = shiftPeriod(p.start, bucket, -1);
      if (firstEmpty < p.start) push(firstEmpty, null);
      if (lastEmpty > firstEmpty) push(lastEmpty, null);
    }
    push(p.start, p);
  });
  return out;
}
