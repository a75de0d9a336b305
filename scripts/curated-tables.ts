// The curated, dated tables of scripts/tables/*.tsv (breakaway states, armed forces and security
// services, international organisations) as actor records. Each line is one dated role of a body;
// lines with the same name are one body with several roles (the Rapid Support Forces: Sudan's
// army until April 2023, rebels since). See each file's header for its columns.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorRecord, CountryRecord, Role } from '../src/stages/actors/types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z0-9]{3,}$/;

export function readCuratedTables(dir: string): ActorRecord[] {
  const byName = new Map<string, ActorRecord>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, n) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [name, code, from, to, others] = line.split('\t').map((x) => x.trim());
      const where = `${file}:${n + 1}`;
      if (!name || !code || !CODE.test(code)) throw new Error(`${where}: a name and a code are needed`);
      for (const d of [from, to]) if (d && !DATE.test(d)) throw new Error(`${where}: "${d}" is no YYYY-MM-DD date`);
      const role: Role = [code, from || null, to || null];
      const rec = byName.get(name) ?? { name, kind: 'ORG' as const, aliases: [], roles: [] };
      rec.roles!.push(role);
      for (const alias of (others ?? '').split(';').map((x) => x.trim()).filter(Boolean)) if (!rec.aliases.includes(alias)) rec.aliases.push(alias);
      byName.set(name, rec);
    });
  }
  return [...byName.values()];
}

/**
 * A table's names are its bodies' own: any other record that shares one loses it ("People's
 * Liberation Army" is China's army, not an alias of a Turkish rebel group).
 */
export function claimNames(records: Iterable<ActorRecord>, tables: ActorRecord[], key: (name: string) => string): void {
  const claimed = claimedKeys(tables, key);
  for (const r of records) r.aliases = r.aliases.filter((a) => !claimed.has(key(a)));
}

/** ... and a country's list of cities and regions ("ABKHAZIA" among Georgia's) loses them too. */
export function claimPlaceNames(countries: CountryRecord[], tables: ActorRecord[], key: (name: string) => string): void {
  const claimed = claimedKeys(tables, key);
  for (const c of countries) c.cities = c.cities.filter((x) => !claimed.has(key(x)));
}

function claimedKeys(tables: ActorRecord[], key: (name: string) => string): Set<string> {
  return new Set(tables.flatMap((t) => [t.name, ...t.aliases].map(key)));
}
