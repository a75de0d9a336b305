// Parser for PETRARCH / TABARI / Phoenix text dictionaries (.actors.txt, .agents.txt).
//
// Actors format (one entry per block):
//   NAME_WORDS [CODE]  # comment         entry with an undated code
//   +SYNONYM                              more surface forms of the entry above
//   \t[CODE <911226]  \t[CODE 19950601 - 19990815]  \t[CODE >130201]   dated roles (YYMMDD or YYYYMMDD)
// "_" joins words; a name whose last word lacks the trailing "_" is a stem ("ARGENTIN" matches
// "Argentina"), which we keep by appending "*" to the alias. <!-- ... --> and # start comments.
// Agents format: PHRASE {PLURALS} [~CODE] (suffix: country + code) or [CODE~] (prefix), with
// "!SET! = A, B" substitution sets.
import type { ActorData, ActorRecord, AgentRecord, Role } from './types.js';

/** Strip <!-- --> blocks and # comments; keep line structure. */
function stripComments(text: string): string[] {
  return text
    .replace(/<!--[\s\S]*?-->/g, (m) => '\n'.repeat((m.match(/\n/g) ?? []).length))
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').replace(/<!\s*--.*$/, '').replace(/\s+$/, ''));
}

/** "911226" -> "1991-12-26", "20100109" -> "2010-01-09"; null when not a date. */
export function petrarchDate(d: string): string | null {
  let y: number, rest: string;
  if (/^\d{8}$/.test(d)) {
    y = Number(d.slice(0, 4));
    rest = d.slice(4);
  } else if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = d.slice(2);
  } else return null;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

function dayBefore(iso: string): string {
  const t = Date.parse(iso + 'T00:00:00Z') - 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A code as PETRARCH writes it; "---", "+++", "###" mean "no code". "ELR/GAL" keeps the first. */
function cleanCode(raw: string): string | null {
  const c = raw.trim().split('/')[0].toUpperCase();
  return /^[A-Z0-9]+$/.test(c) ? c : null;
}

/** Parse one "[CODE restriction]" body into a role, or an undated code. */
function parseCodeBlock(body: string): { code: string | null; role: Role | null } {
  const m = /^\s*([^\s<>\d]+)\s*(.*)$/.exec(body);
  if (!m) return { code: null, role: null };
  const code = cleanCode(m[1]);
  const restriction = m[2].replace(/\s+/g, '');
  if (!restriction) return { code, role: null };
  if (!code) return { code: null, role: null };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d{6,8})$/.exec(restriction))) {
    const d = petrarchDate(r[1]);
    return { code, role: d ? [code, null, dayBefore(d)] : null };
  }
  if ((r = /^>(\d{6,8})$/.exec(restriction))) return { code, role: [code, petrarchDate(r[1]), null] };
  if ((r = /^(\d{6,8})-(\d{6,8})$/.exec(restriction))) return { code, role: [code, petrarchDate(r[1]), petrarchDate(r[2])] };
  return { code, role: null };
}

/** PETRARCH alias -> our alias: "_" to spaces; a missing trailing "_" marks a stem ("*"). */
function alias(raw: string): string {
  const stopped = raw.endsWith('_');
  const words = raw.replace(/_/g, ' ').trim();
  if (!words) return '';
  return stopped || /[^A-Za-z]$/.test(words) ? words : words + '*';
}

function displayName(raw: string): string {
  return raw
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

export function parsePetrarchActors(text: string): ActorRecord[] {
  const out: ActorRecord[] = [];
  let current: ActorRecord | null = null;
  for (const line of stripComments(text)) {
    if (!line.trim() || line.trim().startsWith('<')) continue;
    const codeBlocks = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const head = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(line) && !head) {
      // Indented code line(s) for the current entry.
      if (current) addCodes(current, codeBlocks);
      continue;
    }
    if (head.startsWith('+')) {
      if (current) {
        const a = alias(head.slice(1).trim());
        if (a) current.aliases.push(a);
        addCodes(current, codeBlocks);
      }
      continue;
    }
    if (!head) continue;
    current = { name: displayName(head), kind: 'ORG', aliases: [alias(head)], code: null, roles: [] };
    addCodes(current, codeBlocks);
    out.push(current);
  }
  for (const a of out) {
    const c = a.code ?? a.roles?.[0]?.[0] ?? '';
    a.kind = c.length === 3 ? 'PLACE' : 'ORG';
    if (a.roles && a.roles.length === 0) delete a.roles;
  }
  return out;
}

function addCodes(a: ActorRecord, blocks: string[]): void {
  for (const b of blocks) {
    const { code, role } = parseCodeBlock(b);
    if (role) (a.roles ??= []).push(role);
    else if (code && !a.code) a.code = code;
  }
}

export function parsePetrarchAgents(text: string): AgentRecord[] {
  const sets = new Map<string, string[]>();
  const out: AgentRecord[] = [];
  for (const line of stripComments(text)) {
    const def = /^\s*(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (def) {
      sets.set(def[1], def[2].split(',').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const m = /^\s*([^[{]+?)\s*(\{[^}]*\})?\s*\[\s*([^\]]*)\]/.exec(line);
    if (!m) continue;
    const rawCode = m[3].replace(/\s+/g, '');
    const prefix = rawCode.endsWith('~');
    const code = rawCode.replace(/~/g, '').toUpperCase();
    if (!/^[A-Z]+$/.test(code)) continue;
    const plurals = m[2] ? m[2].slice(1, -1).split(/[\s,]+/).filter(Boolean) : null;
    const forms = expandSets(m[1], sets);
    for (const f of forms) {
      const phrase = f.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
      if (!phrase) continue;
      out.push({ phrase, code, ...(prefix ? { prefix } : {}) });
      // PETRARCH forms regular plurals itself; "{}" means the phrase has none.
      const plural = plurals === null ? [regularPlural(phrase)] : plurals.map((p) => p.replace(/_/g, ' '));
      for (const p of plural) if (p && p !== phrase) out.push({ phrase: p, code, ...(prefix ? { prefix } : {}) });
    }
  }
  return out;
}

function expandSets(phrase: string, sets: Map<string, string[]>): string[] {
  const m = /![A-Z]+!/.exec(phrase);
  if (!m) return [phrase];
  const values = sets.get(m[0]) ?? [];
  return values.flatMap((v) => expandSets(phrase.replace(m[0], v), sets));
}

export function regularPlural(phrase: string): string {
  if (/(S|SH|CH|X|Z)$/i.test(phrase)) return phrase + 'ES';
  if (/[^AEIOU]Y$/i.test(phrase)) return phrase.slice(0, -1) + 'IES';
  return phrase + 'S';
}

/** A whole dictionary from PETRARCH text files (no countries or offices: those are actors there). */
export function parsePetrarch(actorsText: string, agentsText?: string): ActorData {
  return {
    version: 1,
    countries: [],
    actors: parsePetrarchActors(actorsText),
    agents: agentsText ? parsePetrarchAgents(agentsText) : [],
    offices: [],
  };
}
