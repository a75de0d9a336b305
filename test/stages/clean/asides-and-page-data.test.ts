// HTML extraction beyond the main container: calls to action, captions and author bios dropped; text
// recovered from a page's data (JSON-LD, embedded JSON) and from comment sections when the DOM
// holds nothing else; state-flag class names not mistaken for chrome.
import { describe, expect, it } from 'vitest';
import { scoreBlock } from '../../../src/stages/clean/boilerplate.js';
import { embeddedTextParagraphs, linkedDataParagraphs } from '../../../src/stages/clean/html.js';
import { cleanDocument } from '../../../src/stages/clean/index.js';
import type { RawDocument } from '../../../src/model.js';

const html = (content: string): RawDocument => ({ id: 'h', source: 'test', url: null, format: 'html', content, published: null, title: null });
const extract = (content: string): string => cleanDocument(html(content)).text;

const STORY = [
  'The foreign ministers of France and Germany met their Ukrainian counterpart in Kyiv on Tuesday to discuss the ceasefire in the east of the country.',
  'Both sides said the talks had been useful and agreed to meet again next month in Berlin, according to officials familiar with the negotiations.',
  'The ministers also discussed humanitarian access to the besieged towns, where aid convoys have been blocked for weeks by fighting on both sides.',
  'A joint statement is expected later this week, after the delegations have consulted their governments on the wording of the final communique.',
];
const page = (extra: string, before = ''): string =>
  `<html><head><title>Talks in Kyiv</title></head><body><article><h1>Talks in Kyiv</h1>${before}${STORY.map((s) => `<p>${s}</p>`).join('')}${extra}</article></body></html>`;

describe('asides dropped from the article', () => {
  it('drops closing calls to action written as sentences, keeps the story', () => {
    const out = extract(page('<p>Subscribe now to our print edition for the full story.</p><p>For the latest breaking news updates download our apps for iOS and Android.</p>'));
    for (const s of STORY) expect(out).toContain(s);
    expect(out).not.toContain('Subscribe now');
    expect(out).not.toContain('download our apps');
  });

  it('scores a call to action above the same length of reporting', () => {
    const call = scoreBlock({ text: 'Never miss the latest news by signing up to our newsletter today, and follow us on Twitter and Facebook!' }, 'en');
    const report = scoreBlock({ text: 'The minister said on Twitter that the delegation would not sign the agreement before the end of the month.' }, 'en');
    expect(call.score).toBeGreaterThanOrEqual(2);
    expect(report.score).toBeLessThan(2);
  });

  it('drops a caption that ends on its picture credit and a closing author bio', () => {
    const caption = '<p>The foreign ministers shake hands before the talks in Kyiv on Tuesday. © AFP / Sergei Supinsky</p>';
    const bio = '<p>Jane Doe is a correspondent covering European diplomacy for the Example Post from Brussels.</p>';
    const out = extract(page(bio, caption));
    for (const s of STORY) expect(out).toContain(s);
    expect(out).not.toContain('Supinsky');
    expect(out).not.toContain('Jane Doe');
  });

  it('scores captions by their form: credit at the end, a figure label, people pointed at in the picture', () => {
    for (const caption of [
      'Lee Elder at the Masters in 1975, the first black player there. | © Augusta National/Getty Images',
      'Figure 2: Snow depth on the glacier compared with the model, in centimetres.',
      'Foreign Minister Sergey Lavrov (right) greets his counterpart at the start of the talks in Geneva.',
    ]) {
      expect(scoreBlock({ text: caption }, 'en').score, caption).toBeGreaterThanOrEqual(2);
    }
    expect(scoreBlock({ text: STORY[0]! }, 'en').score).toBeLessThan(2);
  });

  it('keeps a reader-addressing sentence in the middle of the article', () => {
    const middle = 'If you live near the front line, the ministers said, you should follow the advice of the local authorities and leave.';
    const out = extract(`<html><body><article>${[STORY[0], STORY[1], middle, STORY[2], STORY[3]].map((s) => `<p>${s}</p>`).join('')}</article></body></html>`);
    expect(out).toContain(middle);
  });
});

describe('text from the page data', () => {
  const body = STORY.join('\n');

  it('reads the longest articleBody of JSON-LD, markup or not, and ignores malformed JSON', () => {
    expect(linkedDataParagraphs(['{ broken', JSON.stringify({ '@graph': [{ articleBody: 'short' }, { articleBody: body }] })])).toEqual(STORY);
    expect(linkedDataParagraphs([JSON.stringify({ articleBody: '<p>One paragraph here.</p><p>Another one.</p>' })])).toEqual(['One paragraph here.', 'Another one.']);
  });

  it('uses the JSON-LD articleBody when the DOM is an empty shell, not when it holds the article', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script>`;
    const shell = extract(`<html><head>${ld}</head><body><div id="app"><p>Loading…</p></div></body></html>`);
    for (const s of STORY) expect(shell).toContain(s);
    const full = extract(page('', '').replace('<head>', `<head>${ld.replace('Kyiv', 'Kiev')}`));
    expect(full).toContain(STORY[0]); // the DOM text, not the (differently spelled) data
  });

  it('reads prose strings of embedded JSON on a page rendered by script, skipping code and identifiers', () => {
    const state = { content: STORY.map((text) => ({ text: `<p>${text}</p>` })), config: { api: 'https://example.org/v1/endpoint?x=1', fn: 'function (a) { return a; }' } };
    const paragraphs = embeddedTextParagraphs([`window.__STATE__ = ${JSON.stringify(state)};`]);
    expect(paragraphs).toEqual(STORY);
    const out = extract(`<html><body><div id="root"></div><script>window.__STATE__ = ${JSON.stringify(state)};</script></body></html>`);
    for (const s of STORY) expect(out).toContain(s);
  });
});

describe('pruning', () => {
  it('keeps comment sections when they are all the page has (a forum thread)', () => {
    const posts = STORY.map((s, i) => `<div class="comment-body" id="post${i}"><p>${s}</p></div>`).join('');
    const out = extract(`<html><body><nav><a href="/">Home</a></nav><div class="comments">${posts}</div></body></html>`);
    for (const s of STORY) expect(out).toContain(s);
  });

  it('still drops comments under a real article', () => {
    const comment = '<div class="comments"><p>I completely disagree with this article and think the ministers are wasting everyone’s time in Kyiv again.</p></div>';
    expect(extract(page('') + comment)).not.toContain('completely disagree');
    expect(extract(page(comment))).not.toContain('completely disagree');
  });

  it('does not take state flags ("has-sharing") for chrome names', () => {
    const standfirst = 'Heat pumps are booming: sales rose by half last year as households looked for ways to cut their gas bills.';
    const out = extract(page('', `<header class="article-header has-sharing"><p class="abstract">${standfirst}</p></header>`));
    expect(out).toContain(standfirst);
  });
});
