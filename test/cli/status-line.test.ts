// The terminal status line of `demarche ingest`: drawn in place, never glued to problem lines,
// clipped to the terminal width, gone after stop(); absent when stderr is not a terminal.
import { describe, expect, it } from 'vitest';
import { statusLine } from '../../src/cli/status-line.js';

function fakeTerminal(columns = 80): { stream: NodeJS.WriteStream; out: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY: true, columns, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, out: () => chunks.join('') };
}

/** What a terminal would show: \r returns to column 0, ESC[K erases to the end of the line, text overwrites. */
function screen(raw: string): string[] {
  const lines = [''];
  let col = 0;
  for (const part of raw.split(/(\r|\n|\x1b\[K)/)) {
    const row = lines.length - 1;
    if (part === '\n') (lines.push(''), (col = 0));
    else if (part === '\r') col = 0;
    else if (part === '\x1b[K') lines[row] = lines[row]!.slice(0, col);
    else (lines[row] = lines[row]!.slice(0, col) + part + lines[row]!.slice(col + part.length)), (col += part.length);
  }
  return lines;
}

describe('status line', () => {
  it('keeps problem lines whole and leaves nothing behind after stop()', () => {
    const t = fakeTerminal();
    const s = statusLine(t.stream, true);
    s.set('ingest: 1 docs');
    s.log('error: a.txt: empty file\n');
    s.set('ingest: 2 docs');
    s.log('error: b.txt: binary content\n');
    s.stop();
    s.set('ingest: 3 docs'); // late updates after stop are ignored
    t.stream.write('ingested 2 articles\n');
    expect(screen(t.out())).toEqual(['error: a.txt: empty file', 'error: b.txt: binary content', 'ingested 2 articles', '']);
  });

  it('clips the line to the terminal width so it never wraps', () => {
    const t = fakeTerminal(30);
    const s = statusLine(t.stream, true);
    s.set('x'.repeat(100));
    const shown = screen(t.out())[0]!;
    expect(shown.length).toBeLessThan(30);
    expect(shown.endsWith('…')).toBe(true);
    s.stop();
  });

  it('prints only the problem lines when disabled (not a terminal, or --quiet)', () => {
    const t = fakeTerminal();
    const s = statusLine(t.stream, false);
    s.set('ingest: 1 docs');
    s.log('error: a.txt: empty file\n');
    s.stop();
    expect(t.out()).toBe('error: a.txt: empty file\n');
  });
});
