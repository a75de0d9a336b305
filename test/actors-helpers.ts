// Shared by the actors tests: an Article from plain text (tokenised like the pipeline does, without
// the dates stage), and the five sample articles after a minimal inline cleaning.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/model.js';
import { tokenize } from '../src/nlp/tokenize.js';

export const SEEDS_DIR = join(import.meta.dirname, '..', 'examples', 'seeds');

export function article(text: string, published: string | null = '2015-09-06', id = 't'): Article {
  const { sentences, tokens } = tokenize(text);
  return {
    id, source: id, url: null, title: null, published, language: 'en', day_first: false, text,
    duplicate_of: null, sentences, tokens, entities: [], dates: [],
  };
}

/** Seed text with the obvious page furniture removed: paragraphs kept once, short lines dropped. */
export function seed(prefix: string): Article {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  const expected = JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')).documents[file];
  const seen = new Set<string>();
  const paragraphs = readFileSync(join(SEEDS_DIR, file), 'utf8')
    .replace(/\r/g, '')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.split(' ').length >= 6 && !seen.has(l) && seen.add(l));
  return article(paragraphs.join('\n\n'), expected.published, file);
}
