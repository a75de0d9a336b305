// Acceptance for the clean stage on the five sample articles (examples/seeds/expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../src/stages/clean/index.js';
import { paragraphKey } from '../../../src/stages/clean/paragraphs.js';
import type { RawDocument } from '../../../src/model.js';
import { expected, SEEDS } from '../../fixtures/seeds/expected.js';

function raw(file: string): RawDocument {
  return { id: file, source: file, url: null, format: 'text', content: readFileSync(join(SEEDS, file), 'utf8'), published: null, title: null };
}

/** Text with typographic quotes made straight, so expectations written with ' match ’. */
function plain(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

describe.each(Object.entries(expected.documents))('seed %s', (file, doc) => {
  const clean = doc.clean ?? {};
  const out = cleanDocument(raw(file));
  const text = plain(out.text);
  const paragraphs = text.split('\n\n');

  it('keeps the body text', () => {
    expect(text.length).toBeGreaterThan(300);
    for (const keep of clean.keep ?? []) expect(text).toContain(plain(keep));
  });

  it('drops boilerplate lines', () => {
    for (const drop of clean.drop ?? []) {
      const d = plain(drop).trim();
      // Gone as a paragraph of its own, and not the start of one either (it may occur inside a sentence).
      for (const p of paragraphs) {
        expect(p.trim() === d || (p.startsWith(d) && p.length < d.length + 40), `"${d}" survived as "${p}"`).toBe(false);
      }
    }
  });

  it('keeps each paragraph once', () => {
    const keys = paragraphs.map(paragraphKey);
    expect(new Set(keys).size).toBe(keys.length);
    if (clean.body_paragraphs_appear_once) {
      // Every sentence-length source line appears in exactly one output paragraph.
      const lines = plain(raw(file).content).split('\n').filter((l) => l.trim().split(/\s+/).length >= 15);
      for (const line of lines) {
        const probe = line.trim().slice(0, 60);
        expect(paragraphs.filter((p) => p.includes(probe)).length, probe).toBe(1);
      }
    }
  });

  it('paragraphs are separated by blank lines and carry no stray white space', () => {
    for (const p of paragraphs) {
      expect(p).toBe(p.trim());
      expect(p).not.toMatch(/\n/);
    }
  });

  it('identifies the language', () => {
    expect(out.language).toBe('en');
  });
});

describe('hard-wrapped plain text', () => {
  it('re-joins lines wrapped mid-sentence into one paragraph', () => {
    const out = cleanDocument(raw('002_1f0eaba275a853a5.txt'));
    expect(out.text).toContain(
      'The leaders of Islamic State maintain a constant liaison with the Turkish government, working out a new approach',
    );
    expect(out.text).toContain('says Russian Foreign Minister Sergey Lavrov.');
    expect(out.text).toContain('Moscow has intelligence that Islamic State');
  });
});
