// Fast paths of the annotate stage that must agree exactly with the slow paths they replace.
import { describe, expect, it } from 'vitest';
import { alternation, findDates } from '../../src/lang/dates-parse.js';
import { lemmasOf } from '../../src/lang/lemmas.js';
import { tokenize } from '../../src/lang/tokenize.js';
import { wink } from '../../src/lang/wink.js';

describe('remembered lemmas', () => {
  // Contraction parts whose lemma differs from the same token outside a contraction (the "wo" of
  // "won't" is "will", a written-apart "wo" is "wo"; "'s" is "be", "us" or "'s"), words seen with
  // several POS ("attack", "fight"), new words, and an ordinary text.
  const texts = [
    "They won't stop. They wo n't stop. It's over. Let's go. John's car is here and that's John's.",
    'They attack at dawn. The attack failed. Rebels fight; the fight goes on. They fought, fighting harder.',
    "Zqxwvian forces blorfed the Qwertyans' outposts, Zqxwvian officials said. He can't and won't, cannot.",
    'The ministers were meeting; leaves fell while the children watched geese and mice. Prices rose, rising faster.',
  ];

  it('are what wink itself gives, on first sight and when remembered', () => {
    const nlp = wink();
    const its = nlp.its;
    for (let pass = 0; pass < 2; pass++) {
      for (const text of [...texts, ...texts.slice().reverse()]) {
        const tokens = nlp.readDoc(text).tokens();
        const expected = tokens.out(its.lemma as never) as string[];
        expect(lemmasOf(tokens, tokens.out(its.pos) as string[])).toEqual(expected);
      }
    }
  });

  it('reach tokenize', () => {
    for (let pass = 0; pass < 2; pass++) {
      const lemmas = tokenize(texts[1]).tokens.map((t) => t.lemma);
      expect(lemmas).toContain('attack');
      expect(lemmas).toContain('fight');
    }
  });
});

describe('tokenize on unusual spacing', () => {
  it('finds every token at its exact offset', () => {
    const text = 'A\u00a0B  said\t\tthat.\n \t\nNew\u2003paragraph  here ,  and\r\nthere.   ';
    const { tokens, sentences } = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text).join(' ')).toBe('A B said that . New paragraph here , and there .');
    // The blank line (with spaces and a tab in it) ends the first sentence.
    expect(sentences[0].text).toBe('A\u00a0B  said\t\tthat.');
  });
});

describe('name alternations grouped by first letter', () => {
  const names = ['september', 'sept', 'sep', 'septembre', 'saturday', 'sat', 'sun', 'sunday', 'sonntag', 'şubat', 'mayıs', 'may', 'mai', 'mayo', 'mar', 'march', 'märz', 'mär'];
  const flat = [...names].sort((a, b) => b.length - a.length).join('|');

  it('match exactly what the flat longest-first list matches', () => {
    const grouped = new RegExp(`^(?:${alternation(names)})`, 'iu');
    const plain = new RegExp(`^(?:${flat})`, 'iu');
    const probes = names.flatMap((n) => [n, n.toUpperCase(), n[0].toUpperCase() + n.slice(1), `${n}x`, `${n}.`, n.slice(0, -1)]);
    probes.push('Sept. 5', 'SEPTEMBER', 'Mayıs', 'MAYIS', 'Şubat', 'subat', 'market', 'sunny', '');
    for (const p of probes) expect(grouped.exec(p)?.[0], p).toBe(plain.exec(p)?.[0]);
  });

  it('leave full dates in several languages readable', () => {
    const read = (s: string) => findDates(s, false).map((f) => [f.year, f.month, f.day]);
    expect(read('Thursday, Sept. 7, 2017')).toEqual([[2017, 9, 7]]);
    expect(read('am 1. Mai 2019 und am 3. Dezember 2008')).toEqual([[2019, 5, 1], [2008, 12, 3]]);
    expect(read('Mayıs 5 2019')).toEqual([[2019, 5, 5]]);
    expect(read('vendredi 9 octobre 2015')).toEqual([[2015, 10, 9]]);
    expect(read('a market 12 2019 may')).toEqual([]);
  });
});
