// First-person pronouns inside a direct quotation are its speaker: "I" the speaker, "we" the side
// the speaker speaks for, wherever the attribution stands (after the quotation, before it, or in
// another sentence of the same quotation). Without a speaker, or outside quotation marks, they stay
// as they were. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const AFTER: SpanCase[] = [
  { text: '“I will not sign this treaty and we will leave the talks,” Macron said.', expect: [['I', 'FRAGOV'], ['we', 'FRAGOV']] },
  { text: '“We have no reason to trust them,” said Vladimir Putin.', expect: [['We', 'RUSGOV']] },
];

const BEFORE: SpanCase[] = [
  { text: 'Vladimir Putin told reporters: “We will answer this provocation.”', expect: [['We', 'RUSGOV']] },
  { text: 'A spokesman for Hamas said: “We fired the rockets at dawn.”', expect: [['We', 'PSEREBHMS']] },
];

const ADJACENT: SpanCase[] = [
  // The attribution closes the quotation's last sentence; "we" is in its first.
  { text: '“We have waited for a whole year. Now the talks are over,” Merkel said.', expect: [['We', 'DEUGOV']] },
  // The attribution opens the quotation; "I" is in its second sentence.
  { text: 'Merkel said: “The talks are over. I see no reason to return.”', expect: [['I', 'DEUGOV']] },
  // The speaker given as a pronoun that refers back to her.
  { text: 'Angela Merkel spoke in Berlin. “We have waited for a whole year. The talks are over,” she said.', expect: [['We', 'DEUGOV']] },
];

const UNCHANGED: SpanCase[] = [
  // No attribution anywhere: nobody to stand for.
  { text: 'Protesters gathered outside the embassy. “We will not give up. Not this time.”', expect: [['We', null]] },
  // "we" of the narration, outside the quotation marks, is not the quoted speaker.
  { text: 'We asked Merkel about the talks, and she said: “They are over.”', expect: [['We', null]] },
  { text: 'In the last year we have seen more attacks in Germany.', expect: [['we', null]] },
];

describe('first person in quotations', () => {
  describe('attribution after the quotation', () => {
    for (const c of AFTER) it(c.text, () => checkSpans(c));
  });
  describe('attribution before the quotation', () => {
    for (const c of BEFORE) it(c.text, () => checkSpans(c));
  });
  describe('attribution in an adjacent sentence of the quotation', () => {
    for (const c of ADJACENT) it(c.text, () => checkSpans(c));
  });
  describe('no speaker, or outside the quotation', () => {
    for (const c of UNCHANGED) it(c.text, () => checkSpans(c));
  });
});
