// Inter-annotator agreement on the overlap batches: each sentence of o01 (test) and o02 (train)
// was labelled by a second annotator, independently of the first (its t/r batch).
//
// Printed per overlap batch: sentences with the same set of types; type-set F1 (per sentence, as
// the coder is scored); event F1 on (type, source span, target span) with span overlap; and, over
// events matched on type and spans, agreement of modality and of the actor codes' country and
// sector. Run: node dist/scripts/corpus/agreement.js
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../eval/common.js';
import { eventSpans, matchEvents, spanOverlap, type Annotation, type LocatedEvent } from './schema.js';

const DIR = join(REPO_ROOT, 'corpus/events');

function read(file: string): Annotation[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Annotation);
}

function f1(tp: number, a: number, b: number): number {
  return a + b === 0 ? 1 : (2 * tp) / (a + b);
}

function firstCode(code: string | string[] | null | undefined): string | null {
  if (!code) return null;
  return Array.isArray(code) ? code[0] ?? null : code;
}

function main(): void {
  const texts = new Map<string, string>();
  for (const l of readFileSync(join(DIR, 'sentences.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(l) as { id: string; text: string };
    texts.set(r.id, r.text);
  }
  const files = readdirSync(join(DIR, 'annotations'));
  const first = new Map<string, Annotation>();
  for (const f of files) if (/^[tr]\d+\.ann1\.jsonl$/.test(f)) for (const a of read(join(DIR, 'annotations', f))) first.set(a.id, a);
  for (const f of files.filter((x) => /^o\d+\.ann2\.jsonl$/.test(x)).sort()) {
    let n = 0, same = 0, tpT = 0, nA = 0, nB = 0, tpE = 0, eA = 0, eB = 0, modOk = 0, countryOk = 0, sectorOk = 0, codeN = 0;
    for (const b of read(join(DIR, 'annotations', f))) {
      const a = first.get(b.id);
      const text = texts.get(b.id);
      if (!a || text === undefined) continue;
      n++;
      const ta = new Set(a.events.map((e) => e.type));
      const tb = new Set(b.events.map((e) => e.type));
      if (ta.size === tb.size && [...ta].every((t) => tb.has(t))) same++;
      tpT += [...ta].filter((t) => tb.has(t)).length;
      nA += ta.size;
      nB += tb.size;
      const la: LocatedEvent[] = a.events.map((e) => eventSpans(e, text));
      const lb: LocatedEvent[] = b.events.map((e) => eventSpans(e, text));
      const pairs = matchEvents(la, lb, (x, y) => x.event.type === y.event.type && spanOverlap(x.source, y.source) && spanOverlap(x.target, y.target));
      tpE += pairs.length;
      eA += la.length;
      eB += lb.length;
      for (const [x, y] of pairs) {
        if (x.event.modality === y.event.modality) modOk++;
        for (const role of ['source', 'target'] as const) {
          const ca = firstCode(x.event[role]?.code);
          const cb = firstCode(y.event[role]?.code);
          if (!ca && !cb) continue;
          codeN++;
          if (ca && cb && ca.slice(0, 3) === cb.slice(0, 3)) countryOk++;
          if (ca && cb && ca.slice(3) === cb.slice(3)) sectorOk++;
        }
      }
    }
    const pct = (x: number, d: number): string => (d ? ((100 * x) / d).toFixed(1) + '%' : '-');
    process.stdout.write(
      `${f}: ${n} sentences; same type set ${pct(same, n)}; type-set F1 ${f1(tpT, nA, nB).toFixed(3)}; ` +
        `event F1 (type+spans) ${f1(tpE, eA, eB).toFixed(3)} (${eA} vs ${eB} events); ` +
        `on ${tpE} matched events: modality ${pct(modOk, tpE)}, code country ${pct(countryOk, codeN)}, sector ${pct(sectorOk, codeN)}\n`,
    );
  }
}

main();
