// Call-to-action words that are the article's subject do not make its paragraphs calls to action.
import { describe, expect, it } from 'vitest';
import { classifyBlocks, HTML_CLASSIFIER, topicalCallWords } from '../../../src/stages/clean/boilerplate.js';

const long = (topic: string): string =>
  `Streaming to ${topic} reaches a large audience, and the platform rewards regular schedules with more reach over time. ` +
  `Creators who plan their shows, test their equipment and answer questions from viewers grow faster than those who improvise, ` +
  `and most of them use ${topic} together with other platforms to reach people where they already spend their evenings. ` +
  'Audiences also return more often when a show starts at the same hour every week, experienced hosts say.';

describe('topical call words', () => {
  it('are the call words used by two or more long paragraphs', () => {
    const blocks = [{ text: long('YouTube and Facebook') }, { text: long('YouTube') }, { text: 'Follow us on Facebook.' }];
    expect([...topicalCallWords(blocks)].sort()).toEqual(['youtube']);
  });

  it('let a short paragraph about the subject stay, while a sign-up call on another page goes', () => {
    const short = 'Live streaming platforms like YouTube Live and Facebook Live have an audience you can subscribe to.';
    const about = [{ text: long('YouTube and Facebook') }, { text: short }, { text: long('YouTube, Facebook and subscribers') }];
    expect(classifyBlocks(about, 'en', HTML_CLASSIFIER)[1]).toBe(true);
    const elsewhere = [{ text: long('the radio') }, { text: short }, { text: long('the television') }];
    expect(classifyBlocks(elsewhere, 'en', HTML_CLASSIFIER)[1]).toBe(false);
  });
});
