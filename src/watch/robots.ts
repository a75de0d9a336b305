// robots.txt (RFC 9309): which paths of a site a crawler called `agent` may fetch. The group whose
// user-agent names us wins over "*"; within it the longest matching rule decides, Allow winning a
// tie; "*" matches any run of characters and a final "$" anchors the end. Crawl-delay, which the
// RFC does not define but many sites use, is kept as the least time between two requests.

interface Rule {
  allow: boolean;
  /** The path pattern as written (length decides precedence). */
  pattern: string;
  regex: RegExp;
}

export interface Robots {
  /** May this path (with its query) be fetched? */
  allows(pathAndQuery: string): boolean;
  /** Seconds between requests the site asks for, or null. */
  crawlDelay: number | null;
  /** Why robots.txt could not be read, when that is why everything is disallowed (RFC 9309: 5xx, no answer). */
  unreachable?: string;
}

export const ALLOW_ALL: Robots = { allows: () => true, crawlDelay: null };
export const DISALLOW_ALL: Robots = { allows: () => false, crawlDelay: null };

/** A robots.txt path pattern as a regular expression anchored at the start. */
function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => normalisePath(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encodes what a server would (so "/café" and "/caf%C3%A9" compare equal); %XX kept, upper-cased. */
function normalisePath(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()).replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelay: number | null;
}

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group.
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [], crawlDelay: null }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue; // rules before any user-agent line belong to nobody
    if (key === 'allow' || key === 'disallow') {
      // "Disallow:" with nothing after it allows everything: no rule.
      if (value === '') continue;
      current.rules.push({ allow: key === 'allow', pattern: value, regex: patternRegex(value) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  return groups;
}

/** The rules robots.txt `text` sets for the crawler whose product token is `agent` (e.g. "demarche"). */
export function parseRobots(text: string, agent: string): Robots {
  const token = agent.toLowerCase();
  const groups = parseGroups(text);
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  // Several groups for the same agent are combined, as the RFC says.
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== null);
  return {
    crawlDelay: delays.length ? Math.max(...delays) : null,
    allows(pathAndQuery) {
      const path = normalisePath(pathAndQuery || '/');
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        const longer = !best || rule.pattern.length > best.pattern.length;
        const tieWon = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
        if (longer || tieWon) best = rule;
      }
      return best ? best.allow : true;
    },
  };
}
