// Lookup tables derived from a dictionary on first use (cached per dictionary object).
import type { ActorDictionary } from './dictionary.js';
import type { ActorRecord } from './types.js';

interface FamousSurnames {
  /** Surname key -> office holder. */
  bySurname: Map<string, ActorRecord>;
  /** The same entries, in the same order, grouped by the surname's first UTF-16 unit (typo look-ups). */
  byInitial: Map<number, [surname: string, actor: ActorRecord][]>;
}

const famousCache = new WeakMap<ActorDictionary, FamousSurnames>();

function famous(dict: ActorDictionary): FamousSurnames {
  let f = famousCache.get(dict);
  if (!f) {
    const bySurname = new Map<string, ActorRecord>();
    for (const a of dict.famous) {
      const parts = a.name.toUpperCase().split(/[\s-]+/);
      if (parts.length >= 2) bySurname.set(parts[parts.length - 1], a);
    }
    const byInitial = new Map<number, [string, ActorRecord][]>();
    for (const [key, a] of bySurname) {
      const initial = key.charCodeAt(0);
      const list = byInitial.get(initial);
      if (list) list.push([key, a]);
      else byInitial.set(initial, [[key, a]]);
    }
    famousCache.set(dict, (f = { bySurname, byInitial }));
  }
  return f;
}

/** Surnames of office holders: matched alone even without a full-name mention ("Tillerson said"). */
export function famousSurnames(dict: ActorDictionary): Map<string, ActorRecord> {
  return famous(dict).bySurname;
}

/**
 * Office holders whose surname starts with the same UTF-16 unit as `key`, in famousSurnames()
 * order: typos keep the first letter, so these are the only typo candidates.
 */
export function famousWithInitial(dict: ActorDictionary, key: string): readonly [surname: string, actor: ActorRecord][] {
  return famous(dict).byInitial.get(key.charCodeAt(0)) ?? [];
}
