import { describe, expect, it } from 'vitest';
import { countryPlace, lookupPlace, placeKey } from '../../src/app/places.js';

describe('the offline gazetteer', () => {
  it('knows a country by the names the actors stage knows it by, not only its ISO name', () => {
    expect(lookupPlace('Turkey')?.country).toBe('TUR');
    expect(lookupPlace('Turkiye')?.country).toBe('TUR');
    expect(lookupPlace('Britain')?.country).toBe('GBR');
    expect(lookupPlace('Burma')?.country).toBe('MMR');
    expect(lookupPlace('Kiev')?.country).toBe('UKR');
    expect(lookupPlace('Geneva')?.name).toBe('Geneva');
  });

  it('gives a city before a foreign namesake only when the likely country has one of comparable size', () => {
    expect(lookupPlace('Geneva')?.country).toBe('CHE');
    expect(lookupPlace('Paris', ['USA'])?.country).toBe('FRA');
  });

  it('has coordinates for countries and nothing for unknown names', () => {
    const tur = countryPlace('tur');
    expect(tur?.lat).toBeGreaterThan(35);
    expect(tur?.lon).toBeGreaterThan(25);
    expect(lookupPlace('Nowhereville Upon Nothing')).toBeNull();
  });

  it('reads names regardless of case, accents and a leading "the"', () => {
    expect(placeKey('The Hague')).toBe(placeKey('HAGUE'));
    expect(placeKey('Erdoğan')).toBe('erdogan');
  });
});
