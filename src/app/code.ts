// `demarche code`: the stages after clean over a bare text, no store.
import type { CodeInput, Event } from '../model.js';
import { articleBaseOf, loadCoder } from '../pipeline.js';

/** The PLOVER events of a bare text. */
export async function code(input: CodeInput): Promise<Event[]> {
  return (await (await loadCoder()).run(articleBaseOf(input))).events;
}
