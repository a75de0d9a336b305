// A cache keyed by text for the clean stage's pure per-text computations (block scores, language
// identification): the same text recurs within a page (a page's body and Readability's copy of its
// article) and across pages (a site's menus and credits).

/** A map from text that forgets everything once its keys total `maxChars`, so memory stays bounded whatever the input. */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string): V | undefined {
    return this.entries.get(text);
  }

  set(text: string, value: V): void {
    if (!this.entries.has(text)) {
      if (this.chars + text.length > this.maxChars) {
        this.entries.clear();
        this.chars = 0;
      }
      this.chars += text.length;
    }
    this.entries.set(text, value);
  }
}
