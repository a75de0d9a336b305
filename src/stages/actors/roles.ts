// Time-aware codes: which role an actor held on a date, and who held an office on a date.
import type { ActorRecord, Role } from './types.js';
import type { ActorDictionary } from './dictionary.js';

/** The article's reference date: its publication date, or today when unknown. */
export function referenceDate(published: string | null): string {
  if (published && /^\d{4}-\d{2}-\d{2}/.test(published)) return published.slice(0, 10);
  if (published && /^\d{4}-\d{2}$/.test(published)) return published + '-15';
  if (published && /^\d{4}$/.test(published)) return published + '-07-01';
  return new Date().toISOString().slice(0, 10);
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') - 864e5).toISOString().slice(0, 10);
}

function covers(r: Role, date: string): boolean {
  return (r[1] === null || r[1] <= date) && (r[2] === null || r[2] >= date);
}

/** The actor holds a dated government role on `date` (an undated code says nothing of when). */
export function inOfficeAt(actor: ActorRecord, date: string): boolean {
  return (actor.roles ?? []).some((r) => r[1] !== null && covers(r, date) && /GOV|IGO/.test(r[0]));
}

/** Days between date and the role's period (0 when inside). */
function distance(r: Role, date: string): number {
  const d = Date.parse(date);
  if (r[1] !== null && date < r[1]) return (Date.parse(r[1]) - d) / 864e5;
  if (r[2] !== null && date > r[2]) return (d - Date.parse(r[2])) / 864e5;
  return 0;
}

/**
 * The actor's code on `date`: the covering dated role (the most recently started one when several
 * overlap), else its undated code, else the undated role, else the nearest role in time.
 */
export function codeAt(actor: ActorRecord, date: string): string | null {
  const roles = actor.roles ?? [];
  let best: Role | null = null;
  for (const r of roles) {
    if (r[1] === null && r[2] === null) continue;
    if (covers(r, date) && (!best || (r[1] ?? '') > (best[1] ?? ''))) best = r;
  }
  if (best) return best[0];
  if (actor.code) return actor.code;
  const undated = roles.find((r) => r[1] === null && r[2] === null);
  if (undated) return undated[0];
  let nearest: Role | null = null;
  for (const r of roles) if (!nearest || distance(r, date) < distance(nearest, date)) nearest = r;
  return nearest ? nearest[0] : null;
}

/** Who held `office` ("FM", "HOS"...) of `country` on `date`, as an actor when known. */
export function officeHolder(dict: ActorDictionary, country: string, office: string, date: string): ActorRecord | null {
  const o = dict.offices.get(`${country} ${office}`);
  if (!o) return null;
  for (const [name, from, to] of o.holders) if (from <= date && (to === null || to >= date)) return dict.byName.get(name) ?? null;
  return null;
}

/** The office ("USA FM") a person held on `date`, from the office tables. */
export function officeOf(dict: ActorDictionary, actor: ActorRecord, date: string): { country: string; office: string } | null {
  for (const { office: o, from, to } of dict.officesHeld.get(actor.name) ?? [])
    if (from <= date && (to === null || to >= date)) return { country: o.country, office: o.office };
  return null;
}

/** Whether the person named `name` held `office` (of any country) on `date`. */
export function heldOffice(dict: ActorDictionary, name: string, office: string, date: string): boolean {
  for (const { office: o, from, to } of dict.officesHeld.get(name) ?? []) if (o.office === office && from <= date && (to === null || to >= date)) return true;
  return false;
}

/** Holding a dated office on `date` (not merely "elite" or business): what dates an undated article. */
function inOffice(a: ActorRecord, date: string): boolean {
  if (!(a.roles ?? []).some((r) => r[1] !== null && covers(r, date))) return false;
  const code = codeAt(a, date);
  return code !== null && !/ELI|BUS/.test(code.slice(3));
}

/**
 * A reference date for an undated article: the latest date on which the most of the people it
 * names held their (dated) offices — "Obama and Putin met" reads as 2012-2017, not as today.
 * Falls back to `today` when nobody mentioned has dated roles, or when today fits best.
 */
export function inferDate(people: ActorRecord[], today: string): string {
  const unique = [...new Set(people)];
  const candidates = new Set<string>([today]);
  for (const a of unique)
    for (const r of a.roles ?? []) {
      // Starts, and the day before ends: on the last day the successor's role has already begun.
      if (r[1] && r[1] <= today) candidates.add(r[1]);
      if (r[2] && r[2] <= today) candidates.add(dayBefore(r[2]));
    }
  let best = today;
  let bestCount = -1;
  for (const d of candidates) {
    let n = 0;
    for (const a of unique) if (inOffice(a, d)) n++;
    if (n > bestCount || (n === bestCount && d > best)) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
