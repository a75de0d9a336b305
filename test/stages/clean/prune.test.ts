// Pruning site chrome before the article is picked: what a <figure> holds decides whether it is text.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/stages/clean/dom.js';
import { pruneChrome } from '../../../src/stages/clean/prune.js';

const story = '<p>The ministers met in Geneva on Monday and agreed to continue their talks on the ceasefire next week, officials said.</p>';

function pruned(body: string): string {
  const doc = parseDocument(`<html><body><article>${story}${body}${story}</article></body></html>`)!;
  pruneChrome(doc);
  return doc.body.textContent ?? '';
}

describe('pruneChrome and figures', () => {
  it('keeps a figure holding a table, a quotation or a listing: it is part of the text', () => {
    expect(pruned('<figure class="wp-block-table"><table><tr><td>Pros</td><td>Cons</td></tr></table></figure>')).toContain('Pros');
    expect(pruned('<figure><blockquote>We will meet again.</blockquote><figcaption>The minister</figcaption></figure>')).toContain('We will meet again.');
    expect(pruned('<figure><pre>npm run build</pre></figure>')).toContain('npm run build');
  });

  it('removes a picture with its caption', () => {
    const text = pruned('<figure><img src="a.jpg"><p>Photo: the ministers in Geneva</p></figure>');
    expect(text).not.toContain('Photo: the ministers');
    expect(text).toContain('ceasefire');
  });
});
