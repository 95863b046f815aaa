import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as labels from '../site/lib/labels.ts';
import { repositorySources, type SourceText } from './helpers/imports.ts';

/**
 * One table of words per state and status, in site/lib/labels.ts (issue 15): a page that
 * writes its own map of, say, claim statuses to words is a copy that will drift (the portal
 * had four for service states). This finds such copies by shape, using the tables' own keys.
 */
const LABELS_MODULE = 'site/lib/labels.ts';
const ROOT = resolve(import.meta.dirname, '..');

const TABLES: [string, Set<string>][] = Object.entries(labels).flatMap(([name, value]) =>
  typeof value === 'object' && value !== null ? [[name, new Set(Object.keys(value))]] : [],
);

/** The script of a source: an Astro component's frontmatter, or the whole file. */
function scriptOf(source: SourceText): string {
  if (!source.path.endsWith('.astro')) return source.text;
  const match = /^---\n([\s\S]*?)\n---/.exec(source.text);
  return match?.[1] ?? '';
}

function keyOf(property: ts.PropertyAssignment): string | null {
  const { name } = property;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

/**
 * `file: TABLE` for each object literal that maps three or more keys of one table, and
 * nothing else, to words (string literals that are not themselves keys: a map from a status
 * to the next status is no copy).
 */
function copiedTables(sources: readonly SourceText[]): string[] {
  const found: string[] = [];
  for (const source of sources) {
    if (source.path === LABELS_MODULE || source.path.endsWith('.d.ts')) continue;
    if (!source.path.startsWith('site/')) continue;
    const file = ts.createSourceFile(source.path, scriptOf(source), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node) && node.properties.length >= 3) {
        const pairs = node.properties.map((property) =>
          ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer)
            ? { key: keyOf(property), word: property.initializer.text }
            : null,
        );
        for (const [name, keys] of TABLES) {
          const copy = pairs.every(
            (pair) =>
              pair !== null && pair.key !== null && keys.has(pair.key) && !keys.has(pair.word),
          );
          if (copy) found.push(`${source.path}: ${name}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe('the words for states and statuses', () => {
  const sources = repositorySources(ROOT);

  it('are read from the site’s tables', () => {
    expect(TABLES.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'SERVICE_STATE_LABELS',
        'WINDOW_STATE_LABELS',
        'CLAIM_STATUS_LABELS',
        'INCIDENT_STATUS_LABELS',
        'MAINTENANCE_STATUS_LABELS',
      ]),
    );
  });

  it('are kept in one table per concept, which no other site module copies', () => {
    expect(copiedTables(sources)).toEqual([]);
  });

  it.each([
    [
      'an island with its own claim statuses',
      {
        path: 'site/islands/staff/Probe.tsx',
        text: "const WORDS = { submitted: 'Waiting', approved: 'Approved', credited: 'Paid' };\n",
      },
      'site/islands/staff/Probe.tsx: CLAIM_STATUS_LABELS',
    ],
    [
      'a page frontmatter with its own incident statuses',
      {
        path: 'site/pages/probe.astro',
        text: "---\nconst names = { investigating: 'Looking', identified: 'Found', resolved: 'Fixed' };\n---\n<p>probe</p>\n",
      },
      'site/pages/probe.astro: INCIDENT_STATUS_LABELS',
    ],
    [
      'a component naming service states with quoted keys',
      {
        path: 'site/components/Probe.tsx',
        text: "export const S = { 'major_outage': 'Down', 'degraded': 'Slow', 'operational': 'Up' };\n",
      },
      'site/components/Probe.tsx: SERVICE_STATE_LABELS',
    ],
  ])('finds a copy: %s', (_, probe, expected) => {
    expect(copiedTables([...sources, probe])).toEqual([expected]);
  });

  it.each([
    [
      'a map from a status to the next one',
      "const NEXT = { investigating: 'identified', identified: 'monitoring', monitoring: 'resolved' };\n",
    ],
    [
      'a table of other things that shares some keys',
      "const LEVELS = { none: 'No data', minor: 'Minor', major: 'Major', ok: 'Fine' };\n",
    ],
    [
      'a use of the shared table',
      "const row = { state: 'major_outage', label: 'Major outage' };\n",
    ],
  ])('leaves alone %s', (_, text) => {
    expect(copiedTables([...sources, { path: 'site/lib/probe.ts', text }])).toEqual([]);
  });
});
