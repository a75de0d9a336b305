// Lookup tables derived from a dictionary on first use (cached per dictionary object).
import { aliasKeys, type ActorDictionary } from './dictionary.js';
import type { ActorRecord } from './types.js';

const wordsCache = new WeakMap<ActorDictionary, Set<string>>();

/** Every word of every actor name and alias. */
export function dictionaryWords(dict: ActorDictionary): Set<string> {
  let set = wordsCache.get(dict);
  if (!set) {
    set = new Set();
    for (const a of dict.data.actors) for (const n of [a.name, ...a.aliases]) for (const k of aliasKeys(n)) set.add(k.replace(/\*$/, ''));
    wordsCache.set(dict, set);
  }
  return set;
}

const famousCache = new WeakMap<ActorDictionary, Map<string, ActorRecord>>();

/** Surnames of office holders: matched alone even without a full-name mention ("Tillerson said"). */
export function famousSurnames(dict: ActorDictionary): Map<string, ActorRecord> {
  let m = famousCache.get(dict);
  if (!m) {
    m = new Map();
    for (const a of dict.famous) {
      const parts = a.name.toUpperCase().split(/[\s-]+/);
      if (parts.length >= 2) m.set(parts[parts.length - 1], a);
    }
    famousCache.set(dict, m);
  }
  return m;
}

