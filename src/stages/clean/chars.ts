// Counting characters of a Unicode class (letters, upper case, lower case) without building the
// array of matches that `text.match(/\p{L}/gu).length` allocates, one string per character.
// Counts are by code point, exactly as a /u regex iterates: a surrogate pair is one character, a
// lone surrogate is one (non-letter) character of its own.

/** A Unicode class, tested per code point; verdicts for the BMP are cached in a table. */
export class CharClass {
  private readonly single: RegExp;
  /** Per BMP code unit: 0 not yet known, 1 in the class, 2 not in it. */
  private readonly bmp = new Uint8Array(0x10000);

  /** `property` is the body of a /u character class, e.g. `\\p{L}`. */
  constructor(property: string) {
    this.single = new RegExp(`^[${property}]$`, 'u');
  }

  /** Whether the code point is in the class. */
  has(codePoint: number): boolean {
    if (codePoint > 0xffff) return this.single.test(String.fromCodePoint(codePoint));
    let verdict = this.bmp[codePoint]!;
    if (verdict === 0) {
      verdict = this.single.test(String.fromCharCode(codePoint)) ? 1 : 2;
      this.bmp[codePoint] = verdict;
    }
    return verdict === 1;
  }

  /** How many characters of `text` are in the class (what `text.match(/[class]/gu)?.length ?? 0` gives). */
  count(text: string): number {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          if (this.has(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) n++;
          i++;
          continue;
        }
      }
      if (this.has(c)) n++;
    }
    return n;
  }
}

export const LETTER = new CharClass('\\p{L}');
export const UPPER = new CharClass('\\p{Lu}');
export const LOWER = new CharClass('\\p{Ll}');
export const LETTER_OR_DIGIT = new CharClass('\\p{L}\\p{N}');
