// Throughput of the event coder on bare sentences (PETRARCH + ConfliBERT): sentences per second on
// one core for annotate + actors + code, and for the coder alone, each against a baseline measured
// in the same process (annotate alone), so the numbers compare across machines.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { resolveEntities } from '../src/stages/actors/index.js';
import { codeArticle } from '../src/stages/events/index.js';
import { annotate } from '../src/stages/annotate/index.js';
import type { Article } from '../src/model.js';
import { readJsonl } from '../eval/common.js';

const FALLBACK = [
  'Russia accused the United States of sheltering terrorist groups.',
  'Talks between John Kerry and Sergey Lavrov failed to result in a ceasefire agreement.',
  'On October 9, Foreign Minister Sergey Lavrov spoke by phone with US Secretary of State Rex Tillerson.',
  'The leaders of Islamic State maintain a constant liaison with the Turkish government, says Sergey Lavrov.',
];

function sentences(dataDir: string | null): { texts: string[]; from: string } {
  if (dataDir) {
    const ev = join(dataDir, 'events');
    const files = [
      join(ev, 'petr_unittest', 'petr_unittest.jsonl'),
      join(ev, 'udpetr_validate_2_02', 'udpetr_validate_2_02.jsonl'),
      join(ev, 'conflibert_cameo', 'conflibert_cameo_train.jsonl'),
    ].filter((f) => existsSync(f));
    const texts = files.flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
    if (texts.length) return { texts, from: 'PETRARCH + ConfliBERT sentences' };
  }
  return { texts: FALLBACK, from: 'built-in sentences (development data not found)' };
}

function base(i: number, text: string) {
  return { id: `b${i}`, source: 'bench', url: null, title: null, published: '2016-01-01', language: 'en', day_first: false, text, duplicate_of: null };
}

function timed(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export async function run(dataDir: string | null): Promise<string[]> {
  const { texts, from } = sentences(dataDir);
  // Warm up: dictionaries, tables and the JIT.
  for (let i = 0; i < Math.min(50, texts.length); i++) {
    const a = annotate(base(i, texts[i]!));
    codeArticle({ ...a, entities: resolveEntities(a) });
  }
  const rounds = Math.max(1, Math.ceil(3000 / texts.length));
  const n = texts.length * rounds;
  let articles: Article[] = [];
  const tAnnotate = timed(() => {
    articles = [];
    for (let r = 0; r < rounds; r++) texts.forEach((t, i) => articles.push(annotate(base(i, t))));
  });
  const tActors = timed(() => {
    articles = articles.map((a) => ({ ...a, entities: resolveEntities(a) }));
  });
  let events = 0;
  const tCode = timed(() => {
    for (const a of articles) events += codeArticle(a).length;
  });
  const total = tAnnotate + tActors + tCode;
  return [
    `event coder on ${n} ${from} (${rounds} round(s))`,
    `annotate + actors + code: ${(n / total).toFixed(0)} sentences/s (target >= 1000)`,
    `coder alone: ${(n / tCode).toFixed(0)} sentences/s, ${(events / n).toFixed(2)} events/sentence`,
    `coder time / annotate time: ${(tCode / tAnnotate).toFixed(2)} (baseline: annotate = 1.00, actors = ${(tActors / tAnnotate).toFixed(2)})`,
  ];
}
