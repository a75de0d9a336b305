// Durations as people type them on the command line: "15m", "30s", "1h", "500ms", "1.5h".

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds for "15m", "30s", "1h", "500ms", "2d"; "0" is zero; null when it does not parse. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  if (m[2] === undefined) return value === 0 ? 0 : null; // a bare number is ambiguous (seconds? minutes?)
  return Math.round(value * UNIT_MS[m[2].toLowerCase()]!);
}

/** "15 min", "2.5 s", "1 h 30 min" — for status lines and messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  return minutes % 60 ? `${h} h ${minutes % 60} min` : `${h} h`;
}
