// Article text with marked spans (evidence sentences, entities), built from text nodes only.
import { h } from './dom.js';

export interface Mark {
  start: number;
  end: number;
  /** CSS classes for the marked text, e.g. "evidence current". */
  className: string;
  title?: string;
  /** Link target (a hash route) when the mark leads somewhere. */
  href?: string;
  /** Event id this evidence belongs to (data-events lists all events covering a piece). */
  event?: string;
}

/**
 * Cuts the text at every mark boundary; each piece covered by marks becomes one element carrying
 * the classes of all marks covering it (so an entity inside an evidence sentence keeps both).
 */
export function renderMarked(text: string, marks: Mark[]): DocumentFragment {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(from, to);
    const covering = valid.filter((m) => m.start <= from && m.end >= to);
    if (!covering.length) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const linked = covering.find((m) => m.href);
    const titles = covering.map((m) => m.title).filter(Boolean).join(' · ');
    const el = h(linked ? 'a' : 'mark', {
      class: covering.map((m) => m.className).join(' '),
      title: titles || undefined,
      href: linked?.href,
      'data-events': covering.map((m) => m.event).filter(Boolean).join(' ') || undefined,
    }, piece);
    frag.append(el);
  }
  return frag;
}

/** Snippets from the search index mark hits as «word»; everything else stays text. */
export function renderSnippet(snippet: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const [i, part] of snippet.split(/[«»]/).entries()) {
    if (!part) continue;
    frag.append(i % 2 ? h('mark', { class: 'hit' }, part) : document.createTextNode(part));
  }
  return frag;
}
