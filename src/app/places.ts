// Places with coordinates: the offline gazetteer (data/places.json, built by
// scripts/build-places.ts from GeoNames-derived npm packages) and where an event happened.
import { existsSync, readFileSync } from 'node:fs';
import type { Article, Event, Place } from '../model.js';
import { packageFile } from '../package-root.js';

/** [ISO3, common name, lat, lon, other names] and [name, ISO3, lat, lon, population]. */
export interface PlaceTable {
  countries: [string, string, number, number, string[]][];
  cities: [string, string, number, number, number][];
}

/** A place and how many live there (countries: Infinity, they come first). */
interface Candidate {
  place: Place;
  population: number;
}

/** A city in a likely country wins over a bigger namesake elsewhere only when at least this share of its size. */
const LIKELY_SHARE = 0.2;

interface Gazetteer {
  /** Normalised name -> candidates, countries first, then capitals and cities by population. */
  byName: Map<string, Candidate[]>;
  /** ISO3 -> the country as a place. */
  countries: Map<string, Place>;
}

let gazetteer: Gazetteer | null = null;

function dataFile(): string {
  return packageFile('data', 'places.json');
}

/** Case, accents, "the" and punctuation do not tell places apart: "the Hague", "Hague" and "HAGUE" are one. */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const file = dataFile();
  if (!existsSync(file)) throw new Error(`gazetteer missing: ${file} (run scripts/build-places.ts)`);
  const table = JSON.parse(readFileSync(file, 'utf8')) as PlaceTable;
  const byName = new Map<string, Candidate[]>();
  const add = (name: string, place: Place, population: number): void => {
    const key = placeKey(name);
    if (!key) return;
    const list = byName.get(key);
    if (!list) byName.set(key, [{ place, population }]);
    else if (!list.some((c) => c.place.country === place.country && c.place.name === place.name)) list.push({ place, population });
  };
  const countries = new Map<string, Place>();
  for (const [iso3, name, lat, lon, alt] of table.countries) {
    const place = { name, country: iso3, lat, lon };
    countries.set(iso3, place);
    add(name, place, Infinity);
    for (const a of alt) add(a, place, Infinity);
  }
  for (const [name, iso3, lat, lon, population] of table.cities) add(name, { name, country: iso3, lat, lon }, population);
  gazetteer = { byName, countries };
  return gazetteer;
}

/**
 * The place a name stands for: a country by any of its names, else the first-listed city of that
 * name (a capital, else the largest), unless one of the likely `countries` (the text's own, the
 * event's parties') has a namesake of comparable size: "San Miguel" in a Salvadoran story is
 * El Salvador's, but "Geneva" in a story about Washington is still Switzerland's. Null when the
 * gazetteer does not know the name.
 */
export function lookupPlace(name: string, countries: readonly (string | null | undefined)[] = []): Place | null {
  const candidates = load().byName.get(placeKey(name));
  if (!candidates?.length) return null;
  const top = candidates[0]!;
  for (const c of countries) {
    if (!c) continue;
    const hit = candidates.find((p) => p.place.country === c);
    if (hit && hit.population >= top.population * LIKELY_SHARE) return hit.place;
  }
  return top.place;
}

/** The country (by ISO3) as a place, its centroid as coordinates. */
export function countryPlace(iso3: string): Place | null {
  return load().countries.get(iso3.toUpperCase()) ?? null;
}

const partyCountries = (e: Pick<Event, 'source' | 'target'>): string[] => [e.source.slice(0, 3), e.target.slice(0, 3)];

/**
 * Where an event happened, with coordinates: its coded location; else, with the article at hand, a
 * place named inside its sentence that is not one of its parties (a city before a country): "talks
 * in Osaka", "Turkish strikes on Afrin". Null when neither is in the gazetteer.
 */
export function placeOfEvent(e: Event, article?: Pick<Article, 'entities'> | null): Place | null {
  const countries = partyCountries(e);
  if (e.location) {
    const inText = article?.entities.find((en) => en.kind === 'PLACE' && en.name === e.location && en.country);
    const found = lookupPlace(e.location, [inText?.country, ...countries]);
    if (found) return found;
  }
  if (!article) return null;
  const places = article.entities.filter((en) => en.kind === 'PLACE' && en.start >= e.evidence.start && en.end <= e.evidence.end);
  let fallback: Place | null = null;
  for (const en of places) {
    const p = lookupPlace(en.name, [en.country, ...countries]) ?? lookupPlace(en.text, [en.country, ...countries]);
    if (!p) continue;
    const isCountry = load().countries.get(p.country)?.name === p.name;
    // A party's own country ("Turkey" in "Turkey accused Washington") says who, not where.
    if (isCountry && countries.includes(p.country)) continue;
    if (!isCountry) return p;
    fallback ??= p;
  }
  return fallback;
}

/** The event's place as stored, or (stored before places existed) from its location alone. */
export function geoOf(e: Pick<Event, 'geo' | 'location' | 'source' | 'target'>): Place | null {
  if (e.geo !== undefined) return e.geo;
  return e.location ? lookupPlace(e.location, partyCountries(e)) : null;
}
