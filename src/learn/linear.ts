// A multinomial logistic regression over hashed sparse features: the learned decisions of the event
// coder (trigger type, modality, argument roles) are all this one model, trained by scripts/train
// and read from data/ at start. Pure TypeScript, no runtime dependency.
//
// Features are strings ("lemma=attack", "prev=police") hashed into 2^bits buckets, so the model
// carries no vocabulary; a bucket shared by two rare features costs a little accuracy, never a crash.

/** FNV-1a, 32 bits: fast, stable across runs and platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The features of one instance: hashed bucket -> value (repeated features add up). */
export class Features {
  readonly keys: number[] = [];
  readonly values: number[] = [];
  constructor(private readonly mask: number) {}

  add(name: string, value = 1): void {
    this.keys.push(hashString(name) & this.mask);
    this.values.push(value);
  }

  /** The feature prefix + rest, hashed without building the string (the same bucket as add()). */
  addPair(prefix: string, rest: string, value = 1): void {
    let h = 0x811c9dc5;
    for (let i = 0; i < prefix.length; i++) h = Math.imul(h ^ prefix.charCodeAt(i), 0x01000193);
    for (let i = 0; i < rest.length; i++) h = Math.imul(h ^ rest.charCodeAt(i), 0x01000193);
    this.keys.push((h >>> 0) & this.mask);
    this.values.push(value);
  }
}

export interface LinearModel {
  classes: string[];
  bits: number;
  /** Bucket -> one weight per class (while training, and for models trained in this process). */
  weights: Map<number, Float32Array>;
  bias: Float32Array;
  /** The same weights packed for lookup (models read from disk): an open-addressing table. */
  packed?: PackedWeights;
}

/** Buckets in an open-addressing table of typed arrays: no object per bucket, lookups stay in cache
 *  (a Map of a few hundred thousand Float32Arrays made the trigger model's lookups the coder's cost). */
interface PackedWeights {
  mask: number;
  /** Bucket id + 1 per slot, 0 when empty. */
  keys: Uint32Array;
  /** Row of each slot in `rows`. */
  slotRow: Int32Array;
  rows: Float32Array;
}

function pack(weights: Map<number, Float32Array>, k: number): PackedWeights {
  let cap = 1;
  while (cap < weights.size * 2) cap <<= 1;
  const keys = new Uint32Array(cap);
  const slotRow = new Int32Array(cap);
  const rows = new Float32Array(weights.size * k);
  let row = 0;
  for (const [id, w] of weights) {
    let i = Math.imul(id, 0x9e3779b1) >>> 0 & (cap - 1);
    while (keys[i] !== 0) i = (i + 1) & (cap - 1);
    keys[i] = id + 1;
    slotRow[i] = row;
    rows.set(w, row * k);
    row++;
  }
  return { mask: cap - 1, keys, slotRow, rows };
}

/** Offset of a bucket's weights in packed.rows, or -1. */
function packedRow(p: PackedWeights, id: number, k: number): number {
  let i = Math.imul(id, 0x9e3779b1) >>> 0 & p.mask;
  const want = id + 1;
  for (;;) {
    const key = p.keys[i]!;
    if (key === want) return p.slotRow[i]! * k;
    if (key === 0) return -1;
    i = (i + 1) & p.mask;
  }
}

export function newFeatures(model: { bits: number }): Features {
  return new Features((1 << model.bits) - 1);
}

/** Class probabilities (softmax of the linear scores). */
export function predict(model: LinearModel, f: Features): Float64Array {
  const k = model.classes.length;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = model.bias[c]!;
  const p = model.packed;
  if (p) {
    const rows = p.rows;
    for (let i = 0; i < f.keys.length; i++) {
      const at = packedRow(p, f.keys[i]!, k);
      if (at < 0) continue;
      const v = f.values[i]!;
      for (let c = 0; c < k; c++) z[c] += rows[at + c]! * v;
    }
  } else {
    for (let i = 0; i < f.keys.length; i++) {
      const w = model.weights.get(f.keys[i]!);
      if (!w) continue;
      const v = f.values[i]!;
      for (let c = 0; c < k; c++) z[c] += w[c]! * v;
    }
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (z[c]! > max) max = z[c]!;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < k; c++) z[c] /= sum;
  return z;
}

export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

export interface TrainOptions {
  epochs: number;
  /** AdaGrad step size. */
  rate: number;
  /** L2 penalty per update (scaled by the step). */
  l2: number;
  /** Weight of each class's examples (e.g. to make rare classes count more); default 1. */
  classWeight?: (label: number) => number;
  /** Deterministic shuffling. */
  seed?: number;
  /** Starting weights: [feature, class index, weight] (prior knowledge the data may overrule). */
  priors?: [string, number, number][];
}

export interface Example {
  features: Features;
  label: number;
}

function shuffle<T>(xs: T[], seed: number): void {
  let a = seed >>> 0;
  for (let i = xs.length - 1; i > 0; i--) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    const j = a % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

/** Train by AdaGrad on the log loss, with L2. Deterministic for a given seed and example order. */
export function train(examples: Example[], classes: string[], bits: number, opts: TrainOptions): LinearModel {
  const k = classes.length;
  const weights = new Map<number, Float32Array>();
  const sq = new Map<number, Float32Array>();
  const bias = new Float32Array(k);
  const biasSq = new Float32Array(k).fill(1e-8);
  const model: LinearModel = { classes, bits, weights, bias };
  const mask = (1 << bits) - 1;
  for (const [name, c, w] of opts.priors ?? []) {
    const key = hashString(name) & mask;
    if (!weights.has(key)) {
      weights.set(key, new Float32Array(k));
      sq.set(key, new Float32Array(k).fill(1e-8));
    }
    weights.get(key)![c] = w;
  }
  const order = examples.slice();
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, (opts.seed ?? 1) + epoch);
    for (const ex of order) {
      const p = predict(model, ex.features);
      const cw = opts.classWeight ? opts.classWeight(ex.label) : 1;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === ex.label ? 1 : 0)) * cw;
        biasSq[c] += g * g;
        bias[c] -= (opts.rate * g) / Math.sqrt(biasSq[c]!);
      }
      const { keys, values } = ex.features;
      for (let i = 0; i < keys.length; i++) {
        let w = weights.get(keys[i]!);
        let s = sq.get(keys[i]!);
        if (!w || !s) {
          w = new Float32Array(k);
          s = new Float32Array(k).fill(1e-8);
          weights.set(keys[i]!, w);
          sq.set(keys[i]!, s);
        }
        const v = values[i]!;
        for (let c = 0; c < k; c++) {
          const g = (p[c]! - (c === ex.label ? 1 : 0)) * cw * v + opts.l2 * w[c]!;
          s[c] += g * g;
          w[c] -= (opts.rate * g) / Math.sqrt(s[c]!);
        }
      }
    }
  }
  return model;
}

/** On disk: buckets delta-coded, weights as int8 with one scale per model (a few hundred KB). */
export interface SerializedModel {
  classes: string[];
  bits: number;
  scale: number;
  bias: number[];
  /** base64 of the bucket ids (uint32, ascending, delta-coded). */
  buckets: string;
  /** base64 of int8 weights, classes.length per bucket. */
  weights: string;
}

export function serialize(model: LinearModel, prune = 1e-3): SerializedModel {
  const k = model.classes.length;
  let max = 0;
  for (const w of model.weights.values()) for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(w[c]!));
  const scale = max / 127 || 1;
  const kept = [...model.weights.entries()].filter(([, w]) => w.some((x) => Math.abs(x) >= Math.max(prune, scale / 2))).sort((a, b) => a[0] - b[0]);
  const ids = new Uint32Array(kept.length);
  const q = new Int8Array(kept.length * k);
  let prev = 0;
  kept.forEach(([id, w], i) => {
    ids[i] = id - prev;
    prev = id;
    for (let c = 0; c < k; c++) q[i * k + c] = Math.max(-127, Math.min(127, Math.round(w[c]! / scale)));
  });
  return {
    classes: model.classes,
    bits: model.bits,
    scale,
    bias: [...model.bias].map((b) => Math.round(b * 1e4) / 1e4),
    buckets: Buffer.from(ids.buffer).toString('base64'),
    weights: Buffer.from(q.buffer).toString('base64'),
  };
}

export function deserialize(s: SerializedModel): LinearModel {
  const k = s.classes.length;
  // Copied out of Buffer's shared pool: a typed array view needs an aligned offset.
  const ids = new Uint32Array(Uint8Array.from(Buffer.from(s.buckets, 'base64')).buffer);
  const q = new Int8Array(Uint8Array.from(Buffer.from(s.weights, 'base64')).buffer);
  const weights = new Map<number, Float32Array>();
  let id = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i]!;
    const w = new Float32Array(k);
    for (let c = 0; c < k; c++) w[c] = q[i * k + c]! * s.scale;
    weights.set(id, w);
  }
  return { classes: s.classes, bits: s.bits, weights: new Map(), bias: Float32Array.from(s.bias), packed: pack(weights, k) };
}

/** One choice among candidates: the features of each, and the index of the right one (-1: none of
 *  them, i.e. the "no candidate" option, whose features are `none`). */
export interface RankingExample {
  candidates: Features[];
  none: Features;
  gold: number;
}

/** Scores of a one-class model (a ranker): w . f for each candidate. */
export function scoreOne(model: LinearModel, f: Features): number {
  let z = model.bias[0]!;
  const p = model.packed;
  for (let i = 0; i < f.keys.length; i++) {
    if (p) {
      const at = packedRow(p, f.keys[i]!, 1);
      if (at >= 0) z += p.rows[at]! * f.values[i]!;
      continue;
    }
    const w = model.weights.get(f.keys[i]!);
    if (w) z += w[0]! * f.values[i]!;
  }
  return z;
}

/** Softmax over [none, ...candidates] of a ranker: index 0 is "none". */
export function rank(model: LinearModel, none: Features, candidates: Features[]): Float64Array {
  const z = new Float64Array(candidates.length + 1);
  z[0] = scoreOne(model, none);
  candidates.forEach((f, i) => (z[i + 1] = scoreOne(model, f)));
  let max = -Infinity;
  for (const x of z) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i]! - max);
    sum += z[i]!;
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

/** Train a ranker (listwise softmax, AdaGrad, L2): which candidate, if any, is the right one. */
export function trainRanker(examples: RankingExample[], bits: number, opts: TrainOptions): LinearModel {
  const weights = new Map<number, Float32Array>();
  const sq = new Map<number, Float32Array>();
  const model: LinearModel = { classes: ['score'], bits, weights, bias: new Float32Array(1) };
  const order = examples.slice();
  const update = (f: Features, g: number): void => {
    for (let i = 0; i < f.keys.length; i++) {
      let w = weights.get(f.keys[i]!);
      let s = sq.get(f.keys[i]!);
      if (!w || !s) {
        w = new Float32Array(1);
        s = new Float32Array(1).fill(1e-8);
        weights.set(f.keys[i]!, w);
        sq.set(f.keys[i]!, s);
      }
      const grad = g * f.values[i]! + opts.l2 * w[0]!;
      s[0] += grad * grad;
      w[0] -= (opts.rate * grad) / Math.sqrt(s[0]!);
    }
  };
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, (opts.seed ?? 1) + epoch);
    for (const ex of order) {
      const p = rank(model, ex.none, ex.candidates);
      update(ex.none, p[0]! - (ex.gold < 0 ? 1 : 0));
      ex.candidates.forEach((f, i) => update(f, p[i + 1]! - (ex.gold === i ? 1 : 0)));
    }
  }
  return model;
}
