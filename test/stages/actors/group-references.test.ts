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

const FIGHTERS: SpanCase[] = [
  { text: 'Islamic State lost the city. The fighters fled to the desert.', expect: [['The fighters', 'IMGMUSISI']] },
  { text: 'Isis claimed the attack. Foreign fighters crossed the border.', expect: [['fighters', 'IMGMUSISI']] },
  // Without a named armed group before them, fighters stay the context's.
  { text: 'Police in Kabul said the fighters fled.', expect: [['the fighters', 'AFGREB']] },
];

describe("fighters of the armed group named last", () => {
  for (const c of FIGHTERS) it(c.text, () => checkSpans(c));
});

const STATES: SpanCase[] = [
  { text: 'Iran rejected the offer. The country said talks were pointless.', expect: [['The country', 'IRNGOV']] },
  { text: 'Honduras held elections on Sunday. The nation chose a new congress.', expect: [['The nation', 'HNDGOV']] },
  // "the state government" is a group noun of its own.
  { text: 'In Lucknow, the state government promised compensation.', expect: [['the state government', 'INDGOV']] },
];

describe('the country, the state, the nation', () => {
  for (const c of STATES) it(c.text, () => checkSpans(c));
});
