// PLACEHOLDER (being replaced by the dates owner).
export interface PublishedInput {
  format: 'text' | 'html';
  /** Raw content (HTML source or plain text, before cleaning). */
  content: string;
  url: string | null;
  /** Clean main text. */
  text: string;
}

export function detectPublished(_input: PublishedInput): { published: string | null; day_first: boolean } {
  return { published: null, day_first: false };
}
