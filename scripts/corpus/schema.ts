// The shape of one annotated sentence (docs/ANNOTATION.md, section 8) and its checks, shared by
// the validator, the merge of annotators' files and the training and evaluation readers.

export const TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const MODALITIES = ['asserted', 'intent', 'threat', 'demand', 'refusal', 'hypothetical', 'denied'] as const;
export const SECTORS = [
  'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY', 'PTY', 'OPP', 'REB', 'UAF', 'CRM', 'CVL', 'MED', 'BUS',
  'EDU', 'REL', 'NGO', 'REF', 'HLH', 'LAB', 'ELI',
] as const;

export interface AnnotatedActor {
  text: string | null;
  text_occurrence?: number;
  code: string | string[] | null;
  org?: string;
  ref?: string;
}

export interface AnnotatedEvent {
  trigger: string;
  trigger_occurrence?: number;
  action_trigger?: string;
  action_trigger_occurrence?: number;
  type: string;
  modality: string;
  action?: string;
  mode?: string;
  source: AnnotatedActor | null;
  target: AnnotatedActor | null;
  claimed_by?: string;
  claimed_by_occurrence?: number;
  confidence?: string;
  note?: string;
}

export interface Annotation {
  id: string;
  events: AnnotatedEvent[];
}

/** Where the n-th (1-based) occurrence of `needle` starts in `text`, or -1. */
export function nthIndex(text: string, needle: string, n = 1): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

const CODE = /^(?:[A-Z]{3}|---)(?:[A-Z]{3})?$/;
const ORG_PREFIX = new Set(['IGO', 'NGO', 'IMG']);

function checkCopy(field: string, value: string | undefined | null, occurrence: number | undefined, text: string, out: string[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || value.trim() === '') return void out.push(`${field} is not a non-empty string`);
  const n = count(text, value);
  if (n === 0) out.push(`${field} "${value}" is not in the sentence`);
  else if (occurrence !== undefined && (occurrence < 1 || occurrence > n)) out.push(`${field}_occurrence ${occurrence} but "${value}" occurs ${n} time(s)`);
}

function checkActor(role: string, a: AnnotatedActor | null | undefined, text: string, out: string[]): void {
  if (a === undefined) return void out.push(`${role} missing (use null when there is none)`);
  if (a === null) return;
  if (typeof a !== 'object') return void out.push(`${role} is not an object or null`);
  checkCopy(`${role}.text`, a.text, a.text_occurrence, text, out);
  const codes = a.code === null || a.code === undefined ? [] : Array.isArray(a.code) ? a.code : [a.code];
  for (const c of codes) {
    if (typeof c !== 'string' || !CODE.test(c)) out.push(`${role}.code "${String(c)}" is not a country part (+ sector)`);
    else if (c.length === 6 && !(SECTORS as readonly string[]).includes(c.slice(3))) out.push(`${role}.code "${c}" has an unknown sector`);
    else if (ORG_PREFIX.has(c.slice(0, 3)) && !a.org) out.push(`${role}.code "${c}" needs "org"`);
  }
  if (a.text === null && codes.length === 0 && a.org === undefined) out.push(`${role} has neither text nor code: use null`);
}

const FINAL_TYPE: Record<string, string[]> = {
  threat: ['THREATEN'],
  demand: ['REQUEST'],
  refusal: ['REJECT'],
  intent: ['AGREE', 'CONCEDE'],
};

/** Problems of one annotated sentence, as short messages (empty when it is well formed). */
export function checkAnnotation(a: Annotation, text: string): string[] {
  const out: string[] = [];
  if (!Array.isArray(a.events)) return ['events is not a list'];
  a.events.forEach((e, i) => {
    const at: string[] = [];
    if (!(TYPES as readonly string[]).includes(e.type)) at.push(`type "${e.type}" is not a PLOVER type`);
    if (!(MODALITIES as readonly string[]).includes(e.modality)) at.push(`modality "${e.modality}" is not one of ${MODALITIES.join('/')}`);
    const finals = FINAL_TYPE[e.modality];
    if (finals && !finals.includes(e.type)) at.push(`modality ${e.modality} needs type ${finals.join(' or ')}`);
    if (e.action !== undefined && !(TYPES as readonly string[]).includes(e.action)) at.push(`action "${e.action}" is not a PLOVER type`);
    if (!e.trigger) at.push('trigger missing');
    checkCopy('trigger', e.trigger, e.trigger_occurrence, text, at);
    checkCopy('action_trigger', e.action_trigger, e.action_trigger_occurrence, text, at);
    checkCopy('claimed_by', e.claimed_by, e.claimed_by_occurrence, text, at);
    checkActor('source', e.source, text, at);
    checkActor('target', e.target, text, at);
    if (e.confidence !== undefined && e.confidence !== 'high' && e.confidence !== 'low') at.push('confidence is high or low');
    for (const p of at) out.push(`event ${i + 1}: ${p}`);
  });
  return out;
}

/** A character range [start, end) in the sentence, or null when the text is absent. */
export type CharSpan = { start: number; end: number } | null;

/** An annotated event with its copied texts located in the sentence. */
export interface LocatedEvent {
  event: AnnotatedEvent;
  trigger: CharSpan;
  action: CharSpan;
  source: CharSpan;
  target: CharSpan;
}

function locate(text: string, value: string | null | undefined, occurrence: number | undefined): CharSpan {
  if (!value) return null;
  const at = nthIndex(text, value, occurrence ?? 1);
  return at < 0 ? null : { start: at, end: at + value.length };
}

export function eventSpans(e: AnnotatedEvent, text: string): LocatedEvent {
  return {
    event: e,
    trigger: locate(text, e.trigger, e.trigger_occurrence),
    action: locate(text, e.action_trigger, e.action_trigger_occurrence),
    source: locate(text, e.source?.text, e.source?.text_occurrence),
    target: locate(text, e.target?.text, e.target?.text_occurrence),
  };
}

/** Two spans overlap, or both are absent. */
export function spanOverlap(a: CharSpan, b: CharSpan): boolean {
  if (a === null || b === null) return a === b;
  return a.start < b.end && b.start < a.end;
}

/** A one-to-one matching of a to b (greedy, in order) under `same`. */
export function matchEvents<A, B>(a: A[], b: B[], same: (x: A, y: B) => boolean): [A, B][] {
  const used = new Set<number>();
  const out: [A, B][] = [];
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && same(x, y));
    if (j >= 0) {
      used.add(j);
      out.push([x, b[j]!]);
    }
  }
  return out;
}
