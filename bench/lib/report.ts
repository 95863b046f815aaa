import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** docs/benchmarks.md: each benchmark owns one section between its own markers. */
export const BENCHMARKS_DOC = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

export function sectionMarkers(name: string): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

/**
 * Replaces the section `name` of docs/benchmarks.md with `body` (appending it when the
 * file or the section is new), leaving every other benchmark's section as it was.
 */
export function writeSection(name: string, body: string): string {
  const { start, end } = sectionMarkers(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const previous = existsSync(BENCHMARKS_DOC)
    ? readFileSync(BENCHMARKS_DOC, 'utf8')
    : '# Benchmarks\n';
  const from = previous.indexOf(start);
  const to = previous.indexOf(end);
  const updated =
    from >= 0 && to > from
      ? `${previous.slice(0, from)}${section}${previous.slice(to + end.length)}`
      : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_DOC, updated);
  return BENCHMARKS_DOC;
}
