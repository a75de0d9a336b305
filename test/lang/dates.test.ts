import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/lang/dates.js';
import { findDates, parseDateString } from '../../src/lang/dates-parse.js';
import { ROOT } from '../fixtures/paths.js';

const seed = (name: string): string => readFileSync(join(ROOT, 'examples/seeds', name), 'utf8');

/** value of the first mention whose text is `expr` */
function valueOf(text: string, published: string | null, expr: string, dayFirst = false): string | undefined {
  return resolveDates(text, published, dayFirst).find((m) => m.text === expr)?.value;
}

describe('resolveDates on the seed articles', () => {
  it('000: bare weekdays are the last such day on or before publication (a Sunday)', () => {
    const text = seed('000_1443bbc182fad092.txt');
    const dates = resolveDates(text, '2015-09-06', true);
    const sat = dates.filter((d) => d.text === 'Saturday');
    expect(sat.length).toBeGreaterThan(2);
    expect(new Set(sat.map((d) => d.value))).toEqual(new Set(['2015-09-05']));
    expect(dates.find((d) => d.text === 'Friday')?.value).toBe('2015-09-04');
    expect(dates.find((d) => d.text === '6/9/15')?.value).toBe('2015-09-06');
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('003: same-day weekday, yearless month-day, month with a relative year, month-year', () => {
    const text = seed('003_a6332ebc66c091c0.txt');
    const pub = '2014-10-25';
    expect(valueOf(text, pub, 'Saturday')).toBe('2014-10-25');
    expect(valueOf(text, pub, 'Oct. 14')).toBe('2014-10-14');
    const aug = resolveDates(text, pub, true).find((d) => d.text.startsWith('August'));
    expect(aug).toMatchObject({ text: 'August last year', value: '2013-08', granularity: 'month' });
    expect(resolveDates(text, pub, true).find((d) => d.text === 'April 2013')).toMatchObject({ value: '2013-04', granularity: 'month' });
  });

  it('004: the document number 1897-09-10-2017 is not a date; October 9/7 are', () => {
    const text = seed('004_132427d3f18f6635.txt');
    const dates = resolveDates(text, '2017-10-09', true);
    expect(dates.some((d) => d.text.includes('1897'))).toBe(false);
    expect(dates.find((d) => d.text === 'October 9')?.value).toBe('2017-10-09');
    expect(dates.find((d) => d.text === 'October 7')?.value).toBe('2017-10-07');
  });

  it('without a publication date keeps only absolute dates', () => {
    const text = seed('001_4f6c05089ed85c55.txt');
    for (const d of resolveDates(text, null, false)) expect(d.value).toMatch(/^\d{4}/);
    expect(resolveDates('Talks resumed on Monday and again in February.', null, false)).toEqual([]);
    expect(resolveDates('The attack in Boston in April 2013 was cited.', null, false).map((d) => d.value)).toEqual(['2013-04']);
  });
});

describe('resolveDates rules', () => {
  it('relative years and months', () => {
    expect(valueOf('Prices rose last year.', '2014-10-25', 'last year')).toBe('2013');
    expect(resolveDates('Prices rose last year.', '2014-10-25', false)[0].granularity).toBe('year');
    expect(valueOf('It happened two years ago.', '2014-10-25', 'two years ago')).toBe('2012');
    expect(valueOf('The vote is later this month.', '2014-10-25', 'this month')).toBe('2014-10');
    expect(valueOf('He left yesterday.', '2014-10-25', 'yesterday')).toBe('2014-10-24');
  });

  it('yearless dates well after publication belong to the previous year', () => {
    expect(valueOf('The decree was signed on Dec. 20.', '2015-01-10', 'Dec. 20')).toBe('2014-12-20');
    expect(valueOf('Talks are set for Nov. 5.', '2015-10-20', 'Nov. 5')).toBe('2015-11-05');
    expect(valueOf('The talks began in March.', '2014-10-25', 'March')).toBe('2014-03');
  });

  it('explicit direction words override the past-weekday rule', () => {
    expect(valueOf('They will meet next Friday.', '2014-10-25', 'next Friday')).toBe('2014-10-31');
    expect(valueOf('They met last Friday.', '2014-10-25', 'last Friday')).toBe('2014-10-24');
  });

  it('announced future events look forward, reported speech does not', () => {
    expect(valueOf('The dividend is payable Jan. 2 to holders of record.', '1989-11-02', 'Jan. 2')).toBe('1990-01-02');
    expect(valueOf('Talks resumed Jan. 2 in Geneva.', '1989-11-02', 'Jan. 2')).toBe('1989-01-02');
    expect(valueOf('The ministers will meet Thursday in Paris.', '2014-10-25', 'Thursday')).toBe('2014-10-30');
    expect(valueOf('Russia will not send troops, Lavrov said Thursday.', '2014-10-25', 'Thursday')).toBe('2014-10-23');
    expect(valueOf('Shares closed 7% down from Oct. 13 and are expected to recover.', '1989-10-30', 'Oct. 13')).toBe('1989-10-13');
  });

  it('month names with this/next/last and a relative year', () => {
    const text = 'In January this year police acted. The treaty was signed last May. Elections are due next April.';
    const dates = resolveDates(text, '1998-02-19', false);
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['January this year', '1998-01'],
      ['last May', '1997-05'],
      ['next April', '1998-04'],
    ]);
  });

  it('May the prime minister is not a month', () => {
    expect(resolveDates('Talks between Merkel and May ended. In May they met again.', '2018-06-10', false).map((d) => d.value)).toEqual(['2018-05']);
  });

  it('numeric dates follow the document convention', () => {
    expect(valueOf('Signed on 6/9/15 in Moscow.', '2015-09-10', '6/9/15', true)).toBe('2015-09-06');
    expect(valueOf('Signed on 6/9/15 in Moscow.', '2015-09-10', '6/9/15', false)).toBe('2015-06-09');
    expect(valueOf('Signed on 25/10/2014.', '2014-11-01', '25/10/2014', false)).toBe('2014-10-25');
  });

  it('avoids common false positives', () => {
    const text =
      'He may travel to Moscow. The march on Washington drew crowds. A March for peace. Tents 200 meters inside. ' +
      'The G20 summit. A week later they met again. The next day he left. Now is the time. 2000 people marched.';
    expect(resolveDates(text, '2014-10-25', false)).toEqual([]);
  });

  it('bare years need a time word before them', () => {
    const values = resolveDates('Since 2011 the war has killed many; in 1994 it was calm. Code 2015 failed.', '2014-10-25', false).map((d) => d.value);
    expect(values).toEqual(['2011', '1994']);
  });

  it('offsets always point at the mention text', () => {
    const text = 'On Saturday, Oct. 25, 2014, and on Friday the ministers met; in August last year they had not.';
    for (const d of resolveDates(text, '2014-10-27', false)) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});

describe('date string parsing', () => {
  it('reads full dates in several orders and languages', () => {
    expect(parseDateString('Freitag, 01. September 2017')).toEqual({ year: 2017, month: 9, day: 1 });
    expect(parseDateString('Wed, 19 Oct 2022 14:24:05 +0000')).toEqual({ year: 2022, month: 10, day: 19 });
    expect(parseDateString('Le 26 juin 2019')).toEqual({ year: 2019, month: 6, day: 26 });
    expect(parseDateString('20210820030646')).toEqual({ year: 2021, month: 8, day: 20 });
    expect(parseDateString('February 30 2008')).toBeNull();
    expect(parseDateString('36/14/2016')).toBeNull();
  });

  it('marks numeric dates that read both ways', () => {
    const [f] = findDates('6/9/15', true);
    expect(f).toMatchObject({ year: 2015, month: 9, day: 6, alt: { year: 2015, month: 6, day: 9 } });
    expect(findDates('25/10/2014', false)[0]).toMatchObject({ month: 10, day: 25, alt: null, dayBeforeMonth: true });
  });
});
