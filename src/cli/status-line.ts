// A one-line live status on a terminal (stderr): redrawn in place at most a few times a second,
// cleared before any other line is printed so problem reports stay readable, gone at the end.
// When stderr is not a terminal it does nothing: logs and pipes get plain lines only.

export interface StatusLine {
  /** Sets the text shown; drawn now or at the next tick. */
  set(text: string): void;
  /** Prints a whole line (ending in "\n") above the status line. */
  log(line: string): void;
  /** Removes the status line. */
  stop(): void;
}

const REDRAW_MS = 125;

export function statusLine(stream: NodeJS.WriteStream = process.stderr, enabled = stream.isTTY === true): StatusLine {
  if (!enabled) return { set() {}, log: (line) => void stream.write(line), stop() {} };
  let text = '';
  let drawn = '';
  let shown = false;
  let lastDraw = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const draw = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || (shown && drawn === text)) return;
    lastDraw = Date.now();
    drawn = text;
    const width = Math.max(20, (stream.columns || 80) - 1);
    // \r + erase line, so a shorter text leaves nothing behind; clipped to one terminal row so it never wraps.
    stream.write(`\r\x1b[K${text.length > width ? text.slice(0, width - 1) + '…' : text}`);
    shown = true;
  };
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    set(next) {
      text = next;
      if (Date.now() - lastDraw >= REDRAW_MS) draw();
      else if (!timer) (timer = setTimeout(draw, REDRAW_MS)).unref();
    },
    log(line) {
      clear();
      stream.write(line);
      if (text && !stopped) draw();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      stopped = true;
      clear();
    },
  };
}
