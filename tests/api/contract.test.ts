import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, apiTypesSource } from '../../api/contract/generate.ts';

describe('the typed client contract', () => {
  it('site/lib/api-schema.d.ts is generated from the current OpenAPI document (npm run gen:api)', async () => {
    const committed = readFileSync(new URL(`../../${API_TYPES_PATH}`, import.meta.url), 'utf8');
    // On failure: run `npm run gen:api` and commit the result.
    expect(committed === (await apiTypesSource())).toBe(true);
  });
});
