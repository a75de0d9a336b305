// What `demarche watch` says on stderr, from a round's counts.
import { describe, expect, it } from 'vitest';
import type { RoundSummary } from '../../src/app/watch.js';
import { feedLine, pageLine, roundStatus, roundSummaryLine } from '../../src/cli/watch-report.js';

const base: RoundSummary = {
  round: 3, started_at: '2026-01-01T00:00:00Z', feeds: 12, changed: 9, unchanged: 2, feeds_failed: 1, waiting: 0, new_pages: 30,
  stored: 27, queued: 0, already: 1, duplicates: 1, events: 140, pages_failed: 1, retrying: 1, hits: 2, interrupted: false, seconds: 8.2,
};

describe('watch report', () => {
  it('sums a round up in one line', () => {
    expect(roundSummaryLine(base)).toBe(
      'round 3: 12 feeds (9 changed, 2 unchanged, 1 failed); 30 new pages; 27 articles stored, 1 near-duplicate marked, 1 already stored, 1 failed, 1 to retry; 140 events; 2 alert hits; 8.2 s',
    );
    expect(roundSummaryLine({ ...base, queued: 27, stored: 0, interrupted: true })).toMatch(/^interrupted round 3: .*27 articles queued for the workers.*; 2 alert hits; 8.2 s$/);
  });

  it('keeps the status line within a terminal row', () => {
    const line = roundStatus({ ...base, feeds: 120, changed: 99, new_pages: 1234, stored: 1200, events: 15000, feeds_failed: 10, pages_failed: 20 });
    expect(line).toBe('watch round 3: feeds 111/120 | 1234 new pages | 1200 stored, 1 known | 15000 events | 30 errors');
    expect(line.length).toBeLessThanOrEqual(100);
  });

  it('says one line per failure, nothing when all went well', () => {
    expect(feedLine({ feed: 'https://x/f', kind: 'failed', error: 'HTTP 500 Internal Server Error (3 attempts)' })).toBe('error: https://x/f: HTTP 500 Internal Server Error (3 attempts)');
    expect(feedLine({ feed: 'https://x/f', kind: 'unchanged' })).toBeNull();
    expect(pageLine({ page: 'https://x/p', kind: 'retry', error: 'timed out after 30 s' })).toBe('warning: https://x/p: timed out after 30 s; trying again in a later round');
  });
});
