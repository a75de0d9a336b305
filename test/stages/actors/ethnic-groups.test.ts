// Peoples across borders: a group of Kurds, Pashtuns, Uighurs takes a country they live in (the
// one the context names), and "the Kurds" alone act through their movement like "the Turks"
// through their state. Sentences written for this test.
import { describe, it } from 'vitest';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'Kurdish militias clashed with Turkish troops.', expect: [['Kurdish militias', 'TURREB']] },
  // The article's other country is not the people's: the place they are in is.
  { text: 'An Australian reporter met them in Syria. The Kurdish authorities said they would hold the prisoners.', expect: [['The Kurdish authorities', 'SYRREB']] },
  { text: 'Pashtun tribesmen blocked the highway near Quetta.', expect: [['Pashtun tribesmen', 'PAKCVL']] },
  // One country: no context needed.
  { text: 'Uighur activists protested outside the embassy.', expect: [['Uighur activists', 'CHNCVL']] },
  { text: 'Many Uighurs were detained last year.', expect: [['Uighurs', 'CHNCVL']] },
  // A country's adjective before the people says which country.
  { text: 'The Syrian Kurds accused Ankara of betrayal.', expect: [['The Syrian Kurds', 'SYRREB']] },
  { text: 'Thousands of Iraqi Kurds crossed into Turkey.', expect: [['Iraqi Kurds', 'IRQCVL']] },
  { text: 'Turkey moved troops to the border. The Kurds accused Ankara of betrayal in Manbij.', expect: [['The Kurds', 'SYRREB']] },
];

describe('ethnic groups and their countries', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));
});
