// A title or name after "shadow" or "opposition" is the opposition's; "opposition to the
// government" leaves the government alone. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'In London, the shadow home secretary said the plan had failed.', expect: [['secretary', 'GBROPP']] },
  { text: 'Opposition candidate Viktor Yushchenko won the rerun.', date: '2004-12-27', expect: [['Viktor Yushchenko', 'UKROPP']] },
  { text: 'In Kiev, their opposition to the government grew.', expect: [['the government', 'UKRGOV']] },
];

describe('the opposition', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));
});
