// A title before a name belongs to that name: "President Trump" is Trump (a famous surname, even one
// that is a common word), and the title is not read again as a description of someone named earlier.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../src/pipeline.js';

function codeOf(text: string, span: string, date = '2019-01-20'): string | null {
  const { entities } = annotateText({ id: 'test', text, date });
  const at = text.indexOf(span);
  return entities.find((e) => e.start < at + span.length && at < e.end)?.code ?? null;
}

describe('a title before a name', () => {
  const text = 'Syrian President Bashar al-Assad spoke in Damascus. Since then President Trump has backtracked.';

  it('resolves a famous surname that is also a common word', () => {
    expect(codeOf(text, 'Trump')).toBe('USAGOV');
  });

  it('is not a description of the president named before', () => {
    const { entities } = annotateText({ id: 'test', text, date: '2019-01-20' });
    const second = text.indexOf('President', 20);
    const onTitle = entities.filter((e) => e.start <= second && second < e.end);
    expect(onTitle.every((e) => e.code !== 'SYRGOV')).toBe(true);
  });

  it('does not make the title someone else when the name after it is unknown', () => {
    const other = 'Foreign Minister Ivan Petrovsky said so on Monday.';
    const { entities } = annotateText({ id: 'test', text: other, date: '2019-01-20' });
    expect(entities.some((e) => e.name === 'Sergey Lavrov')).toBe(false);
    expect(entities.find((e) => other.slice(e.start, e.end) === 'Ivan Petrovsky')?.kind).toBe('PERSON');
  });
});

describe('a title without a name', () => {
  it('is the person named last who held that office then, before the article\'s main country', () => {
    const text =
      'Syrian President Bashar al-Assad spoke in Damascus on Monday. It was the first meeting between Merkel and Putin in several months. ' +
      'The president said he would consult with European partners.';
    expect(codeOf(text, 'The president')).toBe('RUSGOV');
  });

  it('stays the president of the country in view when no one holding the office was named', () => {
    expect(codeOf('Syrian President Bashar al-Assad spoke in Damascus. Later the president said he would fight on.', 'the president')).toBe('SYRGOV');
  });
});

describe('a group owned through "of"', () => {
  it('takes the country of its complement before the country of a place in the sentence', () => {
    const text = 'The families of two British men killed fighting Islamic State in Syria have condemned a report.';
    expect(codeOf(text, 'The families')).toBe('GBRCVL');
    expect(codeOf('Relatives of Syrian detainees protested in Berlin.', 'Relatives')).toBe('SYRCVL');
  });
});
