// The CAMEO codebook joined with PLOVER (data/cameo.json, built by scripts/build-cameo.ts), loaded
// once on first use.
import { existsSync, readFileSync } from 'node:fs';
import { PLOVER_TYPES, type EventMode, type PloverType } from '../../model.js';
import { packageFile } from '../../package-root.js';

export interface CameoCode {
  name: string;
  goldstein: number;
  /** PLOVER event type, null for CAMEO 01 (statements), which PLOVER does not code. */
  plover: string | null;
  /** PLOVER mode from the conversion table (phone, visit, third-party, ...). */
  mode: string | null;
  /** ConfliBERT penta class 0-4. */
  penta: number;
}

/** A verb mined from the Phoenix dictionary: default code and the index of its pattern list. */
export interface MinedVerb {
  c: string | null;
  p: number;
}

export interface CameoTable {
  codes: Record<string, CameoCode>;
  verbs: Record<string, MinedVerb>;
  /** Pattern lists shared by the verbs of one block: [post-verb slots, code]; slots are
   *  space-separated, alternatives joined by "|". */
  patterns: [string, string][][];
}

let table: CameoTable | null = null;

function dataFile(): string {
  return packageFile('data', 'cameo.json');
}

function withoutPrototype<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

export function cameoTable(): CameoTable {
  if (!table) {
    const file = dataFile();
    if (!existsSync(file)) throw new Error(`CAMEO table missing: ${file} (run scripts/build-cameo.ts)`);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CameoTable;
    // Looked up by any word of any text: "constructor" must not find Object's own member.
    table = { ...parsed, codes: withoutPrototype(parsed.codes), verbs: withoutPrototype(parsed.verbs) };
  }
  return table;
}

/** The codebook entry of a code, falling back to its parent (0314 -> 031 -> 03). */
export function cameoInfo(code: string): CameoCode | null {
  const codes = cameoTable().codes;
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const info = codes[c];
    if (info) return info;
  }
  return null;
}

const PLOVER_SET = new Set<string>(PLOVER_TYPES);

export function ploverOf(code: string): PloverType | null {
  const p = cameoInfo(code)?.plover ?? null;
  return p && PLOVER_SET.has(p) ? (p as PloverType) : null;
}

/** The Event.mode a CAMEO code implies by itself (context may refine it). */
export function modeOf(code: string): EventMode {
  if (code.startsWith('041')) return 'phone';
  if (code.startsWith('042') || code.startsWith('043')) return 'visit';
  if (code.startsWith('044')) return 'meet';
  return null;
}
