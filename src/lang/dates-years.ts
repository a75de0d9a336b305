// Bare years ("in 1994", "since 2011", "the 1996 campaign", "its 1990 invasion") that chrono-node
// does not read. A four-digit number is a year only after a word that introduces a time, or
// after a determiner when it modifies a following word that is not counted ("2000 delegates").
export interface YearMention {
  start: number;
  end: number;
  year: number;
}

const CANDIDATE = /(?<![\d.,$€£]|\d-)\b(?:19|20)\d{2}\b(?![-–/]\d|[.,]\d|\s*%)/g;
const PREVIOUS_WORD = /([A-Za-z]+(?:['’]s)?)[\s-]+$/;
const TIME_WORDS = new Set([
  'in', 'since', 'of', 'by', 'until', 'till', 'before', 'after', 'during', 'from', 'through', 'early', 'late', 'mid',
  'between', 'and', 'to', 'year', 'fiscal', 'for', 'around', 'circa', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'season', 'end', 'beginning', 'into', 'both', 'due', 'than', 'within',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);
const COUNTED =
  /^\s+(?:[a-z]+\s+)?(people|persons|troops|soldiers|men|women|children|delegates|members|votes|cases|deaths|dead|km|kilometers|kilometres|miles|meters|metres|tons|tonnes|dollars|euros|yuan|rubles|shares|units|refugees|migrants|workers|jobs|pages|words|points|feet|acres|square|times)\b/i;
const MODIFIED_WORD = /^[\s-]+[A-Za-z]/;

export function findYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    const start = m.index;
    const end = start + 4;
    const prev = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    if (!prev) continue;
    const word = prev.toLowerCase();
    const after = text.slice(end, end + 30);
    if (COUNTED.test(after)) continue;
    const determiner = DETERMINERS.has(word) || /['’]s$/.test(word);
    if (determiner ? MODIFIED_WORD.test(after) : TIME_WORDS.has(word)) out.push({ start, end, year: Number(m[0]) });
  }
  return out;
}
