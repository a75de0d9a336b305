import { describe, expect, it } from 'vitest';
import { resolveActorPhrase } from '../../../src/stages/actors/index.js';

describe('resolveActorPhrase', () => {
  it('a group noun anywhere in the phrase belongs to the country', () => {
    expect(resolveActorPhrase('Poland’s current interior minister', '2022-01-01').code).toBe('POLGOV');
    expect(resolveActorPhrase('Several of the largest trade unions in Denmark', '2022-01-01').country).toBe('DNK');
    expect(resolveActorPhrase('Several of the largest trade unions in Denmark', '2022-01-01').sector).not.toBe('');
  });

  it('a capital alone is its government, a country alone the country, a capital after "in" a place', () => {
    expect(resolveActorPhrase('Tehran', '2022-01-01').code).toBe('IRNGOV');
    expect(resolveActorPhrase('Iran', '2022-01-01').code).toBe('IRN');
    expect(resolveActorPhrase('an amusement park in Kabul', '2022-01-01').code).toBe('AFG');
  });

  it('"former" officials are the country\'s elite', () => {
    expect(resolveActorPhrase('a former White House official', '2022-01-01').code).toBe('USAELI');
    expect(resolveActorPhrase('a White House official', '2022-01-01').code).toBe('USAGOV');
  });
});
