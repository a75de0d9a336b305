// Direct quotations of an article as character ranges, for the first-person pronouns inside them:
// "we" in “We will not pay,” the minister said is the minister's side, not the reporter's. A
// quotation may run over several sentences (“... . And ... ,” Trump said), so the range is taken
// from the quote marks, not from the sentences; who said it is decided in coreference.ts, where the
// speaker's own mention has its code by then.

export interface Quotation {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark, or where the quotation stops without one. */
  end: number;
  /** A closing mark was found: only then can an attribution follow it. */
  closed: boolean;
}

const OPEN = '“';
/** Closings of “: the right mark, and the doubled apostrophes some copy uses ("kill me,’’"). */
const CLOSE = /”|’’|''/g;

/** The article's quotations, in order, without overlaps. */
export function quotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  if (!text.includes('"') && !text.includes(OPEN)) return out;
  let i = 0;
  while (i < text.length) {
    const open = nextOpening(text, i);
    if (open < 0) break;
    if (text[open] === '"') {
      // Straight marks open and close alike: the next one closes, unless a paragraph ends first.
      const close = text.indexOf('"', open + 1);
      const para = paragraphEnd(text, open);
      if (close < 0 || close > para) {
        out.push({ start: open, end: para, closed: false });
        i = para;
      } else {
        out.push({ start: open, end: close + 1, closed: true });
        i = close + 1;
      }
      continue;
    }
    CLOSE.lastIndex = open + 1;
    const m = CLOSE.exec(text);
    const close = m ? m.index : -1;
    // A quotation carried into the next paragraph opens it again without closing the first one
    // (the usual convention): the first stops at the next opening, with no attribution after it.
    const reopen = text.indexOf(OPEN, open + 1);
    if (close < 0 || (reopen >= 0 && reopen < close)) {
      const stop = reopen >= 0 ? reopen : text.length;
      out.push({ start: open, end: stop, closed: false });
      i = stop;
    } else {
      out.push({ start: open, end: close + m![0].length, closed: true });
      i = close + m![0].length;
    }
  }
  return out;
}

function nextOpening(text: string, from: number): number {
  const a = text.indexOf(OPEN, from);
  const b = text.indexOf('"', from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

function paragraphEnd(text: string, from: number): number {
  const n = text.indexOf('\n\n', from);
  return n < 0 ? text.length : n;
}
