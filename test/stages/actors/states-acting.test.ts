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

const LEADERS: SpanCase[] = [
  { text: 'The Turkish leader spoke to reporters on Friday.', expect: [['Turkish leader', 'TURGOV']] },
  { text: 'The minister called his Venezuelan colleague.', expect: [['Venezuelan colleague', 'VENGOV']] },
  // A leader of no country is no government's.
  { text: 'An indigenous leader was shot in the town.', expect: [['indigenous leader', null]] },
];

describe("a country's leader, colleague, counterpart", () => {
  for (const c of LEADERS) it(c.text, () => checkSpans(c));
});

const ADJECTIVES: SpanCase[] = [
  { text: 'Russian airstrikes hit the market on Sunday.', expect: [['Russian', 'RUSMIL']] },
  { text: 'Turkish shelling of the town continued.', expect: [['Turkish', 'TURMIL']] },
  { text: 'Iranian oil exports fell sharply.', expect: [['Iranian', 'IRNGOV']] },
  // Part of a name, or before nothing: the country alone.
  { text: 'A Turkish Airlines plane landed in Rome.', expect: [['Turkish Airlines', 'TURBUS']] },
  { text: 'The ship was Russian.', expect: [['Russian', 'RUS']] },
];

describe('a nationality adjective before a plain noun', () => {
  for (const c of ADJECTIVES) it(c.text, () => checkSpans(c));
});

const BACKERS_AND_LEADERS: SpanCase[] = [
  // The backer is not the group's country: the rebels are where they fight.
  { text: 'In Syria, Turkish-backed rebels attacked the town.', expect: [['Turkish', null], ['rebels', 'SYRREB']] },
  // The leader's coalition is the leader's forces.
  { text: 'The US-led coalition bombed the bridge.', expect: [['US-led coalition', 'USAMIL']] },
  { text: 'Saudi-led forces advanced on the port.', expect: [['Saudi-led forces', 'SAUMIL']] },
];

describe('backed by a country, led by a country', () => {
  for (const c of BACKERS_AND_LEADERS) it(c.text, () => checkSpans(c));
});

const ALL_CAPITALS: SpanCase[] = [
  // Wire copy all in capitals: the next word's capital does not make the country part of a name.
  { text: 'THE UNITED STATES ACCUSED PANAMA OF HARBORING THE GENERAL AND HIS MEN.', date: '1989-12-01', expect: [['PANAMA', 'PANGOV'], ['UNITED STATES', 'USAGOV']] },
  { text: 'The Washington Post said the talks had failed.', expect: [['Washington', 'MED']] },
];

describe('countries in text all in capitals', () => {
  for (const c of ALL_CAPITALS) it(c.text, () => checkSpans(c));
});
