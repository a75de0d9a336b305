// The timeline's gap filling and the names given to untitled articles: pure functions of the web UI.
import { describe, expect, it } from 'vitest';
import { shiftPeriod, withEmptyPeriods } from '../../web/src/periods.js';
import { displayTitle } from '../../web/src/titles.js';

const point = (start: string, count: number, goldstein_mean: number | null = 1) => ({ start, count, goldstein_mean });
const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

describe('withEmptyPeriods', () => {
  it('drops to zero across a two-year gap instead of joining the two months with a line', () => {
    const s = withEmptyPeriods([point('2015-09-01', 5), point('2017-10-01', 8)], 'month');
    expect(s.xs.map(day)).toEqual(['2015-09-01', '2015-10-01', '2017-09-01', '2017-10-01']);
    expect(s.counts).toEqual([5, 0, 0, 8]);
    expect(s.goldstein).toEqual([1, null, null, 1]);
    expect(s.source.map((p) => p?.count ?? null)).toEqual([5, null, null, 8]);
  });

  it('inserts a single zero for a one-period gap and nothing between adjacent periods', () => {
    const weeks = withEmptyPeriods([point('2017-10-02', 1), point('2017-10-16', 2), point('2017-10-23', 3)], 'week');
    expect(weeks.xs.map(day)).toEqual(['2017-10-02', '2017-10-09', '2017-10-16', '2017-10-23']);
    expect(weeks.counts).toEqual([1, 0, 2, 3]);
    const years = withEmptyPeriods([point('2014-01-01', 1), point('2015-01-01', 1)], 'year');
    expect(years.counts).toEqual([1, 1]);
  });

  it('keeps at most two inserted points per gap, however long (day buckets over years)', () => {
    const s = withEmptyPeriods([point('2010-01-01', 1), point('2019-12-31', 1)], 'day');
    expect(s.xs.map(day)).toEqual(['2010-01-01', '2010-01-02', '2019-12-30', '2019-12-31']);
  });

  it('steps months and years across their ends', () => {
    expect(shiftPeriod('2017-12-01', 'month', 1)).toBe('2018-01-01');
    expect(shiftPeriod('2018-01-01', 'month', -1)).toBe('2017-12-01');
    expect(shiftPeriod('2016-01-01', 'year', -1)).toBe('2015-01-01');
    expect(shiftPeriod('2017-12-25', 'week', 1)).toBe('2018-01-01');
  });
});

describe('displayTitle', () => {
  it('prefers the stored title', () => {
    expect(displayTitle({ id: 'abc', title: ' Lavrov meets Kerry ', text: 'Other text.' })).toBe('Lavrov meets Kerry');
  });

  it('names an untitled article by its first sentence, cut at a word when long', () => {
    expect(displayTitle({ id: 'abc', title: null, text: 'Kerry called Lavrov. They talked.' })).toBe('Kerry called Lavrov.');
    const long = 'Baghdad and Washington are in talks to transfer and place on trial tens of thousands of suspected Isis fighters from Syria.';
    const t = displayTitle({ id: 'abc', title: null, text: long });
    expect(t.length).toBeLessThanOrEqual(91);
    expect(t.endsWith('…')).toBe(true);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
    expect(long[t.length - 1]).toBe(' '); // cut at a word boundary
  });

  it('falls back to the id when there is no text either', () => {
    expect(displayTitle({ id: 'abc123', title: '', text: '  ' })).toBe('abc123');
    expect(displayTitle({ id: 'abc123', title: null })).toBe('abc123');
  });
});
