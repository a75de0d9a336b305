// The HTML path of the clean stage on small hand-written pages (test/fixtures/clean/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../src/stages/clean/index.js';
import type { RawDocument } from '../../../src/model.js';
import { FIXTURES } from '../../fixtures/paths.js';

const PAGES = join(FIXTURES, 'clean');

function html(content: string): RawDocument {
  return { id: 'h', source: 'test', url: null, format: 'html', content, published: null, title: null };
}
function fixture(name: string) {
  return cleanDocument(html(readFileSync(join(PAGES, name), 'utf8')));
}
function paragraphs(text: string): string[] {
  return text.split('\n\n');
}

describe('HTML main text', () => {
  it('keeps the article, drops comments, share bar, byline, date, menu and footer', () => {
    const out = fixture('comments.html');
    expect(out.title).toBe('Lavrov and Kerry meet in Geneva');
    expect(paragraphs(out.text)).toHaveLength(3);
    expect(out.text).toContain('met U.S. Secretary of State John Kerry in Geneva');
    expect(out.text).toContain('while warning that a military build-up would only escalate the conflict.');
    for (const gone of ['worst article', 'previous commenter', 'Post a Comment', 'User Name', 'Share on Facebook', 'By Jane Reporter', 'September 6, 2015', 'Copyright', 'Politics']) {
      expect(out.text).not.toContain(gone);
    }
    expect(out.language).toBe('en');
  });

  it('drops related-links blocks, advertisement labels, navigation and cookie notices', () => {
    const out = fixture('related.html');
    expect(paragraphs(out.text)).toHaveLength(3);
    expect(out.text).toContain('failed on Monday to agree on a new package of sanctions');
    expect(out.text).toContain('until the ceasefire agreed in Minsk was fully respected');
    for (const gone of ['Related stories', 'Minsk talks collapse', 'Advertisement', 'cookies', 'Home']) expect(out.text).not.toContain(gone);
    expect(out.title).toBe('Sanctions debate continues');
  });

  it('drops site chrome in another language than the article and a bare time stamp', () => {
    const out = fixture('german_chrome.html');
    expect(out.text).toContain('The ministers agreed to stay in touch on important issues');
    for (const gone of ['Zusätzliche Materialien', 'Fotoalbum', '1 von 1 Fotos im Album', 'Falsche Datumsangaben', 'Zusätzliche Such-Tools', 'Foto', '19:54']) {
      expect(paragraphs(out.text)).not.toContain(gone);
      expect(out.text).not.toContain(gone);
    }
  });

  it('falls back to the densest block when Readability finds no article', () => {
    const out = fixture('nocontainer.html');
    expect(paragraphs(out.text)).toEqual([
      'The Security Council met in emergency session on Thursday after the attack on the embassy, and members condemned the violence in the strongest terms.',
      'The ambassador said his government would ask for an independent investigation into the events of the night.',
    ]);
  });

  it('keeps a repeated paragraph once', () => {
    const p = '<p>The foreign ministers of France and Germany met their Ukrainian counterpart in Kyiv on Tuesday to discuss the ceasefire.</p>';
    const q = '<p>Both sides said the talks were useful and agreed to meet again next month in Berlin, according to officials.</p>';
    const out = cleanDocument(html(`<html><body><article>${p}${q}${p.replace('Tuesday', 'Tuesday ')}${q}</article></body></html>`));
    expect(paragraphs(out.text)).toHaveLength(2);
  });

  it('never throws on malformed or binary-ish input', () => {
    const inputs = ['', '<', '<<<>>>', '<html><body><p>unclosed <b><i>tags', '\u0000\u0001\u0002\ufffd'.repeat(500), '<svg><script>'.repeat(1000), 'x'.repeat(100000)];
    for (const content of inputs) {
      const out = cleanDocument(html(content));
      expect(typeof out.text).toBe('string');
    }
    expect(cleanDocument(html('\u0000\u0001\u0002'.repeat(300))).text).toBe('');
  });
});
