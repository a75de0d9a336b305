// Many sources (JSON Lines exports, plain text) carry no title. A row of hex ids tells the analyst
// nothing, so untitled articles are named by their opening words instead, marked with an ellipsis.

const MAX_TITLE = 90;

/** The stored title, else the first sentence (or first words) of the text, else the id. */
export function displayTitle(a: { id: string; title: string | null; text?: string | null }): string {
  if (a.title?.trim()) return a.title.trim();
  const lead = (a.text ?? '').trim().split(/\n/, 1)[0].replace(/\s+/g, ' ');
  if (!lead) return a.id;
  const sentenceEnd = lead.search(/[.!?](\s|$)/);
  const sentence = sentenceEnd > 0 ? lead.slice(0, sentenceEnd + 1) : lead;
  if (sentence.length <= MAX_TITLE) return sentence;
  const cut = sentence.slice(0, MAX_TITLE);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > MAX_TITLE / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–-]+$/, '') + '…';
}
