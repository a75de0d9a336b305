// Searches over spans kept in text order (tokens, words): the language library's, so that every
// stage finds "the first span at or after an offset" the same way.

/** Index of the first item with start >= pos (binary search over items sorted by start). */
export function lowerBound(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
