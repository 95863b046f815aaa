import { type core, z } from 'zod';

/**
 * Validation problems in words (docs/decisions/136). zod's own messages ("Invalid input:
 * expected string, received undefined", "Too small: expected string to have >=1 characters")
 * reach people through the API's `issues` and the console's forms; these say the same thing
 * as the API's hand-written messages do: a predicate about the named field ("is required",
 * "must be at most 200 characters"). A schema's own message always wins over these.
 */

type Issue = core.$ZodRawIssue;

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'null',
};

const FORMATS: Record<string, string> = {
  email: 'an email address',
  datetime: 'a date and time such as 2026-01-01T00:00:00Z',
  date: 'a date such as 2026-01-31',
  time: 'a time such as 13:45',
  url: 'a URL',
  uuid: 'a UUID',
};

const plural = (count: number | bigint, one: string) =>
  `${count} ${Number(count) === 1 ? one : `${one}s`}`;

function bound(
  issue: { origin: string; inclusive?: boolean | undefined },
  limit: number | bigint,
  side: 'least' | 'most',
) {
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return side === 'least' && Number(limit) === 1 && inclusive
        ? 'must not be empty'
        : `must be at ${side} ${plural(limit, 'character')}`;
    case 'array':
    case 'set':
      return side === 'least' && Number(limit) === 1 && inclusive
        ? 'must list at least one item'
        : `must list at ${side} ${plural(limit, 'item')}`;
    default:
      if (inclusive) return `must be at ${side} ${limit}`;
      return side === 'least' ? `must be more than ${limit}` : `must be less than ${limit}`;
  }
}

/** The words for one issue, or undefined to keep the schema's or zod's message. */
export function issueInWords(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return bound(issue, issue.minimum, 'least');
    case 'too_big':
      return bound(issue, issue.maximum, 'most');
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'is not in the expected form'
        : `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'invalid_value': {
      const values = issue.values.map((value: unknown) => JSON.stringify(value));
      return values.length === 1
        ? `must be ${values[0]}`
        : `must be one of ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_union':
      return 'is not any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    default:
      return undefined;
  }
}

z.config({ customError: issueInWords });
