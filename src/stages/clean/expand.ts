// Readability picks one container and sometimes too small a one: an intro above it, a last
// paragraph in a sibling element, a list it judged too link-heavy. This grows its pick back over the
// neighbouring blocks of the page that read like article text, and stops at the first run of chrome.
// When its pick holds far less article text than the best region of the page (a table, a list of
// names beside the story), that region replaces it; when it found nothing, the region is the core.
import { scoreBlock, type Block } from './boilerplate.js';

/** Core blocks shorter than this are not used to locate the core in the page (too ambiguous). */
const ANCHOR_CHARS = 30;
/** Non-article blocks in a row that expansion may step over to reach more article text. */
const MAX_GAP = 3;
/** Share of the core's text that must be found verbatim in the page before expanding around it. */
const MIN_ANCHORED = 0.7;
/** Words a sentence block needs to count as confident article text away from the core. */
const ARTICLE_WORDS = 15;

/** A sentence, little link text, no boilerplate evidence. */
function isSentenceText(block: Block, language: string | null): boolean {
  const s = scoreBlock(block, language);
  return s.sentence && s.score < 0 && (block.linkChars ?? 0) < block.text.length * 0.25;
}

/** Confident article text: a sentence text long enough not to be a slogan or a call to action. */
function isArticleText(block: Block, language: string | null): boolean {
  return isSentenceText(block, language) && scoreBlock(block, language).words >= ARTICLE_WORDS;
}

/** Weak evidence either way: short, not chrome-scored, few links (a heading, a date, a caption). */
function isNeutral(block: Block, language: string | null): boolean {
  const s = scoreBlock(block, language);
  const links = (block.linkChars ?? 0) / Math.max(1, block.text.length);
  return s.score < 1 && links < 0.5;
}

/** Characters of confident article text in blocks. */
function articleChars(blocks: Block[], language: string | null): number {
  let n = 0;
  for (const b of blocks) if (isArticleText(b, language)) n += b.text.length;
  return n;
}

/** Readability's pick must hold at least this share of the article text the best page region holds. */
const MIN_CORE_SHARE = 0.2;
/** What a block of chrome costs a region (per character), and a neutral block (flat). */
const CHROME_COST = 1;
const NEUTRAL_COST = 20;

/**
 * The contiguous run of body blocks richest in article text (maximum-sum subarray: sentences count
 * for their length, chrome against it). Replaces Readability's pick when that pick holds much less
 * article text, as when it settles on a long table or list of names beside the story.
 */
function betterCore(body: Block[], core: Block[], language: string | null): Block[] {
  let best = 0;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    const weight = isArticleText(b, language) ? b.text.length : isNeutral(b, language) ? -NEUTRAL_COST : -CHROME_COST * b.text.length;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weight;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  const region = body.slice(bestStart, bestEnd + 1);
  return articleChars(core, language) < MIN_CORE_SHARE * articleChars(region, language) ? region : core;
}

/** Index in `body` of each core block, matched in order (document order is preserved by Readability). */
function locateCore(body: Block[], core: Block[]): number[] {
  const positions = new Map<string, number[]>();
  body.forEach((b, i) => {
    const list = positions.get(b.text);
    if (list) list.push(i);
    else positions.set(b.text, [i]);
  });
  const found: number[] = [];
  let from = 0;
  for (const block of core) {
    if (block.text.length < ANCHOR_CHARS) continue;
    const at = positions.get(block.text)?.find((i) => i >= from);
    if (at === undefined) continue;
    found.push(at);
    from = at + 1;
  }
  return found;
}

/**
 * The core blocks plus the body blocks around (and between) them that read as article text, in page
 * order. Inside the core's span, blocks Readability dropped come back when they are sentences, or
 * short and unlinked (the headings and list items between its paragraphs);
 * outside it, expansion continues over sentences and steps over at most MAX_GAP neutral blocks.
 */
export function expandCore(body: Block[], picked: Block[], language: string | null): Block[] {
  const core = betterCore(body, picked, language);
  const anchors = locateCore(body, core);
  // When Readability rewrote the text so much that it cannot be found in the page, trust it as is.
  const anchoredChars = anchors.reduce((n, i) => n + body[i]!.text.length, 0);
  const coreChars = core.reduce((n, b) => n + (b.text.length >= ANCHOR_CHARS ? b.text.length : 0), 0);
  if (anchors.length === 0 || anchoredChars < coreChars * MIN_ANCHORED) return core;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  const inCore = new Set(anchors);
  const coreTexts = new Set(core.map((b) => b.text));
  const take = new Set<number>();
  for (let i = first; i <= last; i++) {
    if (inCore.has(i) || coreTexts.has(body[i]!.text) || isArticleText(body[i]!, language) || (isNeutral(body[i]!, language) && !body[i]!.linkChars)) take.add(i);
  }
  const grow = (start: number, step: number): void => {
    let pending: number[] = [];
    let misses = 0;
    for (let i = start; i >= 0 && i < body.length; i += step) {
      const block = body[i]!;
      // Right next to the taken text, a shorter sentence (a standfirst, a closing line) is enough.
      const adjacent = misses === 0 && pending.length === 0;
      if (isArticleText(block, language) || (adjacent && isSentenceText(block, language))) {
        for (const p of pending) take.add(p);
        pending = [];
        misses = 0;
        take.add(i);
        continue;
      }
      if (++misses > MAX_GAP) break;
      if (isNeutral(block, language)) pending.push(i);
    }
  };
  grow(last + 1, 1);
  grow(first - 1, -1);
  return [...take].sort((a, b) => a - b).map((i) => body[i]!);
}
