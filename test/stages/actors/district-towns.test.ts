// District towns of the gazetteer place a generic agent: "in Pulwama" makes "the militants" Indian
// even though CountryInfo lists only a country's major cities. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { loadDefaultDictionary } from '../../../src/stages/actors/index.js';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'The militants opened fire on a patrol in Pulwama district on Sunday.', expect: [['The militants', 'INDREB']] },
  { text: 'Gunmen on motorbikes shot dead two teachers near Khuzdar.', expect: [['Gunmen', 'PAKUAF']] },
  { text: 'Police in Culiacán arrested three suspects after the shootout.', expect: [['Police', 'MEXCOP'], ['three suspects', 'MEXCRM']] },
  { text: 'Soldiers shelled the outskirts of Saraqib overnight.', expect: [['Soldiers', 'SYRMIL']] },
  // Provinces and districts of scripts/places/regions.tsv.
  { text: 'Maoists ambushed a patrol in Chhattisgarh on Monday.', expect: [['Maoists', 'INDREB']] },
  { text: 'Militants attacked a checkpoint in North Waziristan.', expect: [['Militants', 'PAKREB']] },
  { text: 'Gunmen killed 12 villagers in Zamfara state.', expect: [['Gunmen', 'NGAUAF'], ['12 villagers', 'NGACVL']] },
  { text: 'Kurdish fighters withdrew from Afrin.', expect: [['Kurdish fighters', 'SYRREB']] },
];

describe('gazetteer towns place generic agents', () => {
  for (const c of CASES) it(c.text, () => checkSpans(c));

  it('keeps towns that are also English words or surnames out of the country tables', () => {
    const cities = new Set(loadDefaultDictionary().data.countries.flatMap((c) => c.cities));
    for (const word of ['MOBILE', 'READING', 'CLINTON', 'JACKSON', 'LINCOLN']) expect(cities.has(word)).toBe(false);
    expect(cities.has('PULWAMA')).toBe(true);
    // A region two countries share is nobody's.
    expect(cities.has('PUNJAB')).toBe(false);
  });
});
