import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Principal } from '../context.ts';
import { ApiError } from '../errors.ts';
import { z } from '../openapi.ts';
import { pageQueryShape } from '../services/pagination.ts';

/** Shapes shared by the routes modules of accounts, keys and administration. */

export const IdParams = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** `?active=true|false` */
export const activeFilter = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const idFilter = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();

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

export const nameSchema = z.string().trim().min(1).max(200);

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

/** The signed-in person behind a route that only people may call. */
export function userPrincipal(principal: Principal): Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') {
    throw new ApiError('FORBIDDEN', 'Only a signed-in person can do this.');
  }
  return principal;
}

/** Required text, said in words when it is missing or not text. */
export const requiredText = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') });
