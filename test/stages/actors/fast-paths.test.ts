// The actors stage's fast paths must agree with the general code they stand in for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance, withinOneEdit } from '../../../src/stages/actors/lexicon.js';
import { asciiWordShape, wordShape } from '../../../src/stages/actors/words.js';
import { letterLength } from '../../../src/stages/actors/segments.js';
import { aliasKeys, wordKey, compileDictionary } from '../../../src/stages/actors/dictionary.js';
import { WordTable } from '../../../src/stages/actors/word-table.js';
import { NONE, ROOT } from '../../../src/stages/actors/trie.js';
import type { ActorData } from '../../../src/stages/actors/types.js';
import { ROOT as REPO } from '../../fixtures/paths.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWord(next: () => number, alphabet: string, maxLength: number): string {
  const chars = [...alphabet];
  let w = '';
  const n = Math.floor(next() * (maxLength + 1));
  for (let k = 0; k < n; k++) w += chars[Math.floor(next() * chars.length)];
  return w;
}

/** Textbook Levenshtein distance over UTF-16 units. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, k) => (i === 0 ? k : k === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let k = 1; k <= b.length; k++) d[i][k] = Math.min(d[i - 1][k] + 1, d[i][k - 1] + 1, d[i - 1][k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** editDistance as first written, a fresh array per row: the reference for the reused rows. */
function rowByRow(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let k = 1; k <= b.length; k++) {
      const v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

describe('edit distance', () => {
  it('editDistance is the distance when within max, else more than max (also across calls of any length)', () => {
    const next = random(1);
    for (let n = 0; n < 3000; n++) {
      const a = randomWord(next, 'abc', n % 50 === 0 ? 90 : 7);
      const b = randomWord(next, 'abc', n % 70 === 0 ? 90 : 7);
      const max = n % 3;
      const d = levenshtein(a, b);
      const got = editDistance(a, b, max);
      expect(got, `${a} ${b} ${max}`).toBe(rowByRow(a, b, max));
      if (d <= max) expect(got).toBe(d);
      else expect(got).toBeGreaterThan(max);
    }
  });

  it('withinOneEdit(a, b) is editDistance(a, b, 1) <= 1', () => {
    const next = random(2);
    const fixed: [string, string][] = [['', ''], ['', 'a'], ['a', ''], ['LAVROV', 'LOVROV'], ['LAVROV', 'LAVROVA'], ['OBAMA', 'OSAMA'], ['ab', 'ba'], ['aab', 'ab'], ['abc', 'abd'], ['PUTIN', 'PUTINS'], ['x\ud83d\ude00', 'x\ud83d\ude01']];
    for (const [a, b] of fixed) expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b, 1) <= 1);
    for (let n = 0; n < 20000; n++) {
      const a = randomWord(next, 'ab', 6);
      const b = n % 2 ? randomWord(next, 'ab', 6) : a.slice(0, Math.floor(next() * (a.length + 1))) + randomWord(next, 'ab', 1) + a.slice(Math.floor(next() * (a.length + 1)));
      expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b, 1) <= 1);
    }
  });
});

describe('word shapes', () => {
  it('a plain ASCII token gets the flags and key of the general path; any other token takes the general path', () => {
    const next = random(3);
    const tokens = ['US', 'Us', 'us', 'U.S.', "Russia's", 'al-Qaeda', '2015', '3rd', 'A', 'Erdoğan', 'ÉTAT', '', '-', 'IS', 'x1', '9a', 'Z', 'ﬁ', 'İstanbul'];
    for (let n = 0; n < 5000; n++) tokens.push(randomWord(next, 'aZz09AMm.-\'’é_ ', 6));
    for (const t of tokens) {
      const shape = asciiWordShape(t);
      if (/^[A-Za-z0-9]+$/.test(t)) {
        expect(shape, t).toBe(wordShape(t));
        expect(wordKey(t), t).toBe(t.toUpperCase());
      } else expect(shape, t).toBe(-1);
    }
  });

  it('letterLength counts what stripping non-letters leaves', () => {
    const next = random(4);
    const words = ['U.S.', 'Al-Qaeda', 'UN', '123', 'ÉTAT', 'Straße', '\ud835\udc00BC', 'ǅemal'];
    for (let n = 0; n < 5000; n++) words.push(randomWord(next, 'aZ9.-\'é\ud835\udc00ǅ', 6));
    for (const w of words) expect(letterLength(w), w).toBe(w.replace(/[^\p{L}]/gu, '').length);
  });
});

describe('alias keys', () => {
  /** aliasKeys as first written: the general path for every alias. */
  const reference = (alias: string): string[] =>
    alias
      .split(/[\s_\-–]+/)
      .map((w) => wordKey(w).replace(/'S$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}*']+$/gu, ''))
      .filter((w) => w !== '' && w !== '*');

  it('plain aliases split as the general path splits them', () => {
    const next = random(6);
    const data = JSON.parse(readFileSync(join(REPO, 'data', 'actors.json'), 'utf8')) as ActorData;
    const aliases = [...data.agents.map((a) => a.phrase), ...data.actors.flatMap((a) => [a.name, ...a.aliases])];
    for (const c of data.countries) aliases.push(...c.names, ...c.capitals, ...c.adjectives, ...c.plurals, ...c.cities);
    aliases.push('', ' ', 'US', 'us  army', ' US', 'US ', 'ARGENTIN*', "PEOPLE'S ARMY", 'al-Qaeda', 'U.S. Army', 'Erdoğan');
    for (let n = 0; n < 5000; n++) aliases.push(randomWord(next, 'aZ9 _-*.\'é', 12));
    for (const alias of aliases) expect(aliasKeys(alias), alias).toEqual(reference(alias));
  });
});

describe('word tables', () => {
  it('WordTable behaves as a Map from (number, word) keys, through growth', () => {
    const next = random(5);
    const table = new WordTable(4);
    const reference = new Map<string, number>();
    for (let n = 0; n < 20000; n++) {
      const group = Math.floor(next() * 50);
      const word = randomWord(next, 'ABCDEF', 5);
      const key = `${group} ${word}`;
      if (table.get(group, word) === 0) {
        expect(reference.has(key)).toBe(false);
        table.add(group, word, n + 1);
        reference.set(key, n + 1);
      }
      expect(table.get(group, word)).toBe(reference.get(key));
    }
    expect(table.size).toBe(reference.size);
    for (const [key, value] of reference) expect(table.get(Number(key.split(' ')[0]), key.slice(key.indexOf(' ') + 1))).toBe(value);
    for (let n = 0; n < 2000; n++) {
      const group = Math.floor(next() * 60);
      const word = randomWord(next, 'ABCDEFG', 6);
      expect(table.get(group, word)).toBe(reference.get(`${group} ${word}`) ?? 0);
    }
  });

  it('the trie prefers an exact edge to a stem, and a stem matches longer words only', () => {
    const data: ActorData = {
      version: 1,
      countries: [],
      actors: [
        { name: 'Argentina', kind: 'PLACE', aliases: ['ARGENTIN*'], code: 'ARG' },
        { name: 'Argentine Navy', kind: 'ORG', aliases: ['ARGENTINE NAVY'], code: 'ARGNAV' },
      ],
      agents: [],
      offices: [],
    };
    const { trie } = compileDictionary(data);
    const names = (node: number): (string | false)[] | undefined => trie.targets(node)?.map((t) => t.t === 'actor' && t.actor.name);
    const stem = trie.child(ROOT, 'ARGENTINIANS');
    expect(names(stem)).toEqual(['Argentina']);
    // The canonical name is an exact alias of its own.
    expect(trie.child(ROOT, 'ARGENTINA')).not.toBe(stem);
    expect(names(trie.child(ROOT, 'ARGENTINA'))).toEqual(['Argentina']);
    const exact = trie.child(ROOT, 'ARGENTINE');
    expect(exact).not.toBe(stem);
    expect(names(exact)).toBeUndefined();
    // Once as its name, once as its alias.
    expect(names(trie.child(exact, 'NAVY'))).toEqual(['Argentine Navy', 'Argentine Navy']);
    expect(trie.child(ROOT, 'ARGENT')).toBe(NONE);
    expect(trie.child(exact, 'ARMY')).toBe(NONE);
  });
});
