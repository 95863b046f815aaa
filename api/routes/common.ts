import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { pageQueryShape } from '../http/page-schemas.ts';
import { CANONICAL_ID, ID_PARAM, z } from '../openapi.ts';
import { displayText, textProblem } from './text.ts';

/** Shapes shared by the routes modules of accounts, keys and administration. */

/**
 * A record id as the URL carries it: canonical decimal, so one record has one address
 * (`00001`, `+1`, `1e0` and ` 1` are other strings, not other spellings of 1).
 */
const idText = z
  .string()
  .regex(CANONICAL_ID, {
    message: 'must be a whole number from 1, without signs or leading zeros',
  })
  .transform(Number)
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER, { message: 'is too large' }));

const ID_DOC = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

/** `{id}` in a path. An id that is not canonical names no record: 404 (see `rejectInvalid`). */
export const IdParams = z.strictObject({
  [ID_PARAM]: idText.openapi({ param: { name: ID_PARAM, in: 'path' }, example: 1, ...ID_DOC }),
});

/** `?active=true|false` */
export const activeFilter = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/** An id in a query filter: canonical like path ids, but a bad one is a 400 naming it. */
export const idFilter = idText.optional().openapi(ID_DOC);

/** A list's query: the shared pagination plus its own filters. Unknown parameters are refused. */
export function listQuery<T extends z.ZodRawShape>(filters: T) {
  return z.strictObject({ ...pageQueryShape, ...filters });
}

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    message: 'must be 1–64 lower-case letters, digits and inner hyphens',
  })
  .openapi({ example: 'api' });

export const nameSchema = displayText({ max: 200 });

/** Read lower-cased and trimmed: addresses are compared that way. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .openapi({ type: 'string', format: 'email', example: 'ada@example.com' });

/** The rules for a new password (docs/decisions: password rules). */
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { message: `must be at most ${MAX_PASSWORD_LENGTH} characters` });

/** An instant as RFC 3339 text, as the SLA engine reads it. */
export const isoInstant = z.string().openapi({ format: 'date-time' });

/** Required text, said in words when it is missing or not text. */
export const requiredText = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') });

/**
 * Text people type for others to read (docs/decisions/117), required and trimmed, with every
 * problem said in words: a title or name on one line, or prose (`multiline`).
 */
export function wordedText(options: { max: number; multiline: boolean }) {
  return requiredText()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(options.max, { message: `must be at most ${options.max} characters` })
    .superRefine((text, ctx) => {
      const message = textProblem(text, { multiline: options.multiline });
      if (message !== undefined) ctx.addIssue({ code: 'custom', message });
    });
}
