// A famous office holder's surname that is also an English word ("Trump", "Rice") names the person
// while in office, where the capital letter is the writer's. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'On Friday Trump threatened new tariffs on steel.', date: '2019-02-04', expect: [['Trump', 'USAGOV']] },
  { text: 'Trump also angered Iraqi politicians after a visit to the troops.', date: '2019-02-04', expect: [['Trump', 'USAGOV']] },
  { text: 'In Beijing, Rice urged restraint on both sides.', date: '2006-05-01', expect: [['Rice', 'USAGOV']] },
  // Out of office, or a common noun: no one.
  { text: 'In Beijing, Rice urged restraint on both sides.', date: '1995-05-01', expect: [['Rice', null]] },
  { text: 'The minister played his trump card on Friday.', date: '2019-02-04', expect: [['trump', null]] },
];

describe('famous surnames that are English words', () => {
  for (const c of CASES) it(`${c.text} (${c.date})`, () => checkSpans(c));
});
