// Unit tests of the clean stage's parts: line classifier, wrapped-line joining, dedupe, language.
import { describe, expect, it } from 'vitest';
import { classifyBlocks, scoreBlock } from '../../../src/stages/clean/boilerplate.js';
import { expandCore } from '../../../src/stages/clean/expand.js';
import { detectLanguage } from '../../../src/stages/clean/language.js';
import { dedupeParagraphs, rejoinWrapped } from '../../../src/stages/clean/paragraphs.js';
import { extractPlainText } from '../../../src/stages/clean/text.js';

const SENTENCES = [
  'The foreign minister said on Monday that the talks in Geneva had produced no agreement on a ceasefire.',
  'Officials from both delegations are expected to meet again later this month in Vienna, diplomats said.',
  'The United Nations envoy urged all parties to allow humanitarian convoys to reach the besieged areas.',
  'Opposition groups rejected the proposal and said they would not attend the next round of negotiations.',
];

describe('boilerplate classifier', () => {
  it('scores interface lines as boilerplate and real sentences as text', () => {
    for (const ui of ['Share', 'Advertisement', 'Post a Comment', 'No comments:', 'Print E-mail Bookmark and Share', '19:54', '--', 'Adjust font size:']) {
      expect(scoreBlock({ text: ui }, 'en').score, ui).toBeGreaterThanOrEqual(2);
    }
    for (const s of SENTENCES) expect(scoreBlock({ text: s }, 'en').score).toBeLessThan(2);
  });

  it('treats link-heavy blocks as boilerplate', () => {
    const text = 'Minsk talks collapse as shelling resumes';
    expect(scoreBlock({ text, linkChars: text.length }, 'en').score).toBeGreaterThan(scoreBlock({ text, linkChars: 0 }, 'en').score);
  });

  it('uses position: a short line is kept inside the body but dropped after it', () => {
    const blocks = [SENTENCES[0]!, 'Background', SENTENCES[1]!, SENTENCES[2]!, SENTENCES[3]!, 'Only News'].map((text) => ({ text }));
    expect(classifyBlocks(blocks, 'en')).toEqual([true, true, true, true, true, false]);
  });

  it('cuts a comment form at the end of the document, sentences inside it included', () => {
    const lines = [...SENTENCES, 'Add your comments...', 'Racist, abusive and off-topic comments may be removed by the moderator.', 'Send'];
    const keep = classifyBlocks(lines.map((text) => ({ text })), 'en');
    expect(keep).toEqual([true, true, true, true, false, false, false]);
  });
});

describe('paragraph utilities', () => {
  it('re-joins hard-wrapped lines but not separate sentences', () => {
    expect(rejoinWrapped(['The minister said the talks', 'would continue next week.', 'Nothing else was agreed.'])).toEqual([
      'The minister said the talks would continue next week.',
      'Nothing else was agreed.',
    ]);
    expect(rejoinWrapped(['as the Russian Air Force cuts off traditional smuggling routes, says', 'Russian Foreign Minister Sergey Lavrov.'])).toHaveLength(1);
    expect(rejoinWrapped(['Related:', 'Kerry and Lavrov agreed to talk.'])).toHaveLength(2);
    // All-caps wire copy: no lower case to go by, so every line not ending a sentence continues.
    expect(rejoinWrapped(['THE SALVADORAN', 'ARMY IS ON A STATE OF ALERT AND HAS INCREASED ITS SURVEILLANCE IN SAN', 'SALVADOR TO COUNTER A NEW GUERRILLA OFFENSIVE.', 'THE REPORT WAS CONFIRMED.'])).toEqual([
      'THE SALVADORAN ARMY IS ON A STATE OF ALERT AND HAS INCREASED ITS SURVEILLANCE IN SAN SALVADOR TO COUNTER A NEW GUERRILLA OFFENSIVE.',
      'THE REPORT WAS CONFIRMED.',
    ]);
  });

  it('keeps repeated and near-identical paragraphs once', () => {
    const a = 'Kerry made his views known to his Russian counterpart during a telephone conversation on Saturday.';
    const nearA = 'Kerry made his views known to his Russian counterpart during a telephone conversation Saturday.';
    const b = 'The two men discussed the situation in Syria and the fight against terrorist groups in the region.';
    expect(dedupeParagraphs([a, b, a.replace(/ /g, '  '), nearA, b.toUpperCase()])).toEqual([a, b]);
    expect(dedupeParagraphs(['Short.', 'Other short.', 'Short.'])).toEqual(['Short.', 'Other short.']);
  });

  it('takes a headline-like first paragraph as the title', () => {
    const out = extractPlainText(['Russia and US fail to agree on Syria', '', ...SENTENCES].join('\n'));
    expect(out.title).toBe('Russia and US fail to agree on Syria');
  });
});

describe('language', () => {
  it('detects the language of running text and gives null for very short text', () => {
    expect(detectLanguage(SENTENCES.join(' '))).toBe('en');
    expect(detectLanguage('Die Außenminister haben sich am Montag in Genf getroffen und über die Lage in Syrien gesprochen.')).toBe('de');
    expect(detectLanguage('OK')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('growing Readability\'s pick', () => {
  const para = (i: number) => ({
    text: `Paragraph ${i}: the delegations met again on Tuesday and said the talks about the ceasefire and the prisoner exchange had made progress.`,
    linkChars: 0,
  });
  const menu = (t: string) => ({ text: t, linkChars: t.length });

  it('takes back the intro above the container and stops at the first run of chrome', () => {
    const body = [menu('Home'), menu('World'), menu('Politics'), menu('Sport'), para(0), { text: 'The talks in detail', linkChars: 0 }, para(1), para(2), para(3), menu('Share'), menu('Tweet'), menu('Email'), menu('Print'), para(9)];
    const out = expandCore(body, [para(1), para(2), para(3)], 'en').map((b) => b.text);
    expect(out).toContain(para(0).text);
    expect(out).toContain('The talks in detail');
    expect(out).not.toContain(para(9).text);
    expect(out).not.toContain('Home');
  });

  it('takes back the headings Readability dropped between its paragraphs, but not links there', () => {
    const body = [para(0), { text: 'The prisoner exchange in detail', linkChars: 0 }, para(1), menu('Read more about Geneva'), para(2)];
    const out = expandCore(body, [para(0), para(1), para(2)], 'en').map((b) => b.text);
    expect(out).toContain('The prisoner exchange in detail');
    expect(out).not.toContain('Read more about Geneva');
  });

  it('replaces a pick that is a long list of names when the story is elsewhere', () => {
    const names = Array.from({ length: 60 }, (_, i) => ({ text: `Member ${i} of Parliament`, linkChars: 0 }));
    const story = [para(0), para(1), para(2), para(3)];
    const out = expandCore([...story, menu('Contact your MP'), ...names], names, 'en').map((b) => b.text);
    for (const p of story) expect(out).toContain(p.text);
    expect(out).not.toContain('Member 5 of Parliament');
  });
});

describe('a story on one line', () => {
  it('keeps a long single-line story that contains a few bullet separators and ends with a promo', async () => {
    const { cleanDocument } = await import('../../../src/stages/clean/index.js');
    const sentence = 'The minister said the talks in Geneva had made progress on the ceasefire and on aid to the besieged towns. ';
    const text = sentence.repeat(30) + 'Some names have been changed. • As told to a reporter. • Do you have an experience to share? Email us.';
    const clean = cleanDocument({ id: 'x', source: 'x', url: null, format: 'text', content: text, published: null, title: null });
    expect(clean.text).toContain('The minister said the talks in Geneva');
    expect(clean.text.length).toBeGreaterThan(text.length / 2);
  });
});
