// Acceptance: examples/seeds/expected.json (the five sample articles) through the real pipeline.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileDocuments, isProblem } from '../../src/ingest/index.js';
import type { Event, RawDocument } from '../../src/model.js';
import { processDocument, type Processed } from '../../src/pipeline.js';
import { expected, matchesMust, SEEDS } from '../fixtures/seeds/expected.js';

async function load(file: string): Promise<Processed> {
  for await (const item of readFileDocuments(join(SEEDS, file))) {
    if (isProblem(item)) throw new Error(item.error);
    return processDocument(item as RawDocument);
  }
  throw new Error(`no document in ${file}`);
}

function describeEvent(e: Event): string {
  return `${e.date} ${e.source}->${e.target} ${e.negated ? 'NOT ' : ''}${e.type}${e.hypothetical ? '?' : ''} mode=${e.mode} loc=${e.location} by=${e.claimed_by} actors=${e.actors.join('|')} :: ${e.evidence.text.slice(0, 90)}`;
}

for (const [file, exp] of Object.entries(expected.documents)) {
  describe(`seed ${file}`, () => {
    const processed = load(file);

    if (exp.published !== undefined) {
      it(`publication date is ${exp.published}`, async () => {
        expect((await processed).article.published).toBe(exp.published);
      });
    }

    it('keeps the body text and drops the boilerplate', async () => {
      const { text } = (await processed).article;
      for (const keep of exp.clean.keep ?? []) expect(text).toContain(keep);
      const lines = text.split('\n').map((l) => l.trim());
      for (const drop of exp.clean.drop ?? []) {
        // A one-word UI label ("Share") may legitimately occur inside a sentence; as a line it is chrome.
        if (/\s/.test(drop.trim())) expect(text).not.toContain(drop);
        else expect(lines).not.toContain(drop);
      }
    });

    if (exp.clean.body_paragraphs_appear_once) {
      it('repeated body paragraphs appear once', async () => {
        const { text } = (await processed).article;
        const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 60);
        expect(paragraphs.length).toBeGreaterThan(2);
        for (const p of paragraphs) expect(text.split(p).length - 1, p).toBe(1);
      });
    }

    for (const m of exp.must) {
      const label = `${m.negated ? 'NOT ' : ''}${m.type} ${m.source}->${m.target}${m.date ? ' on ' + m.date : ''}${m.mode ? ' by ' + m.mode : ''}${m.location ? ' in ' + m.location : ''}${m.note ? ` (${m.note})` : ''}`;
      it(`codes ${label}`, async () => {
        const { article, events } = await processed;
        const hit = events.find((e) => matchesMust(e, m));
        expect(hit, `no event matches; coded:\n${events.map(describeEvent).join('\n')}`).toBeDefined();
        // The evidence is the exact sentence in the clean text.
        expect(article.text.slice(hit!.evidence.start, hit!.evidence.end)).toBe(hit!.evidence.text);
      });
    }
  });
}
