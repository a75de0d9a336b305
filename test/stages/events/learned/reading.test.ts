// What the learned coder reads before any model decides: the verb dictionary's readings of a word,
// the noun phrases that may be arguments, the candidate words and what governs them.
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../../../src/pipeline.js';
import { dictionaryMatches, verbLexicon, verbStem } from '../../../../src/stages/events/learned/dictionary.js';
import { complementOf, governorOf, isCandidate, type SentenceContext } from '../../../../src/stages/events/learned/features.js';
import { prepareSentence, viewOptions } from '../../../../src/stages/events/learned/prepare.js';

function context(text: string): SentenceContext {
  const article = annotateText({ id: 't', text, date: '2019-03-01' });
  return prepareSentence(article, 0, viewOptions())!;
}

const word = (ctx: SentenceContext, w: string): number => ctx.view.toks.findIndex((t) => t.text === w);
const phraseTexts = (ctx: SentenceContext): string[] => ctx.phrases.map((p) => ctx.view.toks.slice(p.first, p.last + 1).map((t) => t.text).join(' '));

describe('verb dictionary readings', () => {
  const lex = verbLexicon();

  it("finds a verb's own code under its lemma when the written form is listed elsewhere", () => {
    const ctx = context('Police arrested 20 protesters in Cairo.');
    const codes = dictionaryMatches(lex, ctx.view.toks, word(ctx, 'arrested'), 0, ctx.view.toks.length).map((m) => m.code);
    expect(codes).toContain('173');
  });

  it('reads a phrasal verb only with its particle', () => {
    const out = context('The army pulled out of the town.');
    const stay = context('The army pulled the cart.');
    const via = (ctx: SentenceContext) => dictionaryMatches(lex, ctx.view.toks, word(ctx, 'pulled'), 0, ctx.view.toks.length).filter((m) => m.via === 'phrasal').map((m) => m.code);
    expect(via(out).length).toBeGreaterThan(0);
    expect(via(stay)).toEqual([]);
  });

  it('matches a pattern by the words after the verb, stems included', () => {
    const ctx = context('The minister warned of disastrous consequences.');
    const patterns = dictionaryMatches(lex, ctx.view.toks, word(ctx, 'warned'), 0, ctx.view.toks.length).filter((m) => m.via === 'pattern');
    expect(patterns.map((m) => m.code)).toContain('012');
  });
});

describe('noun phrases as candidate arguments', () => {
  it('gives the possessor and a modifying actor phrases of their own', () => {
    const ctx = context("Russia's foreign minister condemned an Isis ambush near Raqqa.");
    const texts = phraseTexts(ctx);
    expect(texts).toContain("Russia 's");
    expect(texts).toContain('Isis');
    expect(texts.some((t) => t.endsWith('ambush'))).toBe(true);
  });

  it('leaves dates out of phrases', () => {
    const ctx = context('On Sunday Mr Trump threatened Assad.');
    expect(phraseTexts(ctx)).not.toContain('Sunday Mr Trump');
    expect(phraseTexts(ctx)).toContain('Mr Trump');
  });

  it('ends a phrase before a clause opened by "that" and a span of time before a name', () => {
    const sure = phraseTexts(context('The aim is making sure that President Assad does not use chemical weapons.'));
    expect(sure.some((t) => t.startsWith('sure'))).toBe(false);
    expect(sure.some((t) => t.endsWith('Assad'))).toBe(true);
    const years = phraseTexts(context('The president for 30 years Ali Abdullah Saleh was killed by Houthi rebels.'));
    expect(years.some((t) => t.includes('years Ali'))).toBe(false);
    expect(years).toContain('Ali Abdullah Saleh');
  });

  it('codes an agent noun by its sector when no actor is named', () => {
    const ctx = context('Gunmen attacked a bus.');
    const gunmen = ctx.phrases.find((p) => ctx.view.toks[p.head]!.lower === 'gunmen')!;
    expect(gunmen.code?.slice(3)).toBe('UAF');
  });
});

describe('candidates and what governs them', () => {
  it('takes verbs and event nouns as candidates, not function words', () => {
    const ctx = context('The rebels launched an offensive on the town.');
    expect(isCandidate(ctx, word(ctx, 'launched'))).toBe(true);
    expect(isCandidate(ctx, word(ctx, 'offensive'))).toBe(true);
    expect(isCandidate(ctx, word(ctx, 'the'))).toBe(false);
  });

  it('links "threatened to strike" and "urged Iran to release" both ways', () => {
    const t = context('Turkey threatened to strike the militia.');
    expect(governorOf(t.view, word(t, 'strike'))).toBe(word(t, 'threatened'));
    expect(complementOf(t.view, word(t, 'threatened'))).toBe(word(t, 'strike'));
    const u = context('The EU urged Iran to release the prisoners.');
    expect(governorOf(u.view, word(u, 'release'))).toBe(word(u, 'urged'));
  });
});

describe('participles and gerunds the tagger took for nouns', () => {
  const lex = verbLexicon();

  it('stems an inflected form to the dictionary verb it comes from, not a listed word', () => {
    expect(verbStem(lex, 'abducted')).toBe('abduct');
    expect(verbStem(lex, 'tortured')).toBe('torture');
    expect(verbStem(lex, 'pelting')).toBe('pelt');
    expect(verbStem(lex, 'incident')).toBeUndefined();
    expect(verbStem(lex, 'bed')).toBeUndefined();
  });

  it('makes such a word a candidate with the verb\'s readings', () => {
    const ctx = context('The seven traders abducted by militants were freed.');
    const k = word(ctx, 'abducted');
    expect(ctx.view.toks[k]!.pos).not.toBe('VERB');
    expect(isCandidate(ctx, k)).toBe(true);
    expect(dictionaryMatches(lex, ctx.view.toks, k, 0, ctx.view.toks.length).length).toBeGreaterThan(0);
    const plain = context('The seven traders in the market were freed.');
    expect(isCandidate(plain, word(plain, 'market'))).toBe(false);
  });
});
