import type { SortOrder } from '../infra/list-order.ts';
import { z } from '../openapi.ts';

/** The search and sort parameters of the administration lists (docs/decisions/135). */

/** `?q=`: words to find in the list's names; empty means no search. */
export const searchParam = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((text) => (text === '' ? undefined : text))
  .openapi({
    description: 'Text to find in the names (ASCII letters in any case).',
    example: 'acme',
  });

/** `?sort=key` ascending or `?sort=-key` descending; absent: by id (the order of creation). */
export function sortParam<const Key extends string>(keys: readonly [Key, ...Key[]]) {
  const values = keys.flatMap((key) => [key, `-${key}` as const]) as [
    Key | `-${Key}`,
    ...(Key | `-${Key}`)[],
  ];
  return z
    .enum(values)
    .optional()
    .transform((value): SortOrder<Key> | undefined =>
      value === undefined
        ? undefined
        : value.startsWith('-')
          ? { key: value.slice(1) as Key, descending: true }
          : { key: value as Key, descending: false },
    )
    .openapi({
      description: `One of ${keys.join(', ')}; a leading "-" sorts descending. Default: the order of creation.`,
      example: keys[0],
    });
}
