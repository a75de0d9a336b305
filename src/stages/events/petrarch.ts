// PETRARCH-format verb dictionaries (TABARI/PETRARCH "--- BLOCK [code] ---" files) parsed into a
// lookup the coder uses: verb lemma -> default CAMEO code + phrase patterns. Used at build time to
// mine the Phoenix dictionary into data/cameo.json, and at run time to code the PETRARCH validation
// suites with their own (fictional) dictionaries.

/** One phrase pattern of a verb: words that must appear before/after the verb, in order. */
export interface VerbPattern {
  /** Each slot is a set of alternative words (synsets expanded), lower case. */
  before: string[][];
  after: string[][];
  /** CAMEO code, or null when the pattern says "do not code" ([---]). */
  code: string | null;
  /** "[043:042]": the code of the reciprocal event, target -> source (A hosts B = B visits A). */
  reverse?: string | null;
  /** The pattern itself contains a negation ("NOT * AID", "&NEGATVAUXVRB * OVER EFFORTS"): its
   *  code already says what the negated verb means, so the event is not flagged negated. */
  negative?: boolean;
}

export interface VerbEntry {
  /** The block's (or the verb's own) default CAMEO code; null = code only through patterns. */
  code: string | null;
  /** The reciprocal code of "[040:040]"-style entries (see VerbPattern.reverse). */
  reverse?: string | null;
  patterns: VerbPattern[];
  /** Words that must follow the verb for it to count (phrasal verbs like BREAK_DOWN). */
  particles: string[];
}

export interface VerbDictionary {
  /** Lower-case verb (lemma or listed surface form) -> entries (one per block it appears in). */
  verbs: Map<string, VerbEntry[]>;
}

/** "[064]" -> "064", "[013:012]" -> "013", "[---]" -> null. */
export function parseCode(bracket: string): string | null {
  const inner = bracket.replace(/[[\]\s]/g, '').split(':')[0] ?? '';
  const digits = inner.replace(/[^0-9]/g, '');
  return digits === '' ? null : digits;
}

/** "[043:042]" -> "042" (the reciprocal event's code); null when the code names no reciprocal. */
export function parseReverse(bracket: string): string | null {
  const parts = bracket.replace(/[[\]\s]/g, '').split(':');
  return parts.length > 1 ? parseCode(parts[1]!) : null;
}

const BRACKET = /\[([^\]]*)\]/;

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}

/** Expand a pattern phrase ("* (WITH &TIETYPES) RELATIONS") into word slots. */
function slots(phrase: string, synsets: Map<string, string[]>): string[][] {
  const out: string[][] = [];
  for (const raw of phrase.replace(/[(){}]/g, ' ').split(/[\s_]+/)) {
    const w = raw.replace(/^\+/, '').trim();
    if (w === '' || w === '$' || w === '%' || w === '+' || w === '^') continue;
    if (w.startsWith('&')) {
      const members = synsets.get(w.toUpperCase()) ?? [];
      // A multi-word synset member is reduced to its first word: slots match single tokens.
      const words = members.map((m) => m.split(/[\s_]+/)[0]!.toLowerCase()).filter((m) => m !== '');
      if (words.length) out.push(words);
      continue;
    }
    out.push([w.toLowerCase()]);
  }
  return out;
}

/** Parse a PETRARCH verb dictionary into a lookup (lenient: unknown lines are skipped). */
export function loadPetrarchVerbs(text: string): VerbDictionary {
  const lines = text.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  // Synsets first, wherever they are defined: patterns may use one before its definition.
  const synsets = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of lines) {
    const l = stripComment(line);
    if (l.startsWith('&')) {
      current = l.split(/\s+/)[0]!.toUpperCase();
      synsets.set(current, []);
    } else if (current && l.startsWith('+')) {
      synsets.get(current)!.push(l.slice(1).trim());
    } else if (l === '' || l.startsWith('---')) {
      current = null;
    }
  }
  // Synsets may contain other synsets (one level is enough for the files we read).
  for (const [name, members] of synsets) {
    synsets.set(name, members.flatMap((m) => (m.startsWith('&') ? synsets.get(m.split(/\s+/)[0]!.toUpperCase()) ?? [] : [m])));
  }

  const verbs = new Map<string, VerbEntry[]>();
  let blockCode: string | null = null;
  let blockReverse: string | null = null;
  let blockEntries: VerbEntry[] = [];
  let blockPatterns: VerbPattern[] = [];
  let inSynset = false;
  const add = (word: string, entry: VerbEntry): void => {
    const key = word.toLowerCase();
    const list = verbs.get(key);
    if (list) list.push(entry);
    else verbs.set(key, [entry]);
  };
  for (const line of lines) {
    const l = stripComment(line);
    if (l === '') {
      inSynset = false;
      continue;
    }
    if (l.startsWith('---')) {
      const m = BRACKET.exec(l);
      blockCode = m ? parseCode(m[0]) : null;
      blockReverse = m ? parseReverse(m[0]) : null;
      blockEntries = [];
      blockPatterns = [];
      inSynset = false;
      continue;
    }
    if (l.startsWith('&')) {
      inSynset = true;
      continue;
    }
    if (inSynset && l.startsWith('+')) continue;
    if (l.startsWith('-')) {
      const m = BRACKET.exec(l);
      if (!m) continue;
      // "[+++]", "[###]": malformed codes in the test dictionaries; such a pattern is ignored
      // ("[---]" is a real "do not code").
      if (parseCode(m[0]) === null && !/^\[\s*-+\s*\]$/.test(m[0])) continue;
      const body = l.slice(1, m.index).trim();
      const star = body.indexOf('*');
      if (star < 0) continue;
      const pattern: VerbPattern = {
        before: slots(body.slice(0, star), synsets),
        after: slots(body.slice(star + 1), synsets),
        code: parseCode(m[0]),
        reverse: parseReverse(m[0]),
      };
      if (negativePhrase(body.slice(0, star), synsets)) pattern.negative = true;
      blockPatterns.push(pattern);
      // Patterns belong to every verb of the block, including those listed before them.
      for (const e of blockEntries) e.patterns = blockPatterns;
      continue;
    }
    if (/^[A-Z+]/.test(l)) {
      // A verb line: "ACCUSE [112]", "BREAK { BROKE BROKEN }", "+BREAK_DOWN {+BREAKS_DOWN ...}".
      const m = BRACKET.exec(l);
      const code = m ? parseCode(m[0]) : blockCode;
      const reverse = m ? parseReverse(m[0]) : blockReverse;
      const head = l.replace(BRACKET, '').replace(/\{[^}]*\}/g, '').trim().split(/\s+/)[0] ?? '';
      const forms = (/\{([^}]*)\}/.exec(l)?.[1] ?? '').split(/\s+/).filter((f) => f !== '');
      const { verb, particles } = splitPhrasal(head);
      if (!verb) continue;
      const entry: VerbEntry = { code, reverse, patterns: blockPatterns, particles };
      blockEntries.push(entry);
      add(verb, entry);
      for (const f of forms) {
        const form = splitPhrasal(f).verb;
        if (form && form !== verb) add(form, entry);
      }
    }
  }
  return { verbs };
}

const NEGATION = /(^|[\s_])(NOT|N'T|NEVER|NO)([\s_]|$)/i;

/** A pre-verb phrase that negates: a negation word, or a synset whose members negate. */
function negativePhrase(phrase: string, synsets: Map<string, string[]>): boolean {
  if (NEGATION.test(phrase)) return true;
  for (const m of phrase.matchAll(/&[A-Z0-9_]+/gi)) {
    const name = m[0].toUpperCase();
    const members = synsets.get(name) ?? synsets.get(name.split('_')[0]!) ?? [];
    if (members.some((x) => NEGATION.test(x))) return true;
  }
  return false;
}

/** "+BREAK_DOWN" -> verb "break", particles ["down"]; "WIRE_+TAP" -> "tap" (words before are dropped). */
function splitPhrasal(head: string): { verb: string; particles: string[] } {
  const parts = head.split('_').filter((p) => p !== '');
  let idx = parts.findIndex((p) => p.startsWith('+'));
  if (idx < 0) idx = 0;
  const verb = (parts[idx] ?? '').replace(/^\+/, '').toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(verb)) return { verb: '', particles: [] };
  return { verb, particles: parts.slice(idx + 1).map((p) => p.replace(/^\+/, '').toLowerCase()) };
}
