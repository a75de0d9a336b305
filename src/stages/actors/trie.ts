// The alias trie that dictionary matching walks: one node per distinct word sequence of the
// dictionary's aliases, edges labelled by word keys ("US" -> "SECRETARY" -> "OF" -> "STATE").
// Matching looks up nearly every word of every article here, so the exact edges of all nodes live
// in one WordTable (see word-table.ts for why not a Map per node); building it allocates a few
// arrays instead of a Map per node.
import { WordTable } from './word-table.js';

/** The node every match starts from. */
export const ROOT = 0;
/** What child() returns when no edge fits. */
export const NONE = -1;

export class WordTrie<T> {
  /** (node, word) -> child node. */
  private readonly edges: WordTable;
  /** Per node: what a match ending there denotes (undefined for a mere prefix). */
  private readonly targetLists: (T[] | undefined)[] = [undefined];
  /**
   * Stem edges (PETRARCH names without a trailing "_"): the text word must start with the stem.
   * Tried in insertion order, only when no exact edge fits; few nodes have any.
   */
  private readonly stems = new Map<number, [stem: string, node: number][]>();

  /** `expectedEdges`: a guess that spares the edge table growing step by step while it is built. */
  constructor(expectedEdges = 0) {
    this.edges = new WordTable(WordTable.capacityFor(expectedEdges));
  }

  /** The node after `node` for text word `key` (upper-case word key), or NONE. */
  child(node: number, key: string): number {
    const exact = this.edges.get(node, key);
    if (exact !== 0) return exact;
    if (this.stems.size === 0) return NONE;
    const stems = this.stems.get(node);
    if (stems) for (const [stem, next] of stems) if (key.startsWith(stem)) return next;
    return NONE;
  }

  /** Targets of matches ending at `node`, undefined when none end there. */
  targets(node: number): T[] | undefined {
    return this.targetLists[node];
  }

  addTarget(node: number, target: T): void {
    const list = this.targetLists[node];
    if (list) list.push(target);
    else this.targetLists[node] = [target];
  }

  /** The node after `node` for exactly `word`, created when missing. */
  exactEdge(node: number, word: string): number {
    const found = this.edges.get(node, word);
    if (found !== 0) return found;
    const child = this.newNode();
    this.edges.add(node, word, child);
    return child;
  }

  /** The node after `node` for words starting with `stem`, created when missing. */
  stemEdge(node: number, stem: string): number {
    let list = this.stems.get(node);
    if (!list) this.stems.set(node, (list = []));
    const edge = list.find((e) => e[0] === stem);
    if (edge) return edge[1];
    const child = this.newNode();
    list.push([stem, child]);
    return child;
  }

  private newNode(): number {
    this.targetLists.push(undefined);
    return this.targetLists.length - 1;
  }
}
