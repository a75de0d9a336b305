// The linear models under the learned coder: a softmax classifier and a listwise ranker over hashed
// features, their training, and their round trip through the file format.
import { describe, expect, it } from 'vitest';
import { argmax, deserialize, Features, predict, rank, serialize, train, trainRanker, type Example, type RankingExample } from '../../src/learn/linear.js';

const BITS = 16;
const feats = (...names: string[]): Features => {
  const f = new Features((1 << BITS) - 1);
  for (const n of names) f.add(n);
  return f;
};

describe('softmax classifier', () => {
  // Three classes told apart by one word each, with noise words shared by all.
  const examples: Example[] = [];
  for (let i = 0; i < 60; i++) {
    examples.push({ features: feats('w=attack', `noise=${i % 7}`), label: 1 });
    examples.push({ features: feats('w=meet', `noise=${i % 5}`), label: 2 });
    examples.push({ features: feats('w=said', `noise=${i % 3}`), label: 0 });
  }
  const model = train(examples, ['NONE', 'ASSAULT', 'CONSULT'], BITS, { epochs: 5, rate: 0.1, l2: 1e-6, seed: 1 });

  it('learns which feature means which class', () => {
    expect(model.classes[argmax(predict(model, feats('w=attack', 'noise=99')))]).toBe('ASSAULT');
    expect(model.classes[argmax(predict(model, feats('w=meet')))]).toBe('CONSULT');
    const p = predict(model, feats('w=said'));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('gives the same answers after a round trip through the file format', () => {
    const back = deserialize(JSON.parse(JSON.stringify(serialize(model))));
    for (const w of ['w=attack', 'w=meet', 'w=said', 'w=unseen']) {
      const a = predict(model, feats(w));
      const b = predict(back, feats(w));
      for (let c = 0; c < a.length; c++) expect(b[c]).toBeCloseTo(a[c]!, 1);
      expect(argmax(b)).toBe(argmax(a));
    }
  });

  it('starts from prior weights the data may overrule', () => {
    const none = train([], ['NONE', 'X'], BITS, { epochs: 1, rate: 0.1, l2: 0, priors: [['w=cue', 1, 2]] });
    expect(argmax(predict(none, feats('w=cue')))).toBe(1);
    expect(argmax(predict(none, feats('w=other')))).toBe(0);
  });

  it('hashes a pair of strings into the same bucket as the joined string', () => {
    const a = new Features((1 << BITS) - 1);
    a.add('lemma=attack');
    a.addPair('lemma=', 'attack');
    expect(a.keys[0]).toBe(a.keys[1]);
  });
});

describe('listwise ranker', () => {
  // The right candidate is the one marked "subject"; sometimes none is right ("none" wins).
  const examples: RankingExample[] = [];
  for (let i = 0; i < 80; i++) {
    const gold = i % 4 === 0 ? -1 : i % 3;
    const candidates = [0, 1, 2].map((c) => feats(c === gold ? 'role=subject' : 'role=other', `pos=${c}`));
    examples.push({ candidates, none: feats('none'), gold });
  }
  const model = trainRanker(examples, BITS, { epochs: 8, rate: 0.1, l2: 1e-6, seed: 3 });

  it('puts the right candidate first, and "none" first when no candidate is right', () => {
    const p = rank(model, feats('none'), [feats('role=other', 'pos=0'), feats('role=subject', 'pos=1'), feats('role=other', 'pos=2')]);
    expect(argmax(p)).toBe(2); // index 0 is "none"
    const q = rank(model, feats('none'), [feats('role=other', 'pos=0'), feats('role=other', 'pos=1')]);
    expect(argmax(q)).toBe(0);
  });
});
