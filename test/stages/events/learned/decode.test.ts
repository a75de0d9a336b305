// What the decoder makes of the trigger model's readings: an action demanded, threatened, refused
// or promised in a finite complement is the content of that event, not an event of its own.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../../src/pipeline.js';
import { decodeSentence } from '../../../../src/stages/events/learned/decode.js';
import { clauseGovernorOf, type SentenceContext } from '../../../../src/stages/events/learned/features.js';
import { loadCoderModels } from '../../../../src/stages/events/learned/model.js';
import { prepareSentence, viewOptions } from '../../../../src/stages/events/learned/prepare.js';
import { reducedRelativeOf } from '../../../../src/stages/events/learned/roles.js';

function context(text: string): SentenceContext {
  const article = annotateText({ id: 't', text, date: '2019-03-01' });
  return prepareSentence(article, 0, viewOptions())!;
}

const word = (ctx: SentenceContext, w: string): number => ctx.view.toks.findIndex((t) => t.text === w);

describe('the verb whose complement holds an action', () => {
  it('finds a demand, threat or promise over a that-clause or a modal clause', () => {
    const demand = context('The opposition demanded that the president resign.');
    expect(clauseGovernorOf(demand.view, word(demand, 'resign'))).toBe(word(demand, 'demanded'));
    const vow = context('Mr Pompeo vowed the US would expel every Iranian soldier from Syria.');
    expect(clauseGovernorOf(vow.view, word(vow, 'expel'))).toBe(word(vow, 'vowed'));
  });

  it('leaves speech and plain sequences alone', () => {
    const said = context('The ministry said that the rebels attacked the convoy.');
    expect(clauseGovernorOf(said.view, word(said, 'attacked'))).toBe(-1);
    const plain = context('The army demanded the town and shelled it.');
    expect(clauseGovernorOf(plain.view, word(plain, 'shelled'))).toBe(-1);
  });
});

describe('decoding with the shipped models', () => {
  it('codes the demand, not the demanded resignation as done', () => {
    const models = loadCoderModels()!;
    const ctx = context('The opposition demanded that the president resign.');
    const events = decodeSentence(ctx, models).map((e) => ({ word: ctx.view.toks[e.word]!.text, type: e.type }));
    expect(events).toContainEqual({ word: 'demanded', type: 'REQUEST' });
    expect(events.some((e) => e.word === 'resign')).toBe(false);
  });
});

describe('a reduced passive relative', () => {
  it('makes the phrase it modifies the target, with no source unless a by-phrase names one', () => {
    const models = loadCoderModels()!;
    const ctx = context('Police arrested three British men accused of being members of Isis.');
    const text = (p: { first: number; last: number } | null): string | null => (p ? ctx.view.toks.slice(p.first, p.last + 1).map((t) => t.text).join(' ') : null);
    const accused = decodeSentence(ctx, models).find((e) => ctx.view.toks[e.word]!.text === 'accused');
    expect(accused).toBeDefined();
    expect(text(accused!.target)).toBe('three British men');
    expect(accused!.source).toBeNull();
  });

  it('reads only a participle after an object or with a by-phrase as one', () => {
    const object = context('Police arrested three men accused of smuggling.');
    expect(reducedRelativeOf(object, word(object, 'accused'))).toBeGreaterThanOrEqual(0);
    const agent = context('Two soldiers wounded by a sniper were taken to hospital.');
    expect(reducedRelativeOf(agent, word(agent, 'wounded'))).toBeGreaterThanOrEqual(0);
    const subject = context('Rebels attacked in the night.');
    expect(reducedRelativeOf(subject, word(subject, 'attacked'))).toBe(-1);
  });
});
