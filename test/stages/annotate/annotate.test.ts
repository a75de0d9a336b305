import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../../src/lang/tokenize.js';
import { annotate } from '../../../src/stages/annotate/index.js';
import { ROOT } from '../../fixtures/paths.js';

const SEEDS = join(ROOT, 'examples', 'seeds');
const seedTexts = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));

describe('tokenize', () => {
  it('gives every token its exact character offsets, on all five seeds', () => {
    for (const text of seedTexts) {
      const { tokens, sentences } = tokenize(text);
      expect(tokens.length).toBeGreaterThan(300);
      let last = 0;
      for (const t of tokens) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeGreaterThanOrEqual(last);
        last = t.end;
        const s = sentences[t.sentence];
        expect(t.start >= s.start && t.end <= s.end).toBe(true);
      }
      for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('never keeps whitespace tokens and fills POS and lemma', () => {
    const { tokens } = tokenize('Russia\'s Foreign Ministry said\n\nKerry was meeting officials.');
    expect(tokens.every((t) => t.text.trim() !== '')).toBe(true);
    const said = tokens.find((t) => t.text === 'said')!;
    expect(said.pos).toBe('VERB');
    expect(said.lemma).toBe('say');
    expect(tokens.find((t) => t.text === 'officials')!.lemma).toBe('official');
    expect(tokens.find((t) => t.text === 'Russia')!.pos).toBe('PROPN');
  });

  it('ends a sentence at every paragraph break, even without punctuation', () => {
    const text = 'Russia: no basis for dramatic statements after Lavrov, Kerry meeting\n\nThe exchange came after talks.\nIt ended.';
    const { sentences } = tokenize(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Russia: no basis for dramatic statements after Lavrov, Kerry meeting',
      'The exchange came after talks.',
      'It ended.',
    ]);
  });

  it('keeps words with non-Latin-1 letters whole (wink splits "Erdoğan")', () => {
    const text = 'Recep Tayyip Erdoğan met Mevlüt Çavuşoğlu.';
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Recep', 'Tayyip', 'Erdoğan', 'met', 'Mevlüt', 'Çavuşoğlu', '.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps sentence indices in order and handles empty text', () => {
    expect(tokenize('')).toEqual({ sentences: [], tokens: [] });
    const { tokens, sentences } = tokenize('One. Two three. Four.');
    expect(sentences).toHaveLength(3);
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 1, 1, 1, 2, 2]);
  });
});

describe('annotate', () => {
  it('keeps the base fields and leaves entities to the actors stage', () => {
    const base = {
      id: 'a', source: 's', url: null, title: 'T', published: '2015-09-06', language: 'en', day_first: false,
      text: 'Kerry spoke to Lavrov on Saturday.', duplicate_of: null,
    };
    const a = annotate(base);
    expect(a.id).toBe('a');
    expect(a.title).toBe('T');
    expect(a.tokens.map((t) => t.text)).toContain('Lavrov');
    expect(a.sentences).toHaveLength(1);
    expect(a.entities).toEqual([]);
    expect(Array.isArray(a.dates)).toBe(true);
  });
});

describe('lemmas', () => {
  it('every token has a lemma, also a "cannot" wink leaves whole before punctuation', async () => {
    const { tokenize } = await import('../../../src/lang/tokenize.js');
    const { tokens } = tokenize('The upward trend cannot. The government cannot, and will not, allow it.');
    for (const t of tokens) expect(typeof t.lemma, t.text).toBe('string');
    expect(tokens.filter((t) => t.text === 'cannot').map((t) => t.lemma)).toEqual(['cannot', 'cannot']);
  });
});
