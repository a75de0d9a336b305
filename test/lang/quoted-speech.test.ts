import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/lang/tokenize.js';

const sentences = (text: string): string[] => tokenize(text).sentences.map((s) => s.text);

describe('a quoted question or exclamation and its attribution', () => {
  it('stay one sentence when the speaker and a speech verb follow the quote', () => {
    expect(sentences('“Why are you still there?” Erdoğan demanded, according to the account. Turkey withdrew.')).toEqual([
      '“Why are you still there?” Erdoğan demanded, according to the account.',
      'Turkey withdrew.',
    ]);
    expect(sentences('"Stop!" he shouted. Police came.')).toEqual(['"Stop!" he shouted.', 'Police came.']);
    expect(sentences('“We will win!” said the minister on Monday.')).toEqual(['“We will win!” said the minister on Monday.']);
    expect(sentences('“Why?” The foreign minister Sergei Lavrov asked reporters.')).toHaveLength(1);
  });

  it('are two sentences when what follows is no attribution', () => {
    expect(sentences('“What now?” The talks resumed on Monday.')).toEqual(['“What now?”', 'The talks resumed on Monday.']);
    expect(sentences('“Is it over?” The war continued for a year.')).toHaveLength(2);
  });

  it('are never joined across a paragraph break', () => {
    expect(sentences('“Is it over?” \n\nErdoğan demanded an answer.')).toHaveLength(2);
  });

  it('keep exact offsets into the text', () => {
    const text = 'A. “Why?” Erdoğan asked. B.';
    for (const s of tokenize(text).sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
