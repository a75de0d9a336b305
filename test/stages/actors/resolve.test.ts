import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../../../src/stages/actors/index.js';
import type { Entity } from '../../../src/model.js';
import { article, seed } from '../../fixtures/actors/helpers.js';

function find(entities: Entity[], text: string): Entity | undefined {
  return entities.find((e) => e.text === text);
}

function people(entities: Entity[]): Map<string, string | null> {
  return new Map(entities.filter((e) => e.kind === 'PERSON').map((e) => [e.name, e.code]));
}

describe('resolveEntities on the sample articles', () => {
  it('000: Kerry, Lavrov (also as "Sergei" and the typo "Lovrov"), Putin, IS, the Foreign Ministry', () => {
    const ents = resolveEntities(seed('000'));
    const p = people(ents);
    expect(p.get('John Kerry')).toBe('USAGOV');
    expect(p.get('Sergey Lavrov')).toBe('RUSGOV');
    expect(p.get('Vladimir Putin')).toBe('RUSGOV');
    expect(find(ents, 'Sergei Lavrov')?.name).toBe('Sergey Lavrov');
    expect(find(ents, 'Lovrov')?.name).toBe('Sergey Lavrov');
    expect(find(ents, 'Kerry')?.name).toBe('John Kerry');
    expect(find(ents, "Russia's Foreign Ministry")?.code).toBe('RUSGOV');
    expect(find(ents, 'U.S. Department of State')?.code).toBe('USAGOV');
    expect(find(ents, 'IS')?.code).toBe('IMGMUSISI');
    expect(find(ents, 'ISIL')?.name).toBe('Islamic State');
    expect(find(ents, 'U.N. General Assembly')?.code).toBe('IGOUNO');
    expect(find(ents, 'Moscow')?.code).toBe('RUSGOV');
    expect(find(ents, 'Washington')?.code).toBe('USAGOV');
  });

  it('001 (undated): Obama and Putin in office together, Hangzhou in China, Nusra Front aliases, NATO', () => {
    const ents = resolveEntities(seed('001'));
    const p = people(ents);
    expect(p.get('Barack Obama')).toBe('USAGOV');
    expect(p.get('Vladimir Putin')).toBe('RUSGOV');
    expect(p.get('John Kerry')).toBe('USAGOV');
    const hangzhou = find(ents, 'Hangzhou');
    expect(hangzhou).toMatchObject({ kind: 'PLACE', country: 'CHN' });
    expect(find(ents, 'Syria Conquest Front')?.name).toBe(find(ents, 'Nusra Front')?.name);
    expect(find(ents, 'Jabhat Fatah Al-Sham')?.code).toBe('SYRREBMUS');
    expect(find(ents, 'North Atlantic Treaty Organisation')?.code).toBe('IGOWSTNAT');
    expect(find(ents, 'Russian Federation')?.code).toBe('RUSGOV');
    expect(find(ents, 'USA officials')?.code).toBe('USAGOV');
  });

  it('002: Ankara and the Turks are Turkey\'s government; "the Russian FM" is Lavrov', () => {
    const ents = resolveEntities(seed('002'));
    expect(find(ents, 'Ankara')?.code).toBe('TURGOV');
    expect(find(ents, 'Turkish government')?.code).toBe('TURGOV');
    expect(ents.find((e) => e.text === 'Turks' && e.code === 'TURGOV')).toBeDefined();
    expect(find(ents, 'Russian FM')).toMatchObject({ kind: 'PERSON', name: 'Sergey Lavrov', code: 'RUSGOV' });
    expect(find(ents, 'ISIS')?.code).toBe('IMGMUSISI');
    expect(find(ents, 'Russian Air Force')?.code).toBe('RUSMIL');
  });

  it('003: Paris is a place in France; "the Russian diplomat" is Lavrov', () => {
    const ents = resolveEntities(seed('003'));
    expect(find(ents, 'Paris')).toMatchObject({ kind: 'PLACE', country: 'FRA' });
    expect(find(ents, 'Russian diplomat')?.name).toBe('Sergey Lavrov');
    expect(people(ents).get('John Kerry')).toBe('USAGOV');
  });

  it('004 (2017): Tillerson, Surkov, Volker; "the latter", "the Russian Minister", Kiev authorities', () => {
    const ents = resolveEntities(seed('004'));
    const p = people(ents);
    expect(p.get('Rex Tillerson')).toBe('USAGOV');
    expect(p.get('Vladislav Surkov')).toBe('RUSGOV');
    expect(p.get('Kurt Volker')).toBe('USAGOV');
    expect(p.get('Sergey Lavrov')).toBe('RUSGOV');
    expect(find(ents, 'the latter')?.name).toBe('Rex Tillerson');
    expect(find(ents, 'Russian Minister')?.name).toBe('Sergey Lavrov');
    expect(find(ents, 'Kiev authorities')?.code).toBe('UKRGOV');
    expect(find(ents, 'Russian side')?.code).toBe('RUSGOV');
    expect(find(ents, 'Belgrade')).toMatchObject({ kind: 'PLACE', country: 'SRB' });
    expect(ents.find((e) => e.text === 'Minsk')?.country).toBe('BLR');
    // The title before a named person belongs to the person, not to a separate country actor.
    expect(ents.find((e) => e.text === 'Ukraine')).toBeUndefined();
  });
});

describe('time awareness', () => {
  const text = 'The US Secretary of State said the talks would continue.';
  it('"the US Secretary of State" is whoever held the office on the publication date', () => {
    expect(find(resolveEntities(article(text, '2014-10-25')), 'US Secretary of State')?.name).toBe('John Kerry');
    expect(find(resolveEntities(article(text, '2015-09-06')), 'US Secretary of State')?.name).toBe('John Kerry');
    expect(find(resolveEntities(article(text, '2017-10-09')), 'US Secretary of State')?.name).toBe('Rex Tillerson');
    expect(find(resolveEntities(article(text, '2010-06-01')), 'US Secretary of State')?.name).toBe('Hillary Clinton');
  });

  it('heads of state come from the office tables, and an unknown holder still gets the country\'s code', () => {
    const text = 'The Mongolian President welcomed the French President.';
    const in2008 = resolveEntities(article(text, '2008-06-01'));
    expect(find(in2008, 'Mongolian President')?.name).toBe('Nambaryn Enkhbayar');
    expect(find(in2008, 'French President')?.name).toBe('Nicolas Sarkozy');
    const in2020 = resolveEntities(article(text, '2020-06-01'));
    expect(find(in2020, 'French President')?.name).toBe('Emmanuel Macron');
    expect(find(in2020, 'Mongolian President')?.code).toBe('MNGGOV');
  });

  it('a person\'s code follows their roles: Kerry was a senator before 2013', () => {
    const t = 'John Kerry met Sergey Lavrov in Geneva.';
    expect(people(resolveEntities(article(t, '2010-01-01'))).get('John Kerry')).toBe('USAGOVLEG');
    expect(people(resolveEntities(article(t, '2014-01-01'))).get('John Kerry')).toBe('USAGOV');
  });
});

describe('titles, references and guards', () => {
  it('an unknown person with a known title gets the title\'s code, and keeps it by surname', () => {
    const ents = resolveEntities(article('Russian Foreign Minister Ivan Petrovsky arrived. Petrovsky said nothing.'));
    expect(find(ents, 'Ivan Petrovsky')).toMatchObject({ kind: 'PERSON', code: 'RUSGOV' });
    expect(find(ents, 'Petrovsky')).toMatchObject({ name: 'Ivan Petrovsky', code: 'RUSGOV' });
  });

  it('title patterns with a country: Aide to the Russian President, US Special Representative', () => {
    const ents = resolveEntities(article(
      'Aide to the Russian President Vladislav Surkov met US Special Representative for Ukraine Negotiations Kurt Volker.',
      '2017-10-09'));
    expect(people(ents)).toEqual(new Map([['Vladislav Surkov', 'RUSGOV'], ['Kurt Volker', 'USAGOV']]));
  });

  it('"his Russian counterpart" is the Russian holder of the same office', () => {
    const ents = resolveEntities(article('Secretary of State John Kerry called his Russian counterpart on Friday.', '2015-09-04'));
    expect(find(ents, 'his Russian counterpart')?.name ?? find(ents, 'Russian counterpart')?.name).toBe('Sergey Lavrov');
  });

  it('"the former" and "the latter" pick the right one of the last two people', () => {
    const ents = resolveEntities(article('Barack Obama met Vladimir Putin. The latter spoke first, then the former.', '2015-09-06'));
    expect(ents.find((e) => /latter/i.test(e.text))?.name).toBe('Vladimir Putin');
    expect(ents.find((e) => /former/i.test(e.text))?.name).toBe('Barack Obama');
  });

  it('"the former" before a noun is an adjective, not a reference', () => {
    const ents = resolveEntities(article('Barack Obama met Vladimir Putin in the former Soviet Union.', '2015-09-06'));
    expect(ents.find((e) => /former/i.test(e.text))).toBeUndefined();
  });

  it('countries act as governments, but are places after "in"', () => {
    const ents = resolveEntities(article('Russia accused the United States of sheltering terrorists in Syria.'));
    expect(find(ents, 'Russia')?.code).toBe('RUSGOV');
    expect(find(ents, 'United States')?.code).toBe('USAGOV');
    expect(find(ents, 'Syria')).toMatchObject({ kind: 'PLACE', code: 'SYR', country: 'SYR' });
  });

  it('lower-case words and common words are never actors: us, is, grant, will', () => {
    const ents = resolveEntities(article('Let us see what it is. Grant will ask the minister. He said Lovely things.'));
    // Only "the minister" (a title without a name or a country: a generic agent) and "He" (that minister).
    expect(ents.map((e) => [e.text, e.code])).toEqual([['the minister', '---GOV'], ['He', '---GOV']]);
  });

  it('typos only match known surnames: "Putn" is not a person, "Lavrow" is Lavrov', () => {
    const ents = resolveEntities(article('Sergey Lavrov spoke. Later Lavrow added that Kerrigan disagreed.'));
    expect(find(ents, 'Lavrow')?.name).toBe('Sergey Lavrov');
    expect(find(ents, 'Kerrigan')).toBeUndefined();
  });

  it('a word that is part of another known name is not a typo ("Osama" is not "Obama")', () => {
    const ents = resolveEntities(article('Barack Obama spoke about Osama and Lovrov.', '2011-05-02'));
    expect(find(ents, 'Osama')?.name).not.toBe('Barack Obama');
  });

  it('diacritics do not matter: Erdoğan is Erdogan', () => {
    const ents = resolveEntities(article('Recep Tayyip Erdoğan met Mevlüt Çavuşoğlu in Ankara.', '2016-01-10'));
    expect(people(ents)).toEqual(new Map([['Recep Tayyip Erdogan', 'TURGOV'], ['Mevlut Cavusoglu', 'TURGOV']]));
  });

  it('offsets point at the mention in the text', () => {
    const a = article('Kerry and Lovrov agreed to continue talks with NATO.');
    for (const e of resolveEntities(a)) expect(a.text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('errors the event coder ran into', () => {
  it('a courtesy title and a surname name the person: Mr Putin, Mrs May, Ms Merkel', () => {
    const ents = resolveEntities(article('Mr Putin said he would meet Mrs May and Ms Merkel.', '2017-05-01'));
    expect(ents.map((e) => [e.text, e.name, e.code])).toEqual([
      ['Mr Putin', 'Vladimir Putin', 'RUSGOV'], ['he', 'Vladimir Putin', 'RUSGOV'], ['Mrs May', 'Theresa May', 'GBRGOV'],
      ['Ms Merkel', 'Angela Merkel', 'DEUGOV'],
    ]);
  });

  it('an unknown surname after a courtesy title is still a person, and later mentions are the same one', () => {
    const ents = resolveEntities(article('Mr Hamdan agreed. Later Hamdan left.'));
    expect(ents.map((e) => [e.text, e.kind, e.name])).toEqual([['Mr Hamdan', 'PERSON', 'Hamdan'], ['Hamdan', 'PERSON', 'Hamdan']]);
  });

  it('"May" without a courtesy title or full name is not Theresa May', () => {
    expect(resolveEntities(article('In May the talks resumed.', '2017-05-01'))).toEqual([]);
  });

  it('a known surname inside a longer unknown name is a first name: "Maj Gen Christopher Ghika"', () => {
    const ents = resolveEntities(article('British Maj Gen Christopher Ghika said so, as did Neil Christopher Prakash.', '2019-02-14'));
    expect(ents.find((e) => e.kind === 'PERSON')).toBeUndefined();
    expect(find(resolveEntities(article('Christopher said so.', '1995-02-14')), 'Christopher')?.name).toBe('Warren Christopher');
  });

  it('an unknown name followed by an age is a person: "said Jumah Hamdi Hamdan, 53,"', () => {
    const ents = resolveEntities(article('“We could not go outside,” said Jumah Hamdi Hamdan, 53, who fled. Later Hamdan left. In March, 2018, talks resumed.'));
    expect(ents.map((e) => [e.text, e.kind, e.name, e.code])).toEqual([
      ['Jumah Hamdi Hamdan', 'PERSON', 'Jumah Hamdi Hamdan', null], ['Hamdan', 'PERSON', 'Jumah Hamdi Hamdan', null],
    ]);
  });

  it('a place name after a name particle is part of a person\'s name: "Al-Sabah"', () => {
    expect(resolveEntities(article('Nawaf Al-Ahmad Al-Jaber Al-Sabah met the envoy.')).find((e) => e.kind === 'PLACE')).toBeUndefined();
  });

  it('a former capital name is the capital only while it was in use: Salisbury', () => {
    expect(find(resolveEntities(article('Salisbury rejected the demand.', '1975-03-10')), 'Salisbury')?.code).toBe('ZWEGOV');
    expect(find(resolveEntities(article('The Salisbury attack was condemned.', '2018-03-10')), 'Salisbury')).toBeUndefined();
    expect(find(resolveEntities(article('Harare rejected the demand.', '2018-03-10')), 'Harare')?.code).toBe('ZWEGOV');
  });

  it('nicknames are not capitals, and a shared nationality word goes to its own country', () => {
    expect(resolveEntities(article('They toured the Eternal City.'))).toEqual([]);
    expect(find(resolveEntities(article('The Serbian army advanced.')), 'Serbian army')?.code).toBe('SRBMIL');
  });

  it('an ethnic group adjective makes a country\'s forces a non-state group', () => {
    const ents = resolveEntities(article('Syrian Kurdish forces and Kurdish Syrian forces attacked, while Syrian forces and Russian Caspian forces watched.', '2018-01-01'));
    expect(find(ents, 'Syrian Kurdish forces')?.code).toBe('SYRREB');
    expect(find(ents, 'Kurdish Syrian forces')?.code).toBe('SYRREB');
    expect(find(ents, 'Syrian forces')?.code).toBe('SYRMIL');
    expect(ents.find((e) => e.code === 'RUSREB')).toBeUndefined();
  });

  it('a different first name after a courtesy title is a different person ("Ms Yulia Skripal")', () => {
    const ents = resolveEntities(article('Foreign Minister Sergei Skripal spoke. Ms Yulia Skripal did not.'));
    expect(find(ents, 'Yulia Skripal') ?? find(ents, 'Ms Yulia Skripal')).toMatchObject({ name: 'Yulia Skripal', code: null });
  });

  it('"former" makes officials and soldiers the country\'s elite', () => {
    const ents = resolveEntities(article('Former Iraqi officials met a former British soldier and British soldiers.', '2018-01-01'));
    expect(find(ents, 'Former Iraqi officials')?.code).toBe('IRQELI');
    expect(find(ents, 'former British soldier')?.code).toBe('GBRELI');
    expect(find(ents, 'British soldiers')?.code).toBe('GBRMIL');
  });

  it('a possessive country a few modifiers before a title owns it', () => {
    const ents = resolveEntities(article("Russia's new foreign minister Ivan Petrovsky arrived. Turkey's president said no.", '2016-01-01'));
    expect(find(ents, 'Ivan Petrovsky')?.code).toBe('RUSGOV');
    expect(ents.find((e) => /president/.test(e.text))?.name).toBe('Recep Tayyip Erdogan');
  });

  it('the SDF is a Kurdish-led non-state force; the US backing it stays the US', () => {
    const ents = resolveEntities(article('The SDF, backed by the US, advanced; the Kurdish-led Syrian Democratic Forces took the town.', '2019-02-14'));
    expect(find(ents, 'SDF')?.code).toBe('SYRREB');
    expect(find(ents, 'US')?.code).toBe('USAGOV');
    expect(ents.find((e) => /Syrian Democratic Forces/.test(e.text))?.code).toBe('SYRREB');
  });
});

describe('text written all in capitals', () => {
  it('does not read "IS" or "US" as acronyms when every word is in capitals', async () => {
    const { annotate } = await import('../../../src/stages/annotate/index.js');
    const { resolveEntities } = await import('../../../src/stages/actors/index.js');
    const text = 'THE NEW PROPOSAL IS A STEP FORWARD, THE MINISTER TOLD US IN SAN SALVADOR TODAY. THE GUERRILLAS SAID THE TALKS WILL CONTINUE NEXT WEEK IN MEXICO.';
    const a = annotate({ id: 'x', source: 'x', url: null, title: null, published: '1989-11-20', language: 'en', day_first: false, text, duplicate_of: null });
    const names = resolveEntities({ ...a, entities: [] }).map((e) => e.text);
    expect(names).not.toContain('IS');
    expect(names).not.toContain('US');
    expect(names).toContain('MEXICO');
  });
});
