// `node api/cli.ts sla evaluate [--days] FILE`: evaluates one case or an array of
// cases (spec §5) and prints the result as JSON on stdout, and nothing else.
import { readFile } from 'node:fs/promises';
import { evaluateCase, formatProblem, parseEvaluationRequest } from '../sla/index.ts';

const USAGE = 'usage: sla evaluate [--days] FILE   (FILE: one case or an array of cases, JSON)';

function fail(message: string, code = 1): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'evaluate') return fail(USAGE, 2);
  const includeDays = rest.includes('--days');
  const files = rest.filter((arg) => arg !== '--days');
  const [file] = files;
  if (file === undefined || files.length !== 1 || file.startsWith('--')) return fail(USAGE, 2);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseEvaluationRequest(input);
  if (!parsed.ok) {
    return fail(
      [`invalid input in ${file}:`, ...parsed.problems.map((p) => `  ${formatProblem(p)}`)].join(
        '\n',
      ),
    );
  }
  const results = parsed.cases.map((evaluationCase) =>
    evaluateCase(evaluationCase, { includeDays }),
  );
  process.stdout.write(`${JSON.stringify(parsed.isArray ? results : results[0], null, 2)}\n`);
  return 0;
}
