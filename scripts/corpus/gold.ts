// The labelled corpus as the trainer and the evaluation read it: every sentence of
// corpus/events/sentences.jsonl that has a first annotation (batches t.. and r..), with its split.
// Overlap annotations (o.., a second annotator) only measure agreement; where an adjudication file
// (corpus/events/annotations/adjudicated.jsonl) settles a sentence, its reading is the gold one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from './schema.js';

/** A verbal act whose type is its modality ("urged", "threatened", "rejected") is read the same
 *  whether the annotator wrote `asserted` or the modality: one label for one reading. */
const OWN_MODALITY: Record<string, string> = { REQUEST: 'demand', THREATEN: 'threat', REJECT: 'refusal' };

function normalise(a: Annotation): Annotation {
  return { ...a, events: a.events.map((e) => (e.modality === 'asserted' && OWN_MODALITY[e.type] ? { ...e, modality: OWN_MODALITY[e.type]! } : e)) };
}

export interface CorpusSentence {
  id: string;
  source: string;
  date: string | null;
  context: string;
  text: string;
  split: 'test' | 'train';
  events: Annotation['events'];
}

/** JSON lines of a file; a line that does not parse (a batch still being written) is left out. */
function lines<T>(file: string): T[] {
  const out: T[] = [];
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    try {
      out.push(JSON.parse(l) as T);
    } catch {
      process.stderr.write(`corpus: skipped a line of ${file} that is not JSON\n`);
    }
  }
  return out;
}

/** The labelled sentences under `root` (the repository), in corpus order. */
export function loadCorpus(root: string): CorpusSentence[] {
  const dir = join(root, 'corpus/events');
  const labels = new Map<string, Annotation>();
  for (const f of readdirSync(join(dir, 'annotations')).sort()) {
    if (!/^[tr]\d+\.ann1\.jsonl$/.test(f)) continue;
    for (const a of lines<Annotation>(join(dir, 'annotations', f))) labels.set(a.id, a);
  }
  const adjudicated = join(dir, 'annotations', 'adjudicated.jsonl');
  if (existsSync(adjudicated)) for (const a of lines<Annotation>(adjudicated)) labels.set(a.id, a);
  const out: CorpusSentence[] = [];
  for (const s of lines<Omit<CorpusSentence, 'events'>>(join(dir, 'sentences.jsonl'))) {
    const a = labels.get(s.id);
    if (a) out.push({ id: s.id, source: s.source, date: s.date, context: s.context, text: s.text, split: s.split, events: normalise(a).events });
  }
  return out;
}
