// What each event filter field means, in the words every face shows (CLI help, OpenAPI). Plain
// data without zod, so that the command line can list its options without loading the schema.
import { PLOVER_TYPES } from '../model.js';

export const FILTER_FIELDS = ['actor', 'dyad', 'type', 'since', 'until', 'contested', 'min_confidence', 'outlet', 'text'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The date forms a since/until bound may take. */
export const DATE_FORMS = 'YYYY, YYYY-MM or YYYY-MM-DD';

export const FILTER_DESCRIPTIONS: Record<FilterField, string> = {
  actor: "Actor code or prefix on either side (RUS, USAGOV), or a person's name (Lavrov)",
  dyad: 'Two actor codes or prefixes A,B, in either direction (RUS,USA)',
  type: `PLOVER event type: ${PLOVER_TYPES.join(', ')}`,
  since: 'On or after this date, YYYY[-MM[-DD]] (a month or year event date counts when its period overlaps)',
  until: 'On or before this date, YYYY[-MM[-DD]]',
  contested: 'Only events whose sources disagree: some assert it, others deny it',
  text: 'Only events whose evidence sentence contains all these words (case-insensitive; a word also matches inside longer ones)',
  outlet: 'Only events reported by this outlet (as the record names it, else the URL\'s host, e.g. theguardian.com)',
  min_confidence: "Only events the coder is at least this sure of, 0 to 1 (its estimate that the text reports the event as coded)",
};
