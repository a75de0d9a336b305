// The dated tables of scripts/tables/ (breakaway states, security bodies, international
// organisations), as built into data/actors.json. Sentences written for this test.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readCuratedTables } from '../../../scripts/curated-tables.js';
import { resolveActorPhrase } from '../../../src/stages/actors/index.js';
import { checkSpans, type SpanCase } from './span-codes.js';

const CASES: SpanCase[] = [
  { text: 'Abkhazia held elections that Tbilisi called illegal.', date: '2019-03-01', expect: [['Abkhazia', 'GEOPRE']] },
  // Dated: a state while it claimed to be one, its country's region after.
  { text: 'Nagorno-Karabakh accused Baku of shelling.', date: '2020-10-01', expect: [['Nagorno-Karabakh', 'AZEPRE']] },
  { text: 'Nagorno-Karabakh received new settlers.', date: '2024-06-01', expect: [['Nagorno-Karabakh', 'AZE']] },
  { text: 'The Rapid Support Forces guarded the capital.', date: '2020-05-01', expect: [['Rapid Support Forces', 'SDNMIL']] },
  { text: 'The Rapid Support Forces shelled the capital.', date: '2023-06-01', expect: [['Rapid Support Forces', 'SDNREB']] },
  { text: "The People's Liberation Army held drills near Taiwan.", expect: [["People's Liberation Army", 'CHNMIL']] },
  { text: 'The GRU was blamed for the poisoning.', expect: [['GRU', 'RUSSPY']] },
  { text: 'The African Union suspended Mali.', expect: [['African Union', 'IGOAFRAFU']] },
  { text: 'The OSCE sent monitors to the border.', expect: [['OSCE', 'IGOEUROSC']] },
  // Parties and movements: opposition by date, a guerrilla turned party on the day it disarmed.
  { text: 'The Tories attacked the budget.', date: '2005-03-01', expect: [['Tories', 'GBROPP']] },
  { text: 'The Tories defended the budget.', date: '2012-03-01', expect: [['Tories', 'GBRPTY']] },
  { text: 'The FMLN attacked an army post.', date: '1989-11-12', expect: [['FMLN', 'SLVREB']] },
  { text: 'The FMLN won the presidential election.', date: '2009-03-16', expect: [['FMLN', 'SLVPTY']] },
  { text: 'The Houthis fired missiles at Riyadh.', expect: [['Houthis', 'YEMREB']] },
  { text: 'HTS took control of the province.', date: '2019-01-10', expect: [['HTS', 'SYRREB']] },
  { text: 'SENDERO LUMINOSO FIGHTERS SET FIRE TO THE TELEPHONE EXCHANGE.', date: '1990-05-12', expect: [['SENDERO LUMINOSO FIGHTERS', 'PERREB']] },
  // Outside a table's dates the nearest role holds, not the source dictionary's undated code.
  { text: 'The Extraditables killed a judge.', date: '2018-01-01', expect: [['The Extraditables', 'COLCRM']] },
];

describe('curated dated tables', () => {
  for (const c of CASES) it(`${c.text} (${c.date ?? 'default date'})`, () => checkSpans(c));

  it('reads every line of the tables (a malformed line stops the build)', () => {
    const records = readCuratedTables(join(__dirname, '../../../scripts/tables'));
    expect(records.length).toBeGreaterThan(50);
    for (const r of records) for (const [code, from, to] of r.roles!) {
      expect(code).toMatch(/^[A-Z0-9]{3,}$/);
      if (from && to) expect(from <= to).toBe(true);
    }
  });

  it('codes generic words for unrecognised states and a body named alone', () => {
    expect(resolveActorPhrase('breakaway state')).toMatchObject({ country: null, sector: 'PRE' });
    expect(resolveActorPhrase('Transnistria', '2021-01-01').code).toBe('MDAPRE');
    expect(resolveActorPhrase('Organization of African Unity', '1990-01-01').code).toBe('IGOAFROAU');
  });
});
