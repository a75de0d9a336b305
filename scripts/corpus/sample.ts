// Draws the sentences of the annotated event corpus (corpus/events/sentences.jsonl) from the news
// corpora in ../shared/data/corpora: the Guardian sample and conflict_news (BBC politics,
// InsightCrime, SATP, IndiaPoliceEvents, MUC-4).
//
// Why the draw is stratified: in running news most sentences report no event and a few types
// (ASSAULT, ACCUSE, CONSULT) dominate, so a plain random draw would give a classifier almost no
// REJECT, CONCEDE, RETREAT or SANCTION to learn from. Two fifths of each source's quota are drawn at
// random (the natural mix, events or not); three fifths are drawn with weights that favour sentences
// holding a cue word of a rare type. Cue words only steer the draw: the labels are the annotators'
// reading of each sentence (docs/ANNOTATION.md). The split into test and train is by a hash of the
// sentence id, fixed before any annotation.
//
// A second draw (`--more N`) adds N training sentences to the corpus, all cued and weighted more
// steeply towards rare types (the first draw's labels showed ASSAULT at a third of all events and
// SANCTION, MOBILIZE, COOPERATE, CONCEDE under 3% each); the test part is not changed.
//
// Run: npx tsc -p tsconfig.json && node dist/scripts/corpus/sample.js [--more N]
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT, readJsonl, sharedDataDir } from '../../eval/common.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(text: string): { sentences(): { out(): string[] } } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nlp = winkNLP(require('wink-eng-lite-web-model'));

/** Sentences per source. */
const QUOTA: Record<string, number> = {
  guardian: 1750,
  bbc: 300,
  insightcrime: 450,
  satp: 420,
  indiapoliceevents: 330,
  muc4: 350,
};
const RANDOM_SHARE = 0.4;
/** At most this many sentences from one article, so that a few long articles do not dominate. */
const PER_DOC = 8;
/** Share of sentence ids (by hash) that form the test part. */
const TEST_SHARE = 0.17;

/** Cue stems per PLOVER type, matched at the start of a lower-cased word. They steer the draw only. */
const CUES: Record<string, string[]> = {
  AGREE: ['agree', 'pledg', 'promis', 'offer', 'vow', 'willing', 'commit', 'invit', 'accept'],
  CONSULT: ['met ', 'meet', 'talks', 'visit', 'host', 'phone', 'discuss', 'negotiat', 'summit', 'consult'],
  SUPPORT: ['prais', 'welcom', 'endors', 'congratul', 'commend', 'recogni', 'ratif', 'thank', 'backed', 'support'],
  CONCEDE: ['pardon', 'amnest', 'apologi', 'regret', 'eas', 'lift', 'suspend', 'acquit', 'concession', 'ceasefire', 'truce'],
  COOPERATE: ['cooperat', 'co-operat', 'joint', 'extradit', 'exchang', 'partnership', 'share', 'shared'],
  AID: ['aid', 'assistance', 'donat', 'provid', 'supplie', 'deliver', 'asylum', 'rescu', 'loan', 'fund', 'grant'],
  RETREAT: ['releas', 'freed', 'withdr', 'pull out', 'pulled out', 'resign', 'disarm', 'surrender', 'handed over', 'return', 'evacuat', 'step down', 'stepped down'],
  REQUEST: ['urg', 'call on', 'called on', 'calls on', 'call for', 'called for', 'demand', 'ask', 'appeal', 'request', 'press', 'insist', 'sought', 'seek'],
  ACCUSE: ['accus', 'blam', 'condemn', 'critici', 'denounc', 'charg', 'alleg', 'investigat', 'sued', 'sue ', 'probe', 'slam', 'lawsuit'],
  REJECT: ['reject', 'refus', 'denied', 'deny', 'denies', 'dismiss', 'veto', 'oppos', 'declin', 'cancel', 'block', 'rebuff', 'turned down'],
  THREATEN: ['threat', 'warn', 'ultimatum'],
  PROTEST: ['protest', 'demonstrat', 'rally', 'rallies', 'march', 'strike', 'riot', 'sit-in', 'bandh', 'hunger strike', 'boycott'],
  SANCTION: ['sanction', 'embargo', 'expel', 'cut ties', 'recall', 'freez', 'froze', 'convict', 'fined', 'suspended', 'sever'],
  MOBILIZE: ['deploy', 'mobilis', 'mobiliz', 'troops', 'alert', 'reinforc', 'patrol', 'exercise', 'drill', 'stationed'],
  COERCE: ['arrest', 'detain', 'jail', 'imprison', 'seiz', 'raid', 'deport', 'curfew', 'banned', 'censor', 'restrict', 'crackdown', 'confiscat', 'sentenc', 'custody'],
  ASSAULT: ['kill', 'attack', 'bomb', 'shot', 'shoot', 'fired', 'clash', 'fight', 'ambush', 'kidnap', 'abduct', 'massacr', 'assassin', 'tortur', 'explo', 'shell', 'wound', 'injur', 'murder', 'airstrike', 'air strike'],
};

interface Doc {
  id: string;
  source: string;
  date: string | null;
  text: string;
}

interface Candidate {
  id: string;
  doc: string;
  source: string;
  date: string | null;
  context: string;
  text: string;
  cues: string[];
}

/** Deterministic pseudo-random number in [0, 1) from a string. */
function unit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function cueTypes(sentence: string): string[] {
  const lower = ' ' + sentence.toLowerCase().replace(/[^a-z0-9' -]+/g, ' ') + ' ';
  const out: string[] = [];
  for (const [type, stems] of Object.entries(CUES)) if (stems.some((s) => lower.includes(' ' + s))) out.push(type);
  return out;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function loadDocs(data: string): Doc[] {
  const docs: Doc[] = [];
  for (const r of readJsonl<{ id: string; date?: string; text: string }>(join(data, 'corpora/guardian_sdf_sample/guardian.jsonl')))
    docs.push({ id: r.id, source: 'guardian', date: r.date ?? null, text: r.text });
  for (const r of readJsonl<{ id: string; source: string; text: string; labels: unknown }>(join(data, 'corpora/conflict_news/conflict_news.jsonl'))) {
    // BBC's label 1 marks its politics articles; the rest of BBC (business, sport, technology) is left out.
    if (r.source === 'bbc' && JSON.stringify(r.labels) !== '["1"]') continue;
    docs.push({ id: r.id, source: r.source, date: null, text: r.text });
  }
  return docs;
}

function candidates(docs: Doc[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const d of docs) {
    const sentences = nlp.readDoc(d.text.replace(/\s+/g, ' ')).sentences().out();
    sentences.forEach((text, i) => {
      const t = text.trim();
      const n = words(t);
      if (n < 6 || n > 70) return;
      const key = t.toLowerCase().replace(/\W+/g, ' ');
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        id: `${d.id}:s${i}`,
        doc: d.id,
        source: d.source,
        date: d.date,
        context: sentences.slice(Math.max(0, i - 2), i).join(' ').trim(),
        text: t,
        cues: cueTypes(t),
      });
    });
  }
  return out;
}

/** Weighted draw without replacement (key u^(1/w)), at most PER_DOC sentences per article. */
function draw(pool: Candidate[], n: number, weight: (c: Candidate) => number, salt: string, perDoc: Map<string, number>, taken: Set<string>, limit = PER_DOC): Candidate[] {
  const keyed = pool
    .filter((c) => !taken.has(c.id))
    .map((c) => ({ c, k: Math.log(unit(salt + c.id) + 1e-12) / Math.max(weight(c), 1e-9) }))
    .sort((a, b) => b.k - a.k);
  const out: Candidate[] = [];
  for (const { c } of keyed) {
    if (out.length >= n) break;
    if ((perDoc.get(c.doc) ?? 0) >= limit) continue;
    perDoc.set(c.doc, (perDoc.get(c.doc) ?? 0) + 1);
    taken.add(c.id);
    out.push(c);
  }
  return out;
}

/** Quotas of the second draw, per source (well-formed prose first: it is what users bring). */
const MORE_SHARE: Record<string, number> = { guardian: 0.45, bbc: 0.12, insightcrime: 0.18, satp: 0.13, indiapoliceevents: 0.06, muc4: 0.06 };

function drawMore(all: Candidate[], freq: Map<string, number>, n: number): void {
  const file = join(REPO_ROOT, 'corpus/events/sentences.jsonl');
  if (!existsSync(file)) throw new Error('the first draw is not there yet');
  const existing = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; doc: string; text: string });
  const taken = new Set(existing.map((r) => r.id));
  const seenText = new Set(existing.map((r) => r.text.toLowerCase().replace(/\W+/g, ' ')));
  const perDocAll = new Map<string, number>();
  for (const r of existing) perDocAll.set(r.doc, (perDocAll.get(r.doc) ?? 0) + 1);
  // Steeper than the first draw: a type twice as rare is drawn about three times as often.
  const weight = (c: Candidate): number => (c.cues.length ? Math.max(...c.cues.map((t) => (1 / freq.get(t)!) ** 1.5)) : 0);
  const rows: object[] = [];
  for (const [source, share] of Object.entries(MORE_SHARE)) {
    const pool = all.filter((c) => c.source === source && !seenText.has(c.text.toLowerCase().replace(/\W+/g, ' ')));
    // Articles give up to twice as many sentences in all (the Guardian sample has only 249).
    const picked = draw(pool, Math.round(n * share), weight, 'more:', perDocAll, taken, 2 * PER_DOC);
    for (const { cues: _cues, ...rest } of picked) rows.push({ ...rest, draw: 'cued2', split: 'train' });
    process.stderr.write(`${source}: drew ${picked.length} more\n`);
  }
  appendFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  process.stderr.write(`appended ${rows.length} training sentences to corpus/events/sentences.jsonl\n`);
}

function main(): void {
  const data = sharedDataDir();
  if (!data) {
    process.stderr.write('corpus sample: ../shared/data not found (set DEMARCHE_SHARED_DATA)\n');
    process.exit(2);
  }
  const all = candidates(loadDocs(data));
  const freq = new Map<string, number>();
  for (const c of all) for (const t of c.cues) freq.set(t, (freq.get(t) ?? 0) + 1);
  // A cued sentence weighs as its rarest cue type: rare types are drawn about as often as common ones.
  const cuedWeight = (c: Candidate): number => (c.cues.length ? Math.max(...c.cues.map((t) => 1 / freq.get(t)!)) : 0);
  const more = process.argv.indexOf('--more');
  if (more > 0) return drawMore(all, freq, Number(process.argv[more + 1] ?? 0));

  const picked: Candidate[] = [];
  for (const [source, quota] of Object.entries(QUOTA)) {
    const pool = all.filter((c) => c.source === source);
    const perDoc = new Map<string, number>();
    const taken = new Set<string>();
    const random = draw(pool, Math.round(quota * RANDOM_SHARE), () => 1, 'random:', perDoc, taken);
    const cued = draw(pool, quota - random.length, cuedWeight, 'cued:', perDoc, taken);
    picked.push(...random.map((c) => ({ ...c, draw: 'random' })), ...cued.map((c) => ({ ...c, draw: 'cued' })));
    process.stderr.write(`${source}: ${pool.length} candidate sentences, drew ${random.length} random + ${cued.length} cued\n`);
  }
  const rows = picked
    .map((c) => ({ ...c, split: unit('split:' + c.id) < TEST_SHARE ? 'test' : 'train' }))
    .sort((a, b) => unit('order:' + a.id) - unit('order:' + b.id))
    .map(({ cues: _cues, ...rest }) => rest);
  const dir = join(REPO_ROOT, 'corpus/events');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sentences.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const test = rows.filter((r) => r.split === 'test').length;
  process.stderr.write(`wrote ${rows.length} sentences (${test} test, ${rows.length - test} train) to corpus/events/sentences.jsonl\n`);
}

main();
