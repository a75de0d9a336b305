// Container dates (JSON Lines, CSV, feeds) are the day as written in the writer's own zone.
import { describe, expect, it } from 'vitest';
import { documentFromRecord, normaliseDate } from '../../src/ingest/record.js';

describe('normaliseDate', () => {
  it('reads a date in its own offset, never shifted to UTC (-05:00, +09:00, Z)', () => {
    expect(normaliseDate('Tue, 01 Mar 2025 22:30:00 -0500')).toBe('2025-03-01');
    expect(normaliseDate('Sat, 01 Mar 2025 07:00:00 +0900')).toBe('2025-03-01');
    expect(normaliseDate('Sat, 01 Mar 2025 22:30:00 EST')).toBe('2025-03-01');
    expect(normaliseDate('Sun, 02 Mar 2025 03:30:00 GMT')).toBe('2025-03-02');
    expect(normaliseDate('2025-03-01T22:30:00-05:00')).toBe('2025-03-01');
    expect(normaliseDate('2025-03-02T03:30:00Z')).toBe('2025-03-02');
  });

  it('reads a date without a zone as the day written', () => {
    expect(normaliseDate('March 1, 2025')).toBe('2025-03-01');
    expect(normaliseDate('nonsense')).toBeNull();
  });
});

describe('documentFromRecord', () => {
  it('takes the page address from url or link', () => {
    const a = documentFromRecord({ html: '<p>x</p>', url: 'https://example.com/2025/03/01/a' }, 'f.jsonl:1');
    const b = documentFromRecord({ html: '<p>x</p>', link: 'https://example.com/2025/03/01/b' }, 'f.jsonl:2');
    expect('url' in a && a.url).toBe('https://example.com/2025/03/01/a');
    expect('url' in b && b.url).toBe('https://example.com/2025/03/01/b');
  });
});
