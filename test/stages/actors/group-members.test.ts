// Members of an armed group are coded as the group: "Isis fighters", "a Hamas commander", "Boko
// Haram gunmen". A state's name before the same nouns still composes ("Israeli troops").
// Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'Isis fighters stormed the village at dawn.', expect: [['Isis fighters', 'IMGMUSISI']] },
  { text: 'A Hamas commander was killed in the strike.', expect: [['Hamas commander', 'PSEREBHMS']] },
  { text: 'Boko Haram gunmen abducted 40 girls.', expect: [['Boko Haram gunmen', 'NGAREB']] },
  { text: 'FARC members handed in their weapons.', expect: [['FARC members', 'COLREB']] },
  { text: 'Israeli troops entered the camp.', expect: [['Israeli troops', 'ISRMIL']] },
  // The group's name in another role is still the group alone.
  { text: 'Hamas said the talks had failed.', expect: [['Hamas', 'PSEREBHMS']] },
];

describe('members of armed groups', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));
});

const ORGANISATION_MEMBERS: SpanCase[] = [
  { text: 'BJP workers ransacked the office on Monday.', date: '2018-01-01', expect: [['BJP workers', 'INDPTY']] },
  { text: 'VHP leaders met the chief minister.', expect: [['VHP leaders', 'INDREL']] },
  { text: 'NATO troops arrived in Kabul.', expect: [['NATO troops', 'IGOWSTNAT']] },
  { text: 'UN peacekeepers were attacked near the border.', expect: [['UN peacekeepers', 'IGOUNO']] },
];

describe('members of parties, movements and international bodies', () => {
  for (const c of ORGANISATION_MEMBERS) it(c.text, () => checkSpans(c));
});

const SECURITY_FORCES: SpanCase[] = [
  // India's central armed police are police (COP), their men too.
  { text: 'The BSF troops fired at the intruders.', expect: [['BSF troops', 'INDCOP']] },
  { text: 'Two Assam Rifles personnel were injured in the blast.', expect: [['Assam Rifles personnel', 'INDCOP']] },
  // A unit noun keeps the body's sector: police commandos are police.
  { text: 'In Bogota, 200 police commandos raided the farm.', expect: [['200 police commandos', 'COLCOP']] },
];

describe("members of a state's forces", () => {
  for (const c of SECURITY_FORCES) it(c.text, () => checkSpans(c));
});
