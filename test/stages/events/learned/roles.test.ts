// Grammatical roles the argument rankers read: the subject of a verb past relative clauses,
// appositions and coordinated predicates; the by-phrase of a passive; the noun a participle modifies.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../../src/pipeline.js';
import { speakersOf, type SentenceContext } from '../../../../src/stages/events/learned/features.js';
import { prepareSentence, viewOptions } from '../../../../src/stages/events/learned/prepare.js';
import { byAgentOf, modifiedBy, subjectOf } from '../../../../src/stages/events/learned/roles.js';

function context(text: string): SentenceContext {
  const article = annotateText({ id: 't', text, date: '2019-03-01' });
  return prepareSentence(article, 0, viewOptions())!;
}

const word = (ctx: SentenceContext, w: string): number => ctx.view.toks.findIndex((t) => t.text === w);
const text = (ctx: SentenceContext, p: number): string | null => (p < 0 ? null : ctx.view.toks.slice(ctx.phrases[p]!.first, ctx.phrases[p]!.last + 1).map((t) => t.text).join(' '));

describe('the subject of a verb', () => {
  it('skips a restrictive relative clause and its object', () => {
    const ctx = context('The Kurdish militia that fought the jihadists condemned the Turkish attack.');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'condemned')))).toBe('The Kurdish militia');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'fought')))).toBe('The Kurdish militia');
  });

  it('skips a relative clause between commas', () => {
    const ctx = context('The rebels, who had seized the village last year, attacked an army convoy.');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'attacked')))).toBe('The rebels');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'seized')))).toBe('The rebels');
  });

  it('skips an apposition', () => {
    const ctx = context('Mr Putin, the Russian president, met the Egyptian leader in Cairo.');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'met')))).toBe('Mr Putin');
  });

  it('gives a coordinated predicate the subject of the first', () => {
    const ctx = context('The opposition party condemned the raid and demanded an inquiry.');
    expect(text(ctx, subjectOf(ctx, word(ctx, 'demanded')))).toBe('The opposition party');
  });

  it('finds none when the clause opens with the verb', () => {
    const ctx = context('Attacked at dawn, the convoy turned back.');
    expect(subjectOf(ctx, word(ctx, 'Attacked'))).toBe(-1);
  });
});

describe('by-phrases and participles', () => {
  it('reads the by-phrase of a passive', () => {
    const ctx = context('The strikes had probably been carried out by the Syrian air force.');
    expect(text(ctx, byAgentOf(ctx, word(ctx, 'carried')))).toBe('the Syrian air force');
    expect(byAgentOf(ctx, word(ctx, 'strikes'))).toBe(-1);
  });

  it('finds the noun a participle modifies, not the subject of a finite verb', () => {
    const accused = context('Police arrested three British men accused of being members of Isis.');
    expect(text(accused, modifiedBy(accused, word(accused, 'accused')))).toBe('three British men');
    const finite = context('The Kurdish militia that fought the jihadists condemned the attack.');
    expect(modifiedBy(finite, word(finite, 'condemned'))).toBe(-1);
  });
});

describe('who reports an event', () => {
  it('finds the speaker of the frame holding the event, named or not', () => {
    const ctx = context('Rami Abdurrahman said the strikes had been carried out by the Syrian air force.');
    const speakers = [...speakersOf(ctx, word(ctx, 'carried'))].map((p) => text(ctx, p));
    expect(speakers).toEqual(['Rami Abdurrahman']);
    expect(speakersOf(ctx, word(ctx, 'said')).size).toBe(0);
  });

  it('finds none outside reported speech', () => {
    const ctx = context('The Syrian air force bombed the town.');
    expect(speakersOf(ctx, word(ctx, 'bombed')).size).toBe(0);
  });
});

describe('speakers after the event', () => {
  it('takes the phrase before or after a closing speech verb', () => {
    const a = context('The strikes were carried out by the Syrian air force, the monitoring group said.');
    expect([...speakersOf(a, word(a, 'carried'))].map((p) => text(a, p))).toEqual(['the monitoring group']);
    const b = context('The army shelled the village on Monday, said a western diplomat.');
    expect([...speakersOf(b, word(b, 'shelled'))].map((p) => text(b, p))).toEqual(['a western diplomat']);
  });
});
