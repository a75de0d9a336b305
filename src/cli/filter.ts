// The event filter as command-line options (`events`, `export`, `brief`): the options, their help
// and their checks all come from the one filter definition in src/filter/. The schema (and zod) is
// loaded only when a command runs, so `--help` and the other commands start without it.
import type { Command } from 'commander';
import { FILTER_DESCRIPTIONS, FILTER_FIELDS, type FilterField } from '../filter/fields.js';
import type { EventFilter } from '../filter/index.js';
import { positiveInt, UsageError } from './common.js';

/** The command-line spelling of a field ("min_confidence" -> "min-confidence"), and the key under
 *  which commander hands its value over ("minConfidence"). */
const optionName = (field: FilterField): string => field.replace(/_/g, '-');
const optionKey = (field: FilterField): string => field.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());

/** Option values as commander hands them over. */
export type FilterOptions = { [K in FilterField as K extends 'min_confidence' ? 'minConfidence' : K]?: K extends 'contested' ? boolean : string } & { limit?: string };

/** The value each option takes, as its help shows it. */
const ARGUMENT: Record<Exclude<FilterField, 'contested'>, string> = {
  actor: '<code|name>',
  dyad: '<A,B>',
  type: '<PLOVER>',
  since: '<date>',
  until: '<date>',
  min_confidence: '<0..1>',
  outlet: '<name>',
  text: '<words>',
};

/** Help reads in lower case, except for a leading acronym ("PLOVER event type"). */
function helpText(field: FilterField): string {
  const d = FILTER_DESCRIPTIONS[field];
  return /^[A-Z][a-z]/.test(d) ? d[0]!.toLowerCase() + d.slice(1) : d;
}

/**
 * Adds the filter's options to a command. `contested` names what the flag selects in this command's
 * output (merged events, or their mentions); `required` options must be given.
 */
export function filterOptions(cmd: Command, fields: FilterField[], opts: { contested?: string; required?: FilterField[] } = {}): Command {
  for (const field of fields) {
    if (field === 'contested') {
      cmd.option('--contested', opts.contested ?? helpText('contested'));
      continue;
    }
    const flags = `--${optionName(field)} ${ARGUMENT[field]}`;
    if (opts.required?.includes(field)) cmd.requiredOption(flags, helpText(field));
    else cmd.option(flags, helpText(field));
  }
  return cmd;
}

/** The filter the options ask for, or a usage error (exit status 2) naming the option and the value. */
export async function eventFilter(opts: FilterOptions): Promise<EventFilter> {
  const { eventFilterSchema } = await import('../filter/index.js');
  const given: Partial<Record<FilterField, string | boolean>> = {};
  const values = opts as Record<string, string | boolean | undefined>;
  for (const field of FILTER_FIELDS) if (values[optionKey(field)] !== undefined) given[field] = values[optionKey(field)]!;
  const parsed = eventFilterSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] as FilterField;
    throw new UsageError(`invalid --${optionName(field)} "${String(given[field])}": ${issue.message}`);
  }
  const filter: EventFilter = { ...parsed.data };
  if (opts.limit !== undefined) filter.limit = positiveInt('--limit', opts.limit);
  return filter;
}
