// Plain-text documents: blocks -> re-joined lines -> boilerplate classifier -> repeats kept once.
import { classifyBlocks } from './boilerplate.js';
import { detectLanguage } from './language.js';
import { countWords, dedupeParagraphs, normaliseNewlines, rejoinWrapped } from './paragraphs.js';

export interface TextExtraction {
  title: string | null;
  paragraphs: string[];
  /** The language the classifier used, detected on the candidate text (the kept text's, in practice). */
  language: string | null;
}

/** Splits on blank lines, then re-joins hard-wrapped lines within each block into paragraphs. */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of normaliseNewlines(text).split(/\n[ \t\u00a0]*\n/)) {
    for (const p of rejoinWrapped(block.split('\n'))) paragraphs.push(p);
  }
  return paragraphs;
}

const HEADLINE_MAX_WORDS = 25;

/** A first paragraph of 3 to 25 words reads as the headline (body paragraphs run longer). */
function headline(paragraph: string | undefined): string | null {
  if (paragraph === undefined) return null;
  const words = countWords(paragraph);
  if (words < 3 || words > HEADLINE_MAX_WORDS || paragraph.length > 200) return null;
  return paragraph;
}

/** Main text of a plain-text document as paragraphs, plus a headline-like first line as title. */
export function extractPlainText(text: string): TextExtraction {
  const candidates = splitParagraphs(text);
  const language = detectLanguage(candidates.join('\n'));
  const keep = classifyBlocks(candidates.map((t) => ({ text: t })), language);
  const paragraphs = dedupeParagraphs(candidates.filter((_, i) => keep[i]));
  return { title: headline(paragraphs[0]), paragraphs, language };
}
