// An article without a publication date is read as of the latest day its own text names (a
// dateline, "on 10 January 1990"), so that dated roles fit its time, not today's.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../src/pipeline.js';

function codeOf(text: string, span: string): string | null {
  const { entities } = annotateText({ id: 't', text, date: null });
  return entities.find((e) => e.text === span)?.code ?? null;
}

describe('undated articles', () => {
  it('take the date their text names', () => {
    expect(codeOf('SAN SALVADOR, 12 JAN 90 (RADIO) -- THE FMLN ATTACKED AN ARMY POST.', 'FMLN')).toBe('SLVREB');
    expect(codeOf('SAN SALVADOR, 12 JAN 2010 -- THE FMLN WON THE VOTE.', 'FMLN')).toBe('SLVPTY');
  });

  it('without a date in the text, are read as of today', () => {
    expect(codeOf('The FMLN won the vote in San Salvador.', 'FMLN')).toBe('SLVPTY');
  });
});
