import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../src/watch/robots.js';

describe('robots.txt', () => {
  const text = `
# comments and blank lines are ignored
User-agent: *
Disallow: /private/
Allow: /private/open
Crawl-delay: 3

User-agent: demarche
User-agent: otherbot
Disallow: /news/draft
Disallow: /*.pdf$
Allow: /news/draft/ok
`;

  it('uses the group that names the crawler, not "*"', () => {
    const r = parseRobots(text, 'demarche');
    expect(r.allows('/private/x')).toBe(true); // only "*" forbids it
    expect(r.allows('/news/draft-1')).toBe(false);
    expect(r.crawlDelay).toBeNull();
  });

  it('falls back to "*" for other crawlers, with its Crawl-delay', () => {
    const r = parseRobots(text, 'somebot');
    expect(r.allows('/private/x')).toBe(false);
    expect(r.allows('/private/open/page')).toBe(true); // the longer Allow wins
    expect(r.crawlDelay).toBe(3);
  });

  it('matches the longest rule, wildcards and end anchors', () => {
    const r = parseRobots(text, 'demarche');
    expect(r.allows('/news/draft/ok/1')).toBe(true);
    expect(r.allows('/files/report.pdf')).toBe(false);
    expect(r.allows('/files/report.pdf?x=1')).toBe(true); // "$" anchors the end
    expect(r.allows('/robots.txt')).toBe(true);
  });

  it('allows everything when empty, or when "Disallow:" is empty', () => {
    expect(parseRobots('', 'demarche').allows('/anything')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n', 'demarche').allows('/a')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow: /\n', 'demarche').allows('/a')).toBe(false);
  });

  it('prefers Allow on a tie and compares percent-encoded paths', () => {
    const r = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /caf%c3%a9\n', 'demarche');
    expect(r.allows('/a')).toBe(true);
    expect(r.allows('/caf%C3%A9/x')).toBe(false);
  });
});
