// What an agent phrase says about the words around it: a title names one person ("Foreign
// Minister", "counterpart"), a group noun names an organisation ("Foreign Ministry", "officials").
import type { AgentRecord, CountryRecord } from './types.js';

/** Last words that make an agent phrase a person's title. */
const TITLE_HEADS = new Set([
  'MINISTER', 'PRESIDENT', 'SECRETARY', 'FM', 'ENVOY', 'AIDE', 'SPOKESMAN', 'SPOKESWOMAN', 'SPOKESPERSON',
  'DIPLOMAT', 'AMBASSADOR', 'COUNTERPART', 'REPRESENTATIVE', 'CHANCELLOR', 'PREMIER', 'LEADER', 'OFFICIAL',
  'GENERAL', 'COMMANDER', 'KING', 'QUEEN', 'PRINCE', 'MONARCH', 'CHIEF', 'ADVISER', 'ADVISOR', 'DEPUTY',
  'GOVERNOR', 'MAYOR', 'SENATOR', 'LAWMAKER', 'EMIR', 'SHEIKH', 'PRIME', 'DIPLOMAT', 'NEGOTIATOR', 'HEAD',
]);

export function isTitle(agent: AgentRecord): boolean {
  const phrase = agent.phrase;
  if (agent.office) return !phrase.endsWith('S') || phrase.endsWith('SECRETARY OF STATE');
  return TITLE_HEADS.has(phrase.slice(phrase.lastIndexOf(' ') + 1));
}

export function isCounterpart(agent: AgentRecord): boolean {
  return agent.phrase === 'COUNTERPART';
}

/** "FOREIGN MINISTRY" -> "Foreign Ministry"; "FM" stays. */
export function titleText(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(' ')
    .map((w, i) => (w.length <= 2 && i > 0 && w !== 'fm' ? w : w === 'fm' ? 'FM' : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Country code + agent code, or prefix agent + country ("NGO~" -> NGOUSA). */
export function compose(root: string, agent: AgentRecord): string {
  return agent.prefix ? agent.code + root : root + agent.code;
}

export function adjective(c: CountryRecord): string {
  const a = c.adjectives[0];
  return a ? a.charAt(0) + a.slice(1).toLowerCase() : c.name;
}

