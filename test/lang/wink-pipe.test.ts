// tokenize() runs wink-nlp with only the annotations it reads (sentence boundaries, POS/lemma).
// That must not change anything: compare with wink's full default pipe on the seeds and fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { tokenize } from '../../src/lang/tokenize.js';
import { ROOT } from '../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
const texts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
texts.push(
  'Recep Tayyip Erdoğan met Mevlüt Çavuşoğlu. He did not agree!\n\nThe U.S. said on Oct. 5 it would not attend.',
  "Russia's Foreign Ministry said it wasn't happy; the talks ended.",
);

describe('tokenize with the reduced wink pipe', () => {
  it('gives the tokens, POS, lemmas and sentences of the full default pipe', () => {
    const full = winkNLP(model);
    const its = full.its;
    for (const text of texts) {
      const doc = full.readDoc(text);
      const words = doc.tokens().filter((t) => String(t.out(its.value)).trim() !== '');
      const expected = {
        values: words.out(its.value) as string[],
        pos: words.out(its.pos) as string[],
        lemmas: words.out(its.lemma as never) as string[],
      };
      const { tokens, sentences } = tokenize(text);
      // tokenize glues words wink splits at non-Latin-1 letters; compare only texts without that.
      if (/[^\x00-\xff]/.test(text)) {
        expect(tokens.map((t) => t.text).join('')).toBe(expected.values.join(''));
        continue;
      }
      expect(tokens.map((t) => t.text)).toEqual(expected.values);
      expect(tokens.map((t) => t.pos)).toEqual(expected.pos);
      expect(tokens.map((t) => t.lemma)).toEqual(expected.lemmas);
      // Every wink sentence end is a sentence end of ours (ours also end at paragraph breaks).
      const ends = new Set(sentences.map((s) => s.end));
      const isWord = doc.tokens().out(its.value).map((v: string) => v.trim() !== '');
      const ourIndex: number[] = [];
      let k = 0;
      for (const w of isWord) ourIndex.push(w ? k++ : -1);
      let checked = 0;
      for (const span of doc.sentences().out(its.span) as unknown as number[][]) {
        let last = span[1];
        while (last >= span[0] && ourIndex[last] < 0) last--;
        if (last < span[0]) continue;
        expect(ends.has(tokens[ourIndex[last]].end)).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    }
  });
});
