// `node api/cli.ts openapi [--types]`: prints the API's OpenAPI document, or with `--types`
// writes the generated TypeScript types the site's typed client uses (site/lib/api-schema.d.ts).
import { writeFile } from 'node:fs/promises';
import { API_TYPES_PATH, apiTypesSource, openApiDocument } from '../contract/generate.ts';

export async function run(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
    return 0;
  }
  if (args.length === 1 && args[0] === '--types') {
    await writeFile(API_TYPES_PATH, await apiTypesSource());
    process.stderr.write(`wrote ${API_TYPES_PATH}\n`);
    return 0;
  }
  process.stderr.write('usage: openapi [--types]\n');
  return 2;
}
