// "the group", "the outfit", "the terrorist organisation" refer back to the organisation named
// last, never to a state or to a crowd of people. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'Hamas fired rockets on Sunday. The group said the attack was a warning.', expect: [['The group', 'PSEREBHMS']] },
  { text: 'Islamic State claimed the bombing. The terrorist group has lost most of its territory.', expect: [['The terrorist group', 'IMGMUSISI']] },
  { text: 'Amnesty International published the report. The organisation called for an inquiry.', expect: [['The organisation', 'NGOHRIAMN']] },
  // A state or a crowd named before is no group.
  { text: 'Russia vetoed the resolution. The group of experts met later.', expect: [['The group', null]] },
  { text: 'Police arrested five men. The group was taken to a station.', expect: [['The group', null]] },
];

describe('definite group nouns', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));
});
