// Towns and districts of the offline gazetteer (data/places.json, GeoNames towns of 15,000+ people)
// added to each country's cities in data/actors.json. CountryInfo lists a few dozen major cities a
// country; conflict reporting names district towns ("in Pulwama", "near Sukma", "in Idlib"), and a
// generic agent there ("the militants", "police") takes that country (see context.ts). A town name is
// kept only when it can only be that place: one country holds it (or one holds nearly all its
// people), it is no English word, no word of a person's name (US towns named Clinton or Jackson),
// and no name, nationality word or capital of any country.
import { readFileSync } from 'node:fs';
import type { ActorRecord, CountryRecord } from '../src/stages/actors/types.js';
import type { PlaceTable } from '../src/app/places.js';

/** A namesake elsewhere this share of the biggest town's size (or more) makes the name ambiguous. */
const NAMESAKE_SHARE = 0.1;
/** Shorter names are too often abbreviations or syllables of other words. */
const MIN_LENGTH = 4;

export function addGazetteerTowns(placesFile: string, countries: CountryRecord[], actors: ActorRecord[], isWord: (w: string) => boolean): number {
  const table = JSON.parse(readFileSync(placesFile, 'utf8')) as PlaceTable;
  const byIso = new Map(countries.map((c) => [c.iso3, c]));
  const taken = new Set<string>();
  for (const c of countries) for (const x of namesOf(c)) taken.add(x);
  const personWords = new Set<string>();
  const actorNames = new Set<string>();
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) {
      const up = fold(n);
      actorNames.add(up);
      if (a.kind === 'PERSON') for (const w of up.split(/[\s_-]+/)) personWords.add(w);
    }
  }
  // Name -> population per country (the biggest town of that name in each country).
  const towns = new Map<string, Map<string, number>>();
  for (const [name, iso3, , , population] of table.cities) {
    const key = fold(name);
    const per = towns.get(key) ?? new Map<string, number>();
    per.set(iso3, Math.max(per.get(iso3) ?? 0, population));
    towns.set(key, per);
  }
  let added = 0;
  for (const [name, per] of towns) {
    if (name.length < MIN_LENGTH || !/^[A-Z][A-Z' -]*[A-Z]$/.test(name)) continue;
    if (taken.has(name) || actorNames.has(name)) continue;
    const words = name.split(/[\s-]+/);
    if (words.some((w) => personWords.has(w))) continue;
    if (words.length === 1 && isWord(name)) continue;
    const ranked = [...per].sort((a, b) => b[1] - a[1]);
    const [iso3, biggest] = ranked[0]!;
    if (ranked.length > 1 && ranked[1]![1] >= biggest * NAMESAKE_SHARE) continue;
    const country = byIso.get(iso3);
    if (!country || country.cities.includes(name)) continue;
    country.cities.push(name);
    added++;
  }
  return added;
}

/** Every word form a country already holds: names, adjectives, plurals, capitals and cities. */
function namesOf(c: CountryRecord): string[] {
  return [...c.names, ...c.adjectives, ...c.plurals, ...c.capitals, ...c.cities];
}

/** Upper case without diacritics, as the dictionary compares words. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase().trim();
}

/**
 * The regions of scripts/places/regions.tsv (provinces, districts, contested towns the gazetteer
 * misses) added to their country's cities, under the same guards as the towns: no name another
 * country or an actor already holds, no English word.
 */
export function addRegions(regionsFile: string, countries: CountryRecord[], actors: ActorRecord[], isWord: (w: string) => boolean): number {
  const byIso = new Map(countries.map((c) => [c.iso3, c]));
  const owner = new Map<string, string>();
  for (const c of countries) for (const x of namesOf(c)) owner.set(x, c.iso3);
  const actorNames = new Set(actors.flatMap((a) => [a.name, ...a.aliases].map(fold)));
  let added = 0;
  readFileSync(regionsFile, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [iso3, names] = line.split('\t');
    const country = byIso.get(iso3!.trim());
    if (!country || !names) throw new Error(`${regionsFile}:${n + 1}: a known ISO3 country and names are needed`);
    for (const raw of names.split(';')) {
      const name = fold(raw).replace(/\s+/g, ' ');
      if (!name) continue;
      const held = owner.get(name);
      if ((held && held !== country.iso3) || actorNames.has(name) || (!name.includes(' ') && isWord(name))) continue;
      if (country.cities.includes(name) || country.capitals.includes(name)) continue;
      country.cities.push(name);
      added++;
    }
  });
  return added;
}
