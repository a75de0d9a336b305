// graphile-worker logs every completed job and multi-line stacks; workers print one line per
// warning or error instead (the queue and the store keep the details).
import { Logger } from 'graphile-worker';

/** A graphile-worker Logger that passes warnings and errors on as single lines. */
export function quietLogger(write: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level !== 'error' && level !== 'warning') return;
    const first = message.split('\n', 1)[0]!.trim();
    write(`${level === 'error' ? 'error' : 'warning'}: ${first}`);
  });
}
