// Builds data/actors.json (an ActorData, see src/stages/actors/types.ts) from the development data:
//   events/countryinfo/CountryInfo.120116.txt      countries: names, nationality words, capitals, cities
//   events/plover_ontology/ngec_countries.csv       adjectives and plural demonyms
//   events/phoenix_dictionaries/phoenix_actors.jsonl people (dated roles) and organisations
//   events/phoenix_dictionaries/Phoenix.agents.txt  title / group nouns -> sector codes
//   data/places.json (scripts/build-places.ts)      district towns (scripts/actors-gazetteer.ts)
//   scripts/places/regions.tsv                      provinces and districts the gazetteer misses
//   scripts/tables/*.tsv                            dated tables: breakaway states, security bodies, IGOs
// plus scripts/build-actors-curated.ts (office holders and post-2016 actors the sources lack).
// Kept: all countries, all organisations, and people with a GOV/MIL/IGO role after 1990.
// Run: npx tsc -p tsconfig.json && node dist/scripts/build-actors.js [sharedDataDir]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorData, ActorRecord, AgentRecord, CountryRecord, OfficeRecord, Role } from '../src/stages/actors/types.js';
import { parsePetrarchAgents } from '../src/stages/actors/petrarch.js';
import { inLexicon } from '../src/lang/wink.js';
import { addGazetteerTowns, addRegions } from './actors-gazetteer.js';
import { claimNames, claimPlaceNames, readCuratedTables } from './curated-tables.js';
import { ACTORS, AGENTS, CAPITALS, COUNTRY_NAMES, DISPLAY_NAMES, FORMER_CAPITALS, CAPITAL_NICKNAMES, OFFICES, officeCode } from './build-actors-curated.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPO = existsSync(join(ROOT, 'package.json')) ? ROOT : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SINCE = '1990-01-01';
const INFO_VINTAGE_END = '2012-12-31';

function main(): void {
  const dataDir = process.argv[2] ?? process.env.DEMARCHE_SHARED_DATA ?? resolve(REPO, '..', 'shared', 'data');
  const ev = join(dataDir, 'events');
  if (!existsSync(ev)) {
    process.stderr.write(`build-actors: development data not found at ${dataDir}\n`);
    process.exit(2);
  }
  const countries = readCountries(ev);
  const offices = [...OFFICES, ...readLeaders(ev)];
  const tables = readCuratedTables(join(REPO, 'scripts', 'tables'));
  const actors = readActors(ev, countries, offices, tables);
  const agents = readAgents(ev);
  const towns = addGazetteerTowns(join(REPO, 'data', 'places.json'), countries, actors, inLexicon);
  claimPlaceNames(countries, tables, key);
  const regions = addRegions(join(REPO, 'scripts', 'places', 'regions.tsv'), countries, actors, inLexicon);
  process.stdout.write(`build-actors: ${towns} gazetteer towns and ${regions} regions added to the countries' cities\n`);
  const data: ActorData = { version: 1, countries, actors, agents, offices };
  const out = join(REPO, 'data', 'actors.json');
  writeFileSync(out, JSON.stringify(data));
  process.stdout.write(`${out}: ${countries.length} countries, ${actors.length} actors, ${agents.length} agents, ` +
    `${offices.length} offices, ${(JSON.stringify(data).length / 1e6).toFixed(2)} MB\n`);
}

// ---------- countries ----------

function entries(block: string, tag: string): string[] {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(block);
  if (!m) return [];
  return m[1]
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l && !l.startsWith('<'))
    .map((l) => l.replace(/_/g, ' ').trim());
}

function field(block: string, tag: string): string {
  return (new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1] ?? '').trim();
}

const ADJECTIVE_END = /(AN|ESE|ISH|I|IC|CH|OT|ER)$/;

function readCountries(ev: string): CountryRecord[] {
  const info = readFileSync(join(ev, 'countryinfo', 'CountryInfo.120116.txt'), 'latin1');
  const ngec = new Map<string, { name: string; demonyms: string[] }>();
  for (const line of readFileSync(join(ev, 'plover_ontology', 'ngec_countries.csv'), 'utf8').split('\n').slice(1)) {
    const cols = parseCsvLine(line);
    if (cols.length < 4) continue;
    ngec.set(cols[2], { name: cols[1], demonyms: cols[3].split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) });
  }
  const byIso = new Map<string, CountryRecord>();
  for (const block of info.split('<Country>').slice(1)) {
    const iso3 = field(block, 'CountryCode') || field(block, 'ISO3166-alpha3');
    if (!/^[A-Z]{3}$/.test(iso3) || byIso.has(iso3)) continue;
    const infoName = field(block, 'CountryName').replace(/_/g, ' ');
    const ng = ngec.get(iso3);
    const names = new Set<string>([infoName, ...(ng ? [ng.name.toUpperCase()] : []), ...(COUNTRY_NAMES[iso3] ?? [])]);
    const adjectives = new Set<string>();
    const plurals = new Set<string>();
    for (const d of ng?.demonyms ?? []) {
      if (names.has(d)) continue;
      if (d.includes(' ')) {
        if (d.includes(' OF ')) names.add(d); // "Islamic Republic of Afghanistan"
        continue; // other multi-word demonyms there are territories, not nationalities
      }
      if (/S$/.test(d) && !/(ESE|SS)$/.test(d)) plurals.add(d);
      else adjectives.add(d);
    }
    for (const n of entries(block, 'Nationality')) {
      if (names.has(n) || plurals.has(n)) continue;
      (ADJECTIVE_END.test(n) ? adjectives : names).add(n);
    }
    for (const a of adjectives) if (/(AN|I)$/.test(a)) plurals.add(a + 'S');
    const former = FORMER_CAPITALS[iso3] ?? [];
    const capitals = new Set([...entries(block, 'Capital'), ...(CAPITALS[iso3] ?? [])]
      .filter((c) => !former.some(([f]) => f === c) && !CAPITAL_NICKNAMES.includes(c)));
    const cities = new Set([...entries(block, 'MajorCities'), ...entries(block, 'Regions')].filter((c) => !capitals.has(c)));
    // "the" is read from the text ("the US Secretary of State"), never part of a name.
    const bare = (xs: Set<string>): string[] => [...new Set([...xs].map((x) => x.replace(/^THE /, '')))];
    byIso.set(iso3, {
      iso3,
      name: DISPLAY_NAMES[iso3] ?? titleCase(ng?.name ?? infoName),
      names: bare(names),
      adjectives: bare(adjectives),
      plurals: bare(plurals),
      capitals: [...capitals],
      cities: [...cities].filter((c) => !former.some(([f]) => f === c)),
      ...(former.length ? { former } : {}),
    });
  }
  // A curated capital belongs to one country only (Belgrade is Serbia's, not Yugoslavia's).
  for (const [iso3, caps] of Object.entries(CAPITALS)) {
    for (const c of byIso.values()) {
      if (c.iso3 === iso3) continue;
      c.capitals = c.capitals.filter((x) => !caps.includes(x));
      c.cities = c.cities.filter((x) => !caps.includes(x));
    }
  }
  shareNationalityWords([...byIso.values()]);
  // A former name that is another country's current capital belongs to that one (BEOGRAD: Serbia's).
  const current = new Set([...byIso.values()].flatMap((c) => c.capitals));
  for (const c of byIso.values()) {
    if (!c.former) continue;
    c.former = c.former.filter(([name]) => !current.has(name));
    if (c.former.length === 0) delete c.former;
  }
  return [...byIso.values()];
}

/**
 * A nationality word listed under several countries ("SERBIAN" under Serbia and Montenegro) stays
 * only with the country whose own name it comes from (the longest shared prefix with a name).
 */
function shareNationalityWords(countries: CountryRecord[]): void {
  const owners = new Map<string, CountryRecord[]>();
  for (const c of countries) for (const w of [...c.adjectives, ...c.plurals]) owners.set(w, [...(owners.get(w) ?? []), c]);
  const affinity = (c: CountryRecord, w: string): number => Math.max(0, ...c.names.filter((n) => n !== w).map((n) => commonPrefix(n, w)));
  for (const [w, cs] of owners) {
    if (cs.length < 2) continue;
    const best = Math.max(...cs.map((c) => affinity(c, w)));
    for (const c of cs) {
      if (affinity(c, w) === best) continue;
      c.adjectives = c.adjectives.filter((x) => x !== w);
      c.plurals = c.plurals.filter((x) => x !== w);
    }
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  const re = /("([^"]*)"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) && m[0] !== '') {
    out.push(m[2] ?? m[1]);
    if (m[3] === '') break;
  }
  return out;
}

// ---------- offices (heads of state and government) ----------

/** CountryInfo <Leaders> sections -> our office keys; other sections (governors, party chiefs) are skipped. */
function officeOfSection(title: string): string | null {
  const t = title.toLowerCase();
  if (/^(prime ministers?|premiers?|chancellors?|heads? of government|co-prime_ministers)$/.test(t)) return 'HOG';
  if (/^(presidents?|kings?|kings\/queens|heads? of state|emirs?|sultans?|emperors\/empresses)$/.test(t)) return 'HOS';
  return null;
}

/**
 * Heads of state and government per country with their terms, from CountryInfo (current to ~2012).
 * Curated offices (build-actors-curated.ts) win for the country/office pairs they cover.
 */
function readLeaders(ev: string): OfficeRecord[] {
  const info = readFileSync(join(ev, 'countryinfo', 'CountryInfo.120116.txt'), 'latin1');
  const curated = new Set(OFFICES.map((o) => `${o.country} ${o.office}`));
  const out = new Map<string, OfficeRecord>();
  for (const block of info.split('<Country>').slice(1)) {
    const iso3 = field(block, 'CountryCode');
    const leaders = /<Leaders>([\s\S]*?)<\/Leaders>/.exec(block)?.[1];
    if (!/^[A-Z]{3}$/.test(iso3) || !leaders) continue;
    for (const m of leaders.matchAll(/<([^/>][^>]*)>([\s\S]*?)<\/\1>/g)) {
      const office = officeOfSection(m[1].trim());
      const k = `${iso3} ${office}`;
      if (!office || curated.has(k)) continue;
      const rec = out.get(k) ?? { country: iso3, office, holders: [] };
      for (const line of m[2].split('\n')) {
        const name = /^\s*\{?([A-Z][^}\s\[]*?)_?\}?(?:\{[^}]*\})*\s*\[/.exec(line)?.[1];
        if (!name) continue;
        for (const t of line.matchAll(/\[(?:(\d{8})\s*-\s*(\d{8})|>(\d{8}))\]/g)) {
          const from = t[1] ? isoDate(t[1]) : isoDate(t[3]);
          // "In office at the last update" (January 2012): trusted to the end of 2012, not forever.
          const to = t[2] ? isoDate(t[2]) : INFO_VINTAGE_END;
          if (to !== null && to < SINCE) continue;
          rec.holders.push([titleCase(name.replace(/_/g, ' ')), from, to]);
        }
      }
      if (rec.holders.length) out.set(k, rec);
    }
  }
  for (const o of out.values()) o.holders.sort((a, b) => a[1].localeCompare(b[1]));
  return [...out.values()];
}

function isoDate(d: string): string {
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

// ---------- people and organisations ----------

interface PhoenixRow {
  id: string;
  names: string[];
  default_code: string | null;
  roles: { code: string; from: string | null; to: string | null }[];
  comment: string | null;
  file: string;
}

const ORG_WORD = /\b(STATE|FRONT|ARMY|ORGANI[SZ]ATION|PARTY|GROUP|FORCES?|COUNCIL|MINISTRY|COMMITTEE|UNION|MOVEMENT|BRIGADES?|ASSOCIATION|AGENCY|BANK|FUND|COMMISSION|ADMINISTRATION|GOVERNMENT|REGIME|ALLIANCE|LEAGUE|NETWORK|INSTITUTE|FOUNDATION|CORPORATION|COMPANY|CENTER|CENTRE|SOCIETY|OFFICE|AUTHORITY|TALIBAN|AL[- ]QAEDA|HAMAS|HEZBOLLAH)\b/;
const TITLE_ONLY = /\b(SECRETARY|MINISTER|PRESIDENT|AMBASSADOR|ENVOY|SPOKESMAN|CHIEF|LEADER|OF STATE|PREMIER|CHANCELLOR|OFFICIALS?)$/;
const KEEP_PERSON_CODE = /GOV|MIL|IGO|UNO|NAT|REB|OPP|SPY/;

function readActors(ev: string, countries: CountryRecord[], offices: OfficeRecord[], tables: ActorRecord[]): ActorRecord[] {
  const countryCodes = new Set(countries.map((c) => c.iso3));
  const byKey = new Map<string, ActorRecord>();
  const rows = readFileSync(join(ev, 'phoenix_dictionaries', 'phoenix_actors.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const line of rows) {
    const r = JSON.parse(line) as PhoenixRow;
    if (r.default_code && r.default_code.length === 3 && countryCodes.has(r.default_code)) continue; // country/place lists
    const roles: Role[] = r.roles.filter((x) => x.to === null || x.to >= SINCE).map((x) => [x.code, x.from, x.to]);
    if (!r.default_code && roles.length === 0) continue;
    if (/^(MNC|BUS)/.test(r.default_code ?? '')) continue; // companies: not political actors
    const rawName = r.id.replace(/#.*$/, '').replace(/_+$/, '').replace(/_/g, ' ').trim();
    const upper = rawName.toUpperCase();
    const dated = r.roles.some((x) => x.from !== null);
    // Bare titles ("US SECRETARY OF STATE") are resolved by date from the office tables instead.
    if (!dated && TITLE_ONLY.test(upper)) continue;
    const isPerson = !r.default_code && (r.comment === 'CountryInfo.txt' || (dated && !ORG_WORD.test(upper))) && !/^IMG/.test(roles[0]?.[0] ?? '');
    if (isPerson && !roles.some((x) => KEEP_PERSON_CODE.test(x[0]))) continue;
    const name = isPerson ? personName(rawName) : orgName(rawName);
    const aliases = r.names.map((n) => n.replace(/#.*$/, '').trim()).filter((n) => n && n.toUpperCase() !== upper);
    const rec: ActorRecord = { name, kind: isPerson ? 'PERSON' : 'ORG', aliases: [rawName, ...aliases] };
    if (r.default_code) rec.code = r.default_code;
    if (roles.length) rec.roles = roles;
    mergeInto(byKey, rec, false);
  }
  // A curated record merges into every source entry that shares one of its names
  // ("Nusra Front" is also Phoenix's "Jabhat al-Nusra").
  for (const a of ACTORS) {
    const keys = new Set([a.name, ...a.aliases].map(key));
    for (const [k, old] of [...byKey]) {
      if (k === key(a.name) || ![old.name, ...old.aliases].some((x) => keys.has(key(x)))) continue;
      if (old.kind !== a.kind) continue;
      byKey.delete(k);
      a.aliases.push(old.name, ...old.aliases);
    }
    mergeInto(byKey, { ...a, aliases: [...a.aliases] }, true);
  }
  claimNames(byKey.values(), tables, key);
  for (const t of tables) {
    mergeInto(byKey, t, true);
    // A table's dated roles are the whole story: outside them the nearest applies, not an undated
    // source code (the Extraditables were a cartel's front while they lasted, never rebels).
    delete byKey.get(key(t.name))!.code;
  }
  for (const o of offices) {
    for (const [name, from, to] of o.holders) {
      const code = officeCode(o.country, o.office);
      const existing = byKey.get(key(name));
      const role: Role = [code, from, to];
      if (!existing) mergeInto(byKey, { name, kind: 'PERSON', aliases: [], roles: [role] }, true);
      else if (!(existing.roles ?? []).some((x) => x[0] === code && (x[1] ?? '') <= from && (x[2] === null || x[2] >= from)))
        (existing.roles ??= []).push(role);
    }
  }
  closeFinishedTerms(byKey, OFFICES);
  for (const name of [...OFFICES.flatMap((o) => o.holders.map((x) => x[0])), ...ACTORS.filter((a) => a.kind === 'PERSON').map((a) => a.name)]) {
    const a = byKey.get(key(name));
    if (a) a.famous = true;
  }
  const actors = [...byKey.values()];
  markWeakAliases(actors);
  // A table's canonical names are proper names chosen by hand, never everyday words ("Abkhazia" is
  // in the lexicon); its shorter aliases may be ("Amnesty") and stay weak.
  const tableNames = new Set(tables.map((t) => key(t.name)));
  for (const a of actors) {
    if (!a.weak || !tableNames.has(key(a.name))) continue;
    a.weak = a.weak.filter((w) => key(w) !== key(a.name));
    if (a.weak.length === 0) delete a.weak;
  }
  for (const a of actors) {
    // Prefer the hyphenated spelling of the same name ("Bashar al-Assad" over "Bashar al Assad").
    const hyphenated = a.kind === 'PERSON' && !a.name.includes('-') && a.aliases.find((x) => x.includes('-') && key(x) === key(a.name));
    if (hyphenated) a.name = titleCase(hyphenated);
    a.aliases = [...new Set(a.aliases.filter((x) => key(x) !== key(a.name)))];
  }
  return actors;
}

/**
 * Phoenix leaves many government roles open-ended (its data stops around 2016). For office holders
 * whose last term has ended, close those roles at the term's end and mark them elite afterwards.
 */
function closeFinishedTerms(byKey: Map<string, ActorRecord>, offices: OfficeRecord[]): void {
  const lastEnd = new Map<string, { country: string; end: string | null }>();
  for (const o of offices) {
    if (o.country.length !== 3 || o.country === 'UNO') continue;
    for (const [name, , to] of o.holders) {
      const prev = lastEnd.get(name);
      if (prev && (prev.end === null || (to !== null && prev.end >= to))) continue;
      lastEnd.set(name, { country: o.country, end: to });
    }
  }
  for (const [name, { country, end }] of lastEnd) {
    const a = byKey.get(key(name));
    if (!a || end === null || !a.roles) continue;
    let closed = false;
    for (const r of a.roles) {
      if (r[2] === null && r[1] !== null && r[1] <= end && r[0].startsWith(country + 'GOV')) {
        r[2] = end;
        closed = true;
      }
    }
    if (closed && !a.roles.some((r) => r[1] !== null && r[1] >= end)) a.roles.push([country + 'ELI', end, null]);
  }
}

function key(name: string): string {
  return name.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Merge by normalised canonical name; curated records override codes and roles. */
function mergeInto(byKey: Map<string, ActorRecord>, rec: ActorRecord, curated: boolean): void {
  const k = key(rec.name);
  const old = byKey.get(k);
  if (!old) {
    byKey.set(k, rec);
    return;
  }
  old.aliases.push(...rec.aliases);
  if (curated) {
    old.name = rec.name;
    old.kind = rec.kind;
    if (rec.code !== undefined) old.code = rec.code;
    // Curated periods win; source roles survive only outside them (Abe's 2006-07 term).
    if (rec.roles) old.roles = [...rec.roles, ...(old.roles ?? []).filter((r) => !rec.roles!.some((c) => overlaps(r, c)))];
  } else {
    if (!old.code && rec.code) old.code = rec.code;
    if (rec.roles) old.roles = [...(old.roles ?? []), ...rec.roles];
  }
}

function overlaps(a: Role, b: Role): boolean {
  return (a[1] ?? '0000') <= (b[2] ?? '9999') && (b[1] ?? '0000') <= (a[2] ?? '9999');
}

const LOWER_PARTICLES = new Set(['al', 'bin', 'ibn', 'de', 'da', 'del', 'van', 'von', 'der', 'la', 'le', 'el', 'of', 'and', 'the', 'for', 'in', 'on']);

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      w
        .split('-')
        .map((p, j) =>
          i + j > 0 && LOWER_PARTICLES.has(p) ? p : /^[ivx]+$/.test(p) && i > 0 ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
        )
        .join('-'),
    )
    .join(' ');
}

function personName(raw: string): string {
  return titleCase(raw);
}

function orgName(raw: string): string {
  const s = raw.replace(/^THE /, '');
  // Short single words are acronyms (NATO, OPEC); longer names read better title-cased.
  return /^[A-Z.]{2,6}$/.test(s) ? s : titleCase(s);
}

/** Single-word aliases that are ordinary English words ("Rice", "Grant") need supporting context. */
function markWeakAliases(actors: ActorRecord[]): void {
  const known = inLexicon;
  const cache = new Map<string, boolean>();
  for (const a of actors) {
    const weak = [...a.aliases, a.name].filter((x) => {
      if (/[\s_]/.test(x.trim())) return false;
      const w = x.replace(/[.]/g, '');
      if (w.length <= 3 && a.kind === 'ORG') return false; // acronyms: matched only in capitals anyway
      if (!cache.has(w)) cache.set(w, known(w));
      return cache.get(w)!;
    });
    if (weak.length) a.weak = [...new Set(weak.map((x) => x.toUpperCase()))];
  }
}

// ---------- agents ----------

function readAgents(ev: string): AgentRecord[] {
  const parsed = parsePetrarchAgents(readFileSync(join(ev, 'phoenix_dictionaries', 'Phoenix.agents.txt'), 'utf8'));
  const out = new Map<string, AgentRecord>();
  for (const a of AGENTS) out.set(a.phrase, a);
  for (const a of parsed) {
    // "DEFENSE_MINIST" is a stem for minister/ministry and their plurals.
    const forms = /\bMINIST$/.test(a.phrase)
      ? ['MINISTER', 'MINISTERS', 'MINISTRY', 'MINISTRIES'].map((e) => a.phrase.replace(/MINIST$/, e))
      : [a.phrase];
    for (const f of forms) if (!out.has(f)) out.set(f, { ...a, phrase: f });
  }
  return [...out.values()];
}

main();
