// A country name after "from", "to" or "of" is the state taking part ("under assault from Turkey",
// "the invasion of Iran"); after "in", "at", "near" it is where things happen. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'The Kurdish militias are under assault from Turkey.', expect: [['Turkey', 'TURGOV']] },
  { text: 'In 1980 Iraq launched the invasion of Iran.', expect: [['Iran', 'IRNGOV']] },
  { text: 'Washington handed the base over to Russia.', expect: [['Russia', 'RUSGOV']] },
  { text: 'The talks were held in Egypt on Sunday.', expect: [['Egypt', 'EGY']] },
];

describe('countries as states or as places', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));
});
