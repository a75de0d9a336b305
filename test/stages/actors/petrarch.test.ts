import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPetrarchActors, resolveEntities } from '../../../src/stages/actors/index.js';
import { parsePetrarchActors, parsePetrarchAgents, petrarchDate } from '../../../src/stages/actors/petrarch.js';
import { sharedDataDir } from '../../../eval/common.js';
import { article } from '../../fixtures/actors/helpers.js';
import { FIXTURES } from '../../fixtures/paths.js';

const FIX = join(FIXTURES, 'actors');
const actorsText = readFileSync(join(FIX, 'mini.actors.txt'), 'utf8');
const agentsText = readFileSync(join(FIX, 'mini.agents.txt'), 'utf8');

describe('PETRARCH dictionary parsing', () => {
  it('reads entries, synonyms, undated codes and dated roles', () => {
    const actors = parsePetrarchActors(actorsText);
    const gondor = actors.find((a) => a.name === 'Gondor')!;
    expect(gondor.code).toBe('GON');
    expect(gondor.aliases).toEqual(['GONDOR*', 'MINAS TIRITH*', 'ANORIEN*']);
    const sam = actors.find((a) => a.name === 'Sam Gamgee')!;
    expect(sam.code).toBe('HOB');
    expect(sam.roles).toEqual([
      ['HOBCIV', null, '2008-01-19'],
      ['HOBMIL', '2008-01-20', '2012-11-09'],
      ['HOBGOV', '2012-11-09', '2013-01-19'],
      ['HOBELI', '2013-01-19', null],
    ]);
    expect(actors.find((a) => a.name === 'Onodoher')!.roles).toEqual([['ONO', null, '1991-12-25']]);
    expect(actors.find((a) => a.name === 'Boromir')!.code ?? null).toBeNull();
    expect(actors.find((a) => a.name === 'Rohan')!.aliases).toEqual(['ROHAN', 'ROHANS']);
  });

  it('reads two- and four-digit-year dates', () => {
    expect(petrarchDate('911226')).toBe('1991-12-26');
    expect(petrarchDate('130201')).toBe('2013-02-01');
    expect(petrarchDate('20100109')).toBe('2010-01-09');
    expect(petrarchDate('2010')).toBeNull();
  });

  it('reads agents: suffix and prefix codes, substitution sets, plurals', () => {
    const agents = parsePetrarchAgents(agentsText);
    const phrases = new Map(agents.map((a) => [a.phrase, a]));
    expect(phrases.get('TROOPS')).toEqual({ phrase: 'TROOPS', code: 'MIL' });
    expect(phrases.has('TROOPSES')).toBe(false); // "{}": no plural
    expect(phrases.get('SOLDIERS')?.code).toBe('MIL');
    expect(phrases.get('HUMAN RIGHTS BODY')).toEqual({ phrase: 'HUMAN RIGHTS BODY', code: 'NGO', prefix: true });
    expect(phrases.get('POLICEWOMEN')?.code).toBe('COP');
  });
});

describe('resolveEntities with a PETRARCH dictionary', () => {
  const dict = loadPetrarchActors(actorsText, agentsText);

  it('matches names, synonyms and stems, and composes country + agent codes', () => {
    const ents = resolveEntities(article('Gondor troops entered Argentina while Minas Tirith watched the U.N. talks.'), dict);
    const byText = new Map(ents.map((e) => [e.text, e.code]));
    expect(byText.get('Gondor troops')).toBe('GONMIL');
    expect(byText.get('Argentina')).toBe('ARG');
    expect(byText.get('Minas Tirith')).toBe('GON');
    expect(byText.get('U.N.')).toBe('IGOUNO');
  });

  it('reads group nouns before their country: "soldiers from Gondor", prefix agents', () => {
    const ents = resolveEntities(article('Soldiers from Gondor met a human rights body Rohan.'), dict);
    const byText = new Map(ents.map((e) => [e.text, e.code]));
    expect(byText.get('Soldiers from Gondor')).toBe('GONMIL');
    expect(byText.get('human rights body Rohan')).toBe('NGOROH');
  });

  it('resolves dated roles at the article date', () => {
    const text = 'Sam Gamgee arrived in Rohan.';
    const code = (date: string) => resolveEntities(article(text, date), dict).find((e) => e.text === 'Sam Gamgee')?.code;
    expect(code('2005-06-01')).toBe('HOBCIV');
    expect(code('2010-06-01')).toBe('HOBMIL');
    expect(code('2013-01-01')).toBe('HOBGOV');
    expect(code('2015-01-01')).toBe('HOBELI');
  });

  it('the default dictionary is not consulted', () => {
    expect(resolveEntities(article('Sergey Lavrov met John Kerry.'), dict)).toEqual([]);
  });

  const shared = sharedDataDir();
  it.skipIf(!shared)('loads the real PETRARCH validation dictionaries', () => {
    const dir = join(shared!, 'events', 'petr_unittest', 'dict');
    if (!existsSync(dir)) return;
    const real = loadPetrarchActors(
      readFileSync(join(dir, 'PETR.Validate.actors.txt'), 'utf8'),
      readFileSync(join(dir, 'PETR.Validate.agents.txt'), 'utf8'),
    );
    const ents = resolveEntities(article('Arnor soldiers attacked Gondor, and the Danish foreign minister objected.', '2014-01-01'), real);
    const byText = new Map(ents.map((e) => [e.text, e.code]));
    expect(byText.get('Arnor soldiers')).toBe('ARNMIL');
    expect(byText.get('Gondor')).toBe('GON');
    expect(byText.get('Danish foreign minister')).toBe('DNKGOVFRM');
  });
});

describe('PETRARCH validation cases', () => {
  const dict = loadPetrarchActors(readFileSync(join(FIX, 'validation-cases.actors.txt'), 'utf8'), readFileSync(join(FIX, 'validation-cases.agents.txt'), 'utf8'));
  const codes = (text: string) => resolveEntities(article(text, '1995-01-01'), dict).map((e) => e.code);

  it('a two-letter stem ("THE_KU", "THE_AU") matches only itself, not "The Kuwait" / "The Australian"', () => {
    expect(codes('The Kuwait government is about to restore ties.')).toEqual(['KUWGOV']);
    expect(codes('The Australian government is about to restore ties.')).toEqual(['AUSGOV']);
    expect(codes('The KU said so.')).toEqual(['USAEDU']);
  });

  it('"Danish media and government": the second group noun shares the country', () => {
    expect(codes('Danish media and government warned Eriador.')).toEqual(['DNKMED', 'DNKGOV', 'ERI']);
  });

  it('a name coded with the title\'s country after the title is the holder, not the country again', () => {
    const ents = resolveEntities(article('Bree Prime Minister Romendacil will visit Eriador.', '1995-01-11'), dict);
    expect(ents.map((e) => [e.text, e.kind, e.code])).toEqual([['Romendacil', 'PERSON', 'BREGOV'], ['Eriador', 'PLACE', 'ERI']]);
  });

  it('"former" officials of a country are its elite; a possessive country owns a later title', () => {
    expect(codes('Bree former government officials met former Kuwait government envoys.')).toEqual(['BREELI', 'KUWELI']);
    const ents = resolveEntities(article("Bree's first Deputy Prime Minister Romendacil left.", '1995-01-01'), dict);
    expect(ents.find((e) => e.text === 'Romendacil')).toMatchObject({ kind: 'PERSON', code: 'BREGOV' });
  });

  it('a substitution-set agent after a country: "The Calenardhon Ministry of Silly Walks"', () => {
    expect(codes('The Calenardhon Ministry of Silly Walks condemned an attack.')).toEqual(['CALGOV']);
  });
});
