// Every participant of an event coded: generic agents with their country from the context,
// pronouns and definite descriptions followed back, acronyms defined in the text, organisations
// spelt as names. Sentences written for this test; each line names a span and the code it must get.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../src/pipeline.js';
import type { Entity } from '../../../src/model.js';

interface Case {
  text: string;
  date?: string;
  /** [exact span text, expected code, occurrence (1-based, default 1)] */
  expect: [string, string, number?][];
}

function entityAt(entities: Entity[], text: string, span: string, occurrence = 1): Entity | undefined {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = text.indexOf(span, at + 1);
  if (at < 0) throw new Error(`"${span}" is not in the text`);
  const end = at + span.length;
  return entities.find((e) => e.start < end && at < e.end);
}

function check(c: Case): void {
  const { entities } = annotateText({ id: 'test', text: c.text, date: c.date ?? '2019-06-01' });
  for (const [span, code, occurrence] of c.expect) {
    const e = entityAt(entities, c.text, span, occurrence);
    expect({ span, code: e?.code ?? null }).toEqual({ span, code });
  }
}

const GENERIC_AGENTS: Case[] = [
  { text: 'Police arrested 20 protesters in Cairo on Friday.', expect: [['Police', 'EGYCOP'], ['20 protesters', 'EGYCVL']] },
  { text: 'Egyptian police fired tear gas at the crowd.', expect: [['Egyptian police', 'EGYCOP']] },
  { text: 'Protesters blocked the road to the airport.', expect: [['Protesters', '---CVL']] },
  { text: 'Rebels shot down a helicopter.', expect: [['Rebels', '---REB']] },
  { text: 'Security forces fired on the crowd in Baghdad.', expect: [['Security forces', 'IRQCOP']] },
  { text: 'Gunmen killed three villagers near Peshawar.', expect: [['Gunmen', 'PAKUAF'], ['three villagers', 'PAKCVL']] },
  { text: 'Militants attacked a police post in Srinagar on Sunday.', expect: [['Militants', 'INDREB']] },
  { text: 'Soldiers from Mali crossed the border.', expect: [['Soldiers from Mali', 'MLIMIL']] },
  { text: 'Troops loyal to the government shelled the town of Aleppo.', expect: [['Troops', 'SYRMIL']] },
  { text: 'Residents of Aleppo said the bombing lasted all night.', expect: [['Residents', 'SYRCVL']] },
  { text: 'Journalists in Moscow were detained by the police.', expect: [['Journalists', 'RUSMED'], ['police', 'RUSCOP']] },
  { text: 'Striking workers marched through Lagos.', expect: [['Striking workers', 'NGALAB']] },
  { text: 'A court in Istanbul sentenced two activists to prison.', expect: [['A court', 'TURJUD'], ['two activists', 'TURCVL']] },
  { text: 'Kurdish militias clashed with Turkish troops.', expect: [['Kurdish militias', 'TURREB'], ['Turkish troops', 'TURMIL']] },
  { text: 'Syria’s armed opposition rejected the plan.', expect: [['Syria’s armed opposition', 'SYROPP']] },
  { text: 'Police station staff in Nairobi said gunmen stormed the building.', expect: [['gunmen', 'KENUAF']] },
];

const DATELINE_AND_MAIN_COUNTRY: Case[] = [
  { text: 'KABUL, May 3 (Reuters) — Gunmen stormed a hospital on Tuesday.', expect: [['Gunmen', 'AFGUAF']] },
  { text: 'Nigeria has suffered a wave of kidnappings. Bandits seized 30 students on Friday.', expect: [['Bandits', 'NGACRM'], ['30 students', 'NGACVL']] },
  { text: 'Colombia signed a peace deal in 2016. Since then, guerrillas have returned to the mountains.', expect: [['guerrillas', 'COLREB']] },
];

const COREFERENCE: Case[] = [
  { text: 'Germany said it would send 50 tanks.', expect: [['it', 'DEUGOV']] },
  { text: 'Germany said it would send tanks. The ministry said the first would arrive in May.', expect: [['The ministry', 'DEUGOV']] },
  { text: 'Turkey launched an offensive on Sunday. The government said its forces had taken two villages.', expect: [['The government', 'TURGOV'], ['its forces', 'TURMIL']] },
  { text: 'Vladimir Putin met the press on Thursday. He said sanctions would fail.', date: '2018-03-01', expect: [['He', 'RUSGOV']] },
  { text: 'Donald Trump arrived in London. Mr Trump then met the Queen.', date: '2019-06-03', expect: [['Mr Trump', 'USAGOV']] },
  { text: 'Recep Tayyip Erdoğan spoke in Ankara. Erdoğan warned the Kurdish militias.', date: '2019-06-03', expect: [['Erdoğan', 'TURGOV', 2]] },
  { text: 'Police in Lahore detained a preacher. They said he had incited violence.', expect: [['They', 'PAKCOP']] },
  { text: 'Iran rejected the offer on Monday. The president said talks were pointless.', date: '2019-05-01', expect: [['The president', 'IRNGOV']] },
  { text: 'The army moved into the city of Mosul. It said it had killed 40 militants.', expect: [['It', 'IRQMIL']] },
  { text: 'Theresa May met Donald Trump on Tuesday. They discussed trade.', date: '2019-06-04', expect: [['Theresa May', 'GBRGOV'], ['Donald Trump', 'USAGOV']] },
  { text: 'It is unclear whether the deal will hold.', expect: [] },
];

const ORGANISATIONS: Case[] = [
  { text: 'Nato said it would send more troops to the Baltic states.', expect: [['Nato', 'IGOWSTNAT'], ['it', 'IGOWSTNAT']] },
  { text: 'The Secretary General said NATO would respond.', expect: [['NATO', 'IGOWSTNAT']] },
  { text: 'The Kremlin denied the report.', expect: [['The Kremlin', 'RUSGOV']] },
  { text: 'The White House said the talks were productive.', expect: [['The White House', 'USAGOV']] },
  { text: 'The Organisation for the Prohibition of Chemical Weapons (OPCW) sent a team. The Opcw team arrived on Sunday.', expect: [['OPCW', 'IGO'], ['Opcw', 'IGO']] },
  { text: 'The Central Reserve Police Force (CRPF) arrested two men in Srinagar. Later the CRPF said they belonged to a banned group.', expect: [['CRPF', 'INDCOP', 2]] },
  { text: 'The Pentagon said the strike hit a weapons depot.', expect: [['The Pentagon', 'USAMIL']] },
  { text: 'Islamic State claimed the attack in Kabul.', expect: [['Islamic State', 'IMGMUSISI']] },
  { text: 'The European Union imposed new sanctions.', expect: [['European Union', 'IGOEUREEC']] },
];

const TEXT_WITHOUT_CAPITALS: Case[] = [
  { text: 'police arrested 20 protesters in lucknow on monday after clashes near the station.', expect: [['police', 'INDCOP'], ['20 protesters', 'INDCVL']] },
  { text: 'the taliban said it would not attend the talks in doha on monday.', date: '2019-06-01', expect: [['taliban', 'AFGREB'], ['it', 'AFGREB'], ['doha', 'QAT']] },
];

const TIME_AWARE: Case[] = [
  { text: 'John Kerry met Sergey Lavrov in Geneva.', date: '2014-06-01', expect: [['John Kerry', 'USAGOV'], ['Sergey Lavrov', 'RUSGOV']] },
  { text: 'Rex Tillerson met Sergey Lavrov in Manila.', date: '2017-08-07', expect: [['Rex Tillerson', 'USAGOV']] },
  { text: 'Rex Tillerson spoke to shareholders in Dallas.', date: '2014-05-28', expect: [['Rex Tillerson', 'USABUS']] },
];

const ALL = { GENERIC_AGENTS, DATELINE_AND_MAIN_COUNTRY, COREFERENCE, ORGANISATIONS, TEXT_WITHOUT_CAPITALS, TIME_AWARE };

describe('every participant coded', () => {
  it('has at least 40 sentences of the kinds the actors stage must code', () => {
    expect(Object.values(ALL).flat().length).toBeGreaterThanOrEqual(40);
  });
  for (const [group, cases] of Object.entries(ALL)) {
    describe(group.toLowerCase().replace(/_/g, ' '), () => {
      for (const c of cases) it(c.text, () => check(c));
    });
  }

  it('says how each code was found, and how sure it is', () => {
    const { entities } = annotateText({ id: 't', text: 'Police arrested 20 protesters in Cairo. Germany said it would help.', date: '2019-06-01' });
    const by = (t: string): Entity => entities.find((e) => e.text === t)!;
    expect(by('Police')).toMatchObject({ via: 'context' });
    expect(by('Germany')).toMatchObject({ via: 'country' });
    expect(by('it')).toMatchObject({ via: 'coreference', code: 'DEUGOV' });
    expect(by('Germany').confidence!).toBeGreaterThan(by('Police').confidence!);
  });

  it('never guesses a country: with no context the country part stays "---"', () => {
    const { entities } = annotateText({ id: 't', text: 'Soldiers opened fire on the protesters.', date: '2019-06-01' });
    expect(entities.map((e) => e.code)).toEqual(['---MIL', '---CVL']);
  });

  it('an "it" with nothing before it, or an expletive "it", is no entity', () => {
    const { entities } = annotateText({ id: 't', text: 'It was reported that it had rained.', date: '2019-06-01' });
    expect(entities).toEqual([]);
  });
});
