// A feature-scored classifier for boilerplate blocks (lines of plain text, paragraphs of HTML).
//
// No list of fixed phrases: each block gets a score from generic evidence (is it a sentence, does it
// carry letters, how much of it is interface vocabulary, does it end like a label, are words glued
// together as menus are, is it in the head/tail zone outside the article body, is it written in
// another language than the document, how much of it is link text). Blocks scoring >= `drop` go.
// In plain text, near the end of a document, the first boilerplate block after which no real
// paragraph follows cuts the tail (comment forms, "more from" boxes), the way a reader stops reading.
import { LETTER } from './chars.js';
import { reliableLanguage } from './language.js';
import { countWords } from './paragraphs.js';
import { TextCache } from './text-cache.js';
import { uiShare } from './ui-share.js';
import { CALL_VERBS, CALL_WORDS, READER_WORDS } from './vocabulary.js';

export interface Block {
  text: string;
  /** Characters of the block that are link text (HTML only; 0 for plain text). */
  linkChars?: number;
}

/** How blocks are dropped; the values were tuned on the seeds (text) and trafilatura_eval (HTML). */
export interface ClassifierOptions {
  /** Score at or above which a block is boilerplate. */
  drop: number;
  /** Evidence added to non-sentence blocks before the first / after the last sentence-like block. */
  edge: number;
  /** Apply the tail cut. */
  tailCut: boolean;
}
export const TEXT_CLASSIFIER: ClassifierOptions = { drop: 2, edge: 1, tailCut: true };
/** No tail cut for HTML: Readability's container already ends where the article does. */
export const HTML_CLASSIFIER: ClassifierOptions = { drop: 2, edge: 1, tailCut: false };
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;
const LABEL_END = /:\s*$/;
const GLUED = /\p{Ll}{2}\p{Lu}\p{Ll}/gu;
const BULLET = /^[•·▪●■*►>»-]\s*/;
const LINKISH = /(https?:\/\/|www\.|\.(com|org|net|cn|de|uk)\b|@\w+\.\w|>>)/i;
const MONTH =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|août|déc)/i;
const NUMERIC_DAY = /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/;
const BYLINE = /^(by|von|par|por|from)\s+\p{Lu}/iu;
/** Metadata rows separate their fields with bars or bullets: "14. Juni 2019 | 15:49 | 0 Comments". */
const SEPARATORS = /\s[|•·]\s/g;
const CLOCK = /\b\d{1,2}:\d{2}\b/;
/** Picture credits and copyright lines: "Foto: dpa", "Credit: Getty Images", "© AFP". */
const CREDIT = /^\(?(photo|foto|bild|credit|image|kuva|source|quelle|fuente)s?\s*:|©|\(c\)\s*\d{4}|getty images/i;

/** Picture credits closing a caption: "... | © Augusta National/Getty Images", "... Foto: Andina". */
const CREDIT_END = /(©|\(c\)\s|\b(foto|photo|bild|credit)s?\s*:|getty|istock|shutterstock|imago|symbolbild)[^.!?]{0,50}[.)\]]?$/i;
/** Captions point at people in the picture: "(right)", "(l.)", "(Mitte)", "(2nd left)". */
const PICTURE_POSITION = /\((left|right|centre|center|l\.|r\.|m\.|li\.|re\.|links|rechts|mitte|izq\.|der\.|izquierda|derecha|à gauche|à droite|(2nd|second|third|3rd) (from )?(left|right))\)/i;
/** Captions that announce themselves: "Abbildung 4: ...", "Figure 2.", "Beitragsbild: ...". */
const CAPTION_START = /^(abbildung|abb\.|figure|fig\.|beitragsbild|titelbild|symbolbild)\s*\d*[.:]/i;
const WORD = /[\p{L}-]+/gu;
/** An author bio opens on a name and a verb of who they are ("Inga Buller ist", "Evan Halper writes")... */
const BIO_START = /^(\p{Lu}[\p{L}'’.-]+\s){1,3}(is|ist|writes|schreibt|covers|has|hat|est|es|was|war|works|arbeitet|lives|lebt|studied|studierte|joined|fell)\b/u;
/** ...and names a trade of writing. */
const BIO_ROLE =
  /\b(journalist|reporter|writer|writing|writes|editor|correspondent|columnist|redakteur|autor|author|founder|gründer|head of|freelance|contributor|periodista|redactor|journaliste|rédact|blogger|photographer|fotograf)/i;
/** German formal address mid-sentence ("Abonnieren Sie", "für Ihre Daten"); after a full stop "Sie" may be "she". */
const FORMAL_YOU = /(?<![.!?:…]["'“”»]?)\s(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b/u;

export interface Scored {
  score: number;
  sentence: boolean;
  words: number;
  /** Evidence the block talks to the reader about the site (calls to action, disclosures, author bios). */
  aside: number;
}

/** Sentence-like: what article bodies are made of. */
function isSentence(text: string, words: number, separators: number): boolean {
  // Separators mark menus ("Home | News | Sport") when they are dense; a long story that merely
  // contains a few ("• As told to …") is still prose.
  const menuLike = separators >= 2 && words < SEPARATOR_PROSE_WORDS * separators;
  return !menuLike && (words >= 12 || (words >= 6 && SENTENCE_END.test(text)));
}

/** Words per separator above which a block reads as prose with a few separators in it. */
const SEPARATOR_PROSE_WORDS = 40;

/** Blocks longer than this are not calls to action, whatever they mention. */
const CALL_MAX_WORDS = 60;
/** Addressing the reader counts towards an aside only in a block this short. */
const ADDRESS_MAX_WORDS = 25;

const NO_CALL: { readonly calls: number; readonly addressed: boolean } = { calls: 0, addressed: false };

/**
 * How a block speaks to the reader about the site: distinct call/disclosure words (plus one for
 * opening on a call verb), and whether it addresses the reader while naming one.
 */
function readerCall(text: string, topical: ReadonlySet<string>): { calls: number; addressed: boolean } {
  const words = text.toLowerCase().match(WORD);
  if (words === null) return NO_CALL;
  let seen: Set<string> | null = null;
  for (const w of words) if (CALL_WORDS.has(w) && !topical.has(w)) (seen ??= new Set()).add(w);
  // Without a call word, whether the block addresses the reader does not matter.
  if (seen === null) return NO_CALL;
  return { calls: seen.size + (CALL_VERBS.has(words[0]!) ? 1 : 0), addressed: addressesReader(text, words) };
}

/** Second person: "Sie"/"Ihr" by their capital, or a reader word that is not itself a call word. */
function addressesReader(text: string, words: string[]): boolean {
  return FORMAL_YOU.test(text) || words.some((w) => !CALL_WORDS.has(w) && READER_WORDS.has(w));
}

/**
 * Scores are asked for repeatedly (expansion, then classification), and the same text comes as
 * several blocks (a page's body and Readability's copy of its article): each is computed once.
 */
const scores = new TextCache<{ language: string | null; linkChars: number | undefined; scored: Scored }>(4_000_000);

const NOTHING_TOPICAL: ReadonlySet<string> = new Set();

/**
 * Evidence a block is not article text, before looking at its position. `topical` are call words
 * that are the document's subject (see topicalCallWords): they do not make a block a call to action.
 */
export function scoreBlock(block: Block, docLanguage: string | null, topical: ReadonlySet<string> = NOTHING_TOPICAL): Scored {
  if (topical.size > 0 && mentionsAny(block.text, topical)) return computeScore(block, docLanguage, topical);
  const cached = scores.get(block.text);
  if (cached !== undefined && cached.language === docLanguage && cached.linkChars === block.linkChars) return cached.scored;
  const scored = computeScore(block, docLanguage, NOTHING_TOPICAL);
  scores.set(block.text, { language: docLanguage, linkChars: block.linkChars, scored });
  return scored;
}

function mentionsAny(text: string, words: ReadonlySet<string>): boolean {
  return (text.toLowerCase().match(WORD) ?? []).some((w) => words.has(w));
}

/** Paragraphs of the article itself: longer than any call to action. */
const TOPICAL_MIN_PARAGRAPHS = 2;

/**
 * Call words the document's own long paragraphs use ("subscribers" and "YouTube" in a guide to
 * streaming platforms, "subscription" in a review of subscription boxes): there they are the
 * subject, and a shorter paragraph naming them is not the site asking for a sign-up.
 */
export function topicalCallWords(blocks: Block[]): ReadonlySet<string> {
  const paragraphs = new Map<string, number>();
  for (const b of blocks) {
    if (countWords(b.text) <= CALL_MAX_WORDS) continue;
    const seen = new Set((b.text.toLowerCase().match(WORD) ?? []).filter((w) => CALL_WORDS.has(w)));
    for (const w of seen) paragraphs.set(w, (paragraphs.get(w) ?? 0) + 1);
  }
  const topical = new Set<string>();
  for (const [w, n] of paragraphs) if (n >= TOPICAL_MIN_PARAGRAPHS) topical.add(w);
  return topical.size > 0 ? topical : NOTHING_TOPICAL;
}

function computeScore(block: Block, docLanguage: string | null, topical: ReadonlySet<string>): Scored {
  const text = block.text;
  const words = countWords(text);
  const letters = LETTER.count(text);
  const separators = countSeparators(text);
  const sentence = isSentence(text, words, separators);
  let score = 0;
  if (letters < 2) score += 3; // "19:54", "--", "6/9/15"
  else if (letters < text.length * 0.4) score += 1.5; // "1 | 2 | 3", but also "286,35 €" in a table
  const ui = uiShare(text);
  if (ui >= 0.5) score += 3;
  else if (ui >= 0.2) score += 1;
  if (LABEL_END.test(text) && words <= 6) score += 1.5; // "Related:", "Enter the words you see:"
  if (!sentence) {
    const glued = text.match(GLUED)?.length ?? 0;
    if (glued > 0) score += Math.min(2, glued); // "storiesGet more from China.org.cnMobileRSS"
    if (words <= 3 && !SENTENCE_END.test(text)) score += 0.5;
    if (words <= 8 && isTitleCase(text)) score += 0.5;
    if (BULLET.test(text) && words <= 8) score += 0.5;
    if (LINKISH.test(text) && words <= 12) score += 1;
    if (words <= 12 && (MONTH.test(text) || NUMERIC_DAY.test(text) || CLOCK.test(text))) score += 1; // datelines
    if (words <= 8 && BYLINE.test(text)) score += 1.5;
    if (docLanguage !== null && words >= 2 && letters >= 8 && otherLanguage(text, docLanguage)) score += 1;
    if (separators >= 2) score += 1.5;
    if (words <= 12 && CREDIT.test(text)) score += 1.5;
  } else {
    score -= words >= 20 ? 3 : 2;
    // "Posted on 27 November 2019 at 15:21 in ...": a timestamped sentence is a post's metadata.
    if (words < 40 && CLOCK.test(text) && (MONTH.test(text) || NUMERIC_DAY.test(text))) score += 2;
    if (LINKISH.test(text)) score += 1;
  }
  let aside = 0;
  if (words <= CALL_MAX_WORDS) {
    const { calls, addressed } = readerCall(text, topical);
    const call = calls + (addressed ? 1 : 0);
    if (call >= 3) score += 5;
    else if (call === 2) score += 2;
    // Columns and quotes address the reader too, at length; a short call to them is the site talking.
    aside = calls + (addressed && words <= ADDRESS_MAX_WORDS ? 1 : 0);
    // Captions. A credit alone outweighs only a short sentence: long ones are often the story's own photo notes.
    if (words <= 40 && CAPTION_START.test(text)) score += 5;
    else if (PICTURE_POSITION.test(text)) score += 5;
    else if (words <= 40 && CREDIT_END.test(text.slice(-80))) score += 4;
    if (BIO_START.test(text) && BIO_ROLE.test(text)) aside += 2; // "Evan Halper writes about ...": only counted at the edges
  }
  if (block.linkChars !== undefined && text.length > 0) {
    // Link text is navigation, teasers and "read more"; a linked sentence is usually a teaser.
    const density = block.linkChars / text.length;
    if (density > 0.6) score += sentence ? 4 : 3;
    else if (density > 0.3) score += 2;
  }
  return { score, sentence, words, aside };
}

const SEPARATOR_CHARS = /[|•·]/;

/** Matches of SEPARATORS; most blocks have none of its middle characters, so the scan is skipped. */
function countSeparators(text: string): number {
  return SEPARATOR_CHARS.test(text) ? (text.match(SEPARATORS)?.length ?? 0) : 0;
}

function isTitleCase(text: string): boolean {
  let words = 0;
  let capital = 0;
  for (const w of text.split(' ')) {
    const c = w.codePointAt(0);
    if (c === undefined) continue;
    const ch = String.fromCodePoint(c);
    if (ch.toLowerCase() === ch.toUpperCase()) continue; // digits, punctuation
    words++;
    if (ch !== ch.toLowerCase()) capital++;
  }
  return words >= 2 && capital / words >= 0.75;
}

function otherLanguage(text: string, docLanguage: string): boolean {
  const language = reliableLanguage(text);
  return language !== null && language !== docLanguage;
}


/** Closing blocks (at most; fewer in short documents) where calls to action and author bios are looked for... */
const ASIDE_EDGE_TAIL = 3;
/** ...the aside evidence that suffices there (two call words, a bio)... */
const ASIDE_MIN = 2;
/** ...and what it adds: enough to drop a sentence. */
const ASIDE_EDGE = 5;

/** Share of the document (by block count) counted as its tail for the tail cut. */
const TAIL_SHARE = 0.3;
/** Paragraph lengths (words) showing the body goes on: one long or two medium ones stop the tail cut. */
const LONG_WORDS = 40;
const MEDIUM_WORDS = 15;

/**
 * Which blocks to keep. Head and tail zones (before the first / after the last sentence-like block)
 * add evidence against short blocks; the tail cut drops everything after the first boilerplate block
 * of the last TAIL_SHARE of the document that no long paragraph follows.
 */
export function classifyBlocks(blocks: Block[], docLanguage: string | null, options: ClassifierOptions = TEXT_CLASSIFIER): boolean[] {
  const topical = topicalCallWords(blocks);
  const scored = blocks.map((b) => scoreBlock(b, docLanguage, topical));
  let first = scored.findIndex((s) => s.sentence);
  let last = findLastIndex(scored, (s) => s.sentence);
  if (first < 0) {
    first = blocks.length;
    last = -1;
  }
  const asideTail = Math.max(1, Math.min(ASIDE_EDGE_TAIL, Math.ceil(blocks.length * TAIL_SHARE)));
  const keep = scored.map((s, i) => {
    const edge = i < first || i > last ? options.edge : 0;
    // Calls to action and bios close articles: there weaker evidence of them is enough.
    const aside = s.aside >= ASIDE_MIN && i >= blocks.length - asideTail ? ASIDE_EDGE : 0;
    return s.score + (s.sentence ? 0 : edge) + aside < options.drop;
  });
  // Tail cut: walk back from the end; the earliest boilerplate block reached before the body
  // resumes (one long paragraph, or two medium ones in a row) marks where the article ended.
  const tailStart = Math.floor(blocks.length * (1 - TAIL_SHARE));
  let cut = -1;
  let medium = 0;
  for (let i = blocks.length - 1; i >= tailStart; i--) {
    const words = scored[i]!.words;
    if (!keep[i]) {
      cut = i;
      medium = 0;
    } else if (words >= LONG_WORDS || (words >= MEDIUM_WORDS && ++medium >= 2)) break;
  }
  if (cut >= 0 && options.tailCut) for (let i = cut; i < blocks.length; i++) keep[i] = false;
  return keep;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
