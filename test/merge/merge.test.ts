import { describe, expect, it } from 'vitest';
import { contestedLine, describeContradiction, mergeEvents, syndicationRoots } from '../../src/merge/index.js';
import { dateBounds, dayNumber } from '../../src/date-values.js';
import { makeArticle, makeEvent } from '../fixtures/store/make.js';

const noDup = () => null;
const a1 = makeArticle('a1', 'Kerry met Lavrov in Paris. They agreed to cooperate. Lavrov said there was no agreement.');
const a2 = makeArticle('a2', 'Lavrov and Kerry held talks in Paris on Tuesday.');
const a3 = makeArticle('a3', 'Lavrov and Kerry held talks in Paris on Tuesday, a copy.');

describe('dates', () => {
  it('reads day, month and year values', () => {
    expect(dateBounds('2014-02')).toEqual({ lo: '2014-02-01', hi: '2014-02-28' });
    expect(dateBounds('2016')).toEqual({ lo: '2016-01-01', hi: '2016-12-31' });
    expect(dayNumber('2014-10-15')! - dayNumber('2014-10-14')!).toBe(1);
    expect(dayNumber('2014-10')).toBeNull();
  });
});

describe('mergeEvents', () => {
  it('merges the same meeting reported from both sides and counts articles', () => {
    const events = [
      makeEvent(a1, 1, { type: 'CONSULT', date: '2014-10-14', location: 'Paris', mode: 'meet', actors: ['John Kerry'] }),
      makeEvent(a2, 1, { type: 'CONSULT', source: 'RUSGOV', target: 'USAGOV', date: '2014-10-15', location: null, actors: ['Sergey Lavrov'] }),
    ];
    const merged = mergeEvents(events, noDup);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ mention_count: 2, source_count: 2, date: '2014-10-14', location: 'Paris', mode: 'meet', contested: false });
    expect(merged[0].actors.sort()).toEqual(['John Kerry', 'Sergey Lavrov']);
    expect(merged[0].mentions.sort()).toEqual(['a1-e1', 'a2-e1']);
  });

  it('keeps direction for directed types, and separates distant dates and other places', () => {
    const events = [
      makeEvent(a1, 1, { type: 'ACCUSE', source: 'USAGOV', target: 'RUSGOV', date: '2014-10-14' }),
      makeEvent(a2, 1, { type: 'ACCUSE', source: 'RUSGOV', target: 'USAGOV', date: '2014-10-14' }),
      makeEvent(a1, 2, { type: 'CONSULT', date: '2014-10-14' }),
      makeEvent(a2, 2, { type: 'CONSULT', date: '2014-10-17' }),
      makeEvent(a3, 1, { type: 'CONSULT', date: '2014-10-17', location: 'Geneva' }),
      makeEvent(a3, 2, { type: 'CONSULT', date: '2014-10-17', location: 'Paris' }),
    ];
    const merged = mergeEvents(events, noDup);
    expect(merged.filter((m) => m.type === 'ACCUSE')).toHaveLength(2);
    const consults = merged.filter((m) => m.type === 'CONSULT');
    expect(consults.map((m) => m.mention_count).sort()).toEqual([1, 1, 2]);
    // The 10-17 Geneva and Paris mentions must not end up together.
    for (const m of consults) expect(new Set(m.location ? [m.location] : []).size).toBeLessThanOrEqual(1);
    expect(consults.find((m) => m.mentions.includes('a3-e1'))!.mentions).not.toContain('a3-e2');
  });

  it('counts syndicated duplicates once in source_count but keeps all mentions', () => {
    const events = [
      makeEvent(a2, 1, { date: '2014-10-14' }),
      makeEvent(a3, 1, { date: '2014-10-14' }),
      makeEvent(a1, 1, { date: '2014-10-14' }),
    ];
    // a3 copies a2; a1 copies a3 (chain) -> one root
    const dup = (id: string) => ({ a3: 'a2', a1: 'a3' })[id] ?? null;
    const [m] = mergeEvents(events, dup);
    expect(m.mention_count).toBe(3);
    expect(m.source_count).toBe(1);
    expect(mergeEvents(events, noDup)[0].source_count).toBe(3);
  });

  it('survives duplicate_of cycles', () => {
    const root = syndicationRoots((id) => ({ x: 'y', y: 'x' })[id] ?? null);
    expect(['x', 'y']).toContain(root('x'));
  });

  it('attaches a later denial to the earlier claim and marks it contested (seed 003)', () => {
    const claim = makeEvent(a1, 1, { type: 'AGREE', date: '2014-10-14', claimed_by: 'John Kerry', quote: 'They agreed to cooperate.' });
    const denial = makeEvent(a1, 2, {
      type: 'AGREE', source: 'RUSGOV', target: 'USAGOV', negated: true, date: '2014-10-25',
      claimed_by: 'Sergey Lavrov', quote: 'Lavrov said there was no agreement.',
    });
    const merged = mergeEvents([denial, claim], noDup);
    expect(merged).toHaveLength(1);
    const m = merged[0];
    expect(m).toMatchObject({ type: 'AGREE', source: 'USAGOV', target: 'RUSGOV', date: '2014-10-14', contested: true, mention_count: 2 });
    expect(m.claims.map((c) => [c.claimed_by, c.negated])).toEqual([['John Kerry', false], ['Sergey Lavrov', true]]);
    expect(m.claims[1].evidence.text).toBe('Lavrov said there was no agreement.');
    expect(describeContradiction(m)).toBe('John Kerry says it happened; Sergey Lavrov denies it');
    expect(contestedLine(m)).toBe('2014-10-14  AGREE USAGOV → RUSGOV  (2 mentions, 1 sources)  John Kerry says it happened; Sergey Lavrov denies it');
  });

  it('does not match a denial to a claim outside the window in another article', () => {
    const claim = makeEvent(a2, 1, { type: 'AGREE', date: '2014-08-01' });
    const denial = makeEvent(a1, 1, { type: 'AGREE', negated: true, date: '2014-10-25' });
    const merged = mergeEvents([claim, denial], noDup);
    expect(merged).toHaveLength(2);
    expect(merged.every((m) => !m.contested)).toBe(true);
    expect(merged.find((m) => m.claims[0].negated)!.date).toBe('2014-10-25');
  });

  it('prefers a claim in the same article, else the latest claim within the window', () => {
    const early = makeEvent(a2, 1, { type: 'AGREE', date: '2014-10-01' });
    const late = makeEvent(a3, 1, { type: 'AGREE', date: '2014-10-14' });
    const denial = makeEvent(a1, 1, { type: 'AGREE', negated: true, date: '2014-10-25' });
    const withWindow = mergeEvents([early, late, denial], noDup);
    expect(withWindow.find((m) => m.contested)!.mentions).toEqual(['a3-e1', 'a1-e1']);
    const sameArticle = makeEvent(a1, 2, { type: 'AGREE', date: '2014-10-01', location: 'Paris' });
    const merged = mergeEvents([early, late, denial, sameArticle], noDup);
    expect(merged.find((m) => m.contested)!.mentions.sort()).toEqual(['a1-e1', 'a1-e2', 'a2-e1']);
    // an undated denial only answers its own article
    const undated = makeEvent(a1, 3, { type: 'AGREE', negated: true, date: null });
    expect(mergeEvents([late, undated], noDup).some((m) => m.contested)).toBe(false);
  });

  it('does not let a voice contradict itself', () => {
    // The narrator reports an accusation and, further on, one the accuser did not make.
    const accuse = makeEvent(a1, 1, { type: 'ACCUSE', source: 'RUSGOV', target: 'TURGOV', date: null });
    const notAccuse = makeEvent(a1, 2, { type: 'ACCUSE', source: 'RUSGOV', target: 'TURGOV', date: null, negated: true });
    expect(mergeEvents([accuse, notAccuse], noDup).map((m) => m.contested)).toEqual([false, false]);
    // Lavrov claiming and Lavrov denying, likewise; Kerry claiming vs Lavrov denying is a contradiction.
    const byLavrov = { ...accuse, claimed_by: 'Sergey Lavrov' };
    const lavrovDenies = { ...notAccuse, claimed_by: 'Sergey Lavrov' };
    expect(mergeEvents([byLavrov, lavrovDenies], noDup).some((m) => m.contested)).toBe(false);
    expect(mergeEvents([{ ...byLavrov, claimed_by: 'John Kerry' }, lavrovDenies], noDup).map((m) => m.contested)).toEqual([true]);
    // The narrators of two different articles are two voices.
    const elsewhere = makeEvent(a2, 1, { type: 'ACCUSE', source: 'RUSGOV', target: 'TURGOV', date: '2014-10-20', negated: true });
    expect(mergeEvents([{ ...accuse, date: '2014-10-14' }, elsewhere], noDup).map((m) => m.contested)).toEqual([true]);
  });

  it('leaves hypothetical mentions out', () => {
    const merged = mergeEvents(
      [makeEvent(a1, 1, { type: 'AGREE', hypothetical: true }), makeEvent(a2, 1, { type: 'ACCUSE' })],
      noDup,
    );
    expect(merged.map((m) => m.type)).toEqual(['ACCUSE']);
  });

  it('merges undated mentions only within their article, and month dates into a day inside the month', () => {
    const events = [
      makeEvent(a1, 1, { date: '2014-10-14' }),
      makeEvent(a1, 2, { date: null }),
      makeEvent(a2, 1, { date: null }),
      makeEvent(a3, 1, { date: '2014-10' }),
      makeEvent(a3, 2, { date: '2014-11' }),
    ];
    const merged = mergeEvents(events, noDup);
    const byMention = (id: string) => merged.find((m) => m.mentions.includes(id))!;
    expect(byMention('a1-e2')).toBe(byMention('a1-e1'));
    expect(byMention('a3-e1')).toBe(byMention('a1-e1'));
    expect(byMention('a2-e1')).not.toBe(byMention('a1-e1'));
    expect(byMention('a3-e2')).not.toBe(byMention('a1-e1'));
    expect(merged).toHaveLength(3);
    // ordered by date, undated last
    expect(merged.map((m) => m.date)).toEqual(['2014-10-14', '2014-11', null]);
  });
});
