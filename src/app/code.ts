// `demarche code`: the stages after clean over a bare text, no store.
import type { CodeInput, Event } from '../model.js';
import { codeText } from '../pipeline.js';

/** The PLOVER events of a bare text. */
export function code(input: CodeInput): Event[] {
  return codeText(input).events;
}
