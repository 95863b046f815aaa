// `node api/cli.ts sla evaluate [--days] FILE`: evaluates one availability case or an
// array of them (sla-accounting.md §5); `node api/cli.ts sla response FILE`: one
// response-time case or an array of them (sla-response.md §4). Either prints the
// result as JSON on stdout, and nothing else.
import { readFile } from 'node:fs/promises';
import {
  evaluateCase,
  evaluateResponseCase,
  formatProblem,
  parseEvaluationRequest,
  parseResponseRequest,
  type RequestProblem,
} from '../sla/index.ts';

const USAGE = [
  'usage: sla evaluate [--days] FILE   (FILE: one availability case or an array of cases, JSON)',
  '       sla response FILE            (FILE: one response-time case or an array of cases, JSON)',
].join('\n');

function fail(message: string, code = 1): number {
  process.stderr.write(`${message}\n`);
  return code;
}

/** The file's JSON, or the exit code of a failure already reported. */
async function readJson(
  file: string,
): Promise<{ ok: true; input: unknown } | { ok: false; code: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, code: fail(`cannot read ${file}: ${(error as Error).message}`) };
  }
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (error) {
    return { ok: false, code: fail(`${file} is not valid JSON: ${(error as Error).message}`) };
  }
}

function invalid(file: string, problems: readonly RequestProblem[]): number {
  return fail(
    [`invalid input in ${file}:`, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'),
  );
}

function print(results: unknown[], isArray: boolean): number {
  process.stdout.write(`${JSON.stringify(isArray ? results : results[0], null, 2)}\n`);
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'evaluate' && command !== 'response') return fail(USAGE, 2);
  const includeDays = command === 'evaluate' && rest.includes('--days');
  const files = rest.filter((arg) => !(includeDays && arg === '--days'));
  const [file] = files;
  if (file === undefined || files.length !== 1 || file.startsWith('--')) return fail(USAGE, 2);

  const read = await readJson(file);
  if (!read.ok) return read.code;
  if (command === 'response') {
    const parsed = parseResponseRequest(read.input);
    if (!parsed.ok) return invalid(file, parsed.problems);
    return print(parsed.cases.map(evaluateResponseCase), parsed.isArray);
  }
  const parsed = parseEvaluationRequest(read.input);
  if (!parsed.ok) return invalid(file, parsed.problems);
  return print(
    parsed.cases.map((evaluationCase) => evaluateCase(evaluationCase, { includeDays })),
    parsed.isArray,
  );
}
