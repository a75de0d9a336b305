// The learned coder's weights (data/coder-model.json, written by scripts/train-coder.ts): three
// linear models — trigger type, modality, argument role — and the decision thresholds chosen on
// held-apart training sentences.
import { existsSync, readFileSync } from 'node:fs';
import { deserialize, serialize, type LinearModel, type SerializedModel } from '../../../learn/linear.js';
import { dataFile } from './data.js';

export const NONE = 'NONE';
export const MODALITIES = ['asserted', 'intent', 'threat', 'demand', 'refusal', 'hypothetical', 'denied'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface Thresholds {
  /** An event when P(not NONE) at a candidate reaches this. */
  trigger: number;
  /** A phrase is the source (target) when the ranker gives it at least this probability. */
  source: number;
  target: number;
}

export interface CoderModels {
  version: string;
  trigger: LinearModel;
  modality: LinearModel;
  /** Rankers over the sentence's noun phrases (and "none"). */
  source: LinearModel;
  target: LinearModel;
  thresholds: Thresholds;
}

interface SerializedCoder {
  version: string;
  trained: string;
  trigger: SerializedModel;
  modality: SerializedModel;
  source: SerializedModel;
  target: SerializedModel;
  thresholds: Thresholds;
  notes?: Record<string, unknown>;
}

export const MODEL_FILE = 'coder-model.json';

let cached: CoderModels | null | undefined;

/** data/coder-model.json, read once; null when it is missing (the coder then has no learned stage). */
export function loadCoderModels(file = dataFile(MODEL_FILE)): CoderModels | null {
  if (cached !== undefined && file === dataFile(MODEL_FILE)) return cached;
  let models: CoderModels | null = null;
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')) as SerializedCoder;
    models = {
      version: s.version,
      trigger: deserialize(s.trigger),
      modality: deserialize(s.modality),
      source: deserialize(s.source),
      target: deserialize(s.target),
      thresholds: s.thresholds,
    };
  }
  if (file === dataFile(MODEL_FILE)) cached = models;
  return models;
}

export function serializeCoder(m: CoderModels, notes: Record<string, unknown>): string {
  const out: SerializedCoder = {
    version: m.version,
    trained: new Date().toISOString().slice(0, 10),
    trigger: serialize(m.trigger),
    modality: serialize(m.modality),
    source: serialize(m.source),
    target: serialize(m.target),
    thresholds: m.thresholds,
    notes,
  };
  return JSON.stringify(out) + '\n';
}
