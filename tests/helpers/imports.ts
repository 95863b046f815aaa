import { globSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';
import { parse as parseAstro } from '@astrojs/compiler-rs';
import ts from 'typescript';

/** A source file by its path from the repository root (posix separators). */
export interface SourceText {
  path: string;
  text: string;
}

/** One import of a file, resolved as far as a layer rule needs. */
export interface ImportEdge {
  from: string;
  /** As written in the source. */
  specifier: string;
  /**
   * A repository path for a relative specifier (e.g. `db/schema/index.ts`), the package
   * name for a bare one (`hono`, `@hono/zod-openapi`), `node:fs` for a built-in, or
   * COMPUTED for an `import()` whose argument is not a string literal.
   */
  target: string;
  /** Erased at compile time: brings no code along. */
  typeOnly: boolean;
}

export const COMPUTED = '<computed import()>';

const SOURCE_GLOB = '{api,db,site}/**/*.{ts,tsx,mts,mjs,js,astro}';

/** The repository's sources that the layer rules look at. */
export function repositorySources(root: string): SourceText[] {
  return globSync(SOURCE_GLOB, { cwd: root })
    .map((path) => path.split('\\').join('/'))
    .sort()
    .map((path) => ({ path, text: readFileSync(posix.join(root, path), 'utf8') }));
}

function targetOf(from: string, specifier: string): string {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), specifier));
  if (specifier.startsWith('node:') || isBuiltin(specifier)) {
    return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function allTypeOnly(elements: readonly { isTypeOnly: boolean }[]): boolean {
  return elements.length > 0 && elements.every((element) => element.isTypeOnly);
}

/**
 * The imports of TypeScript or JavaScript source, by TypeScript's own parser: static
 * imports and re-exports (type-only when the statement or every name in it is), `import x =
 * require()`, `import()` calls and `import('…')` types.
 */
function scriptImports(path: string, code: string, kind: ts.ScriptKind): ImportEdge[] {
  const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, kind);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    edges.push({ from: path, specifier, target: targetOf(path, specifier), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.phaseModifier === ts.SyntaxKind.TypeKeyword ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            allTypeOnly(bindings.elements)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && allTypeOnly(clause.elements));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, false);
      else edges.push({ from: path, specifier: COMPUTED, target: COMPUTED, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

interface Span {
  start: number;
  end: number;
}

/** The code of an Astro component: its frontmatter and its <script> elements, by Astro's parser. */
function astroCode(path: string, text: string): string[] {
  const { ast, diagnostics } = parseAstro(text);
  const errors = diagnostics.filter((each) => each.severity === 'error');
  if (errors.length > 0) throw new Error(`${path} does not parse: ${errors[0]?.text}`);
  const blocks: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const each of node) walk(each);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; program?: Span };
    if ((record.type === 'AstroFrontmatter' || record.type === 'AstroScript') && record.program) {
      blocks.push(text.slice(record.program.start, record.program.end));
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(ast);
  return blocks;
}

const parsed = new Map<string, ImportEdge[]>();

/** The imports of one file (parsed once per path and text: the probes reuse the repository's). */
export function importsOf(file: SourceText): ImportEdge[] {
  const key = `${file.path}\0${file.text}`;
  let edges = parsed.get(key);
  if (!edges) {
    edges = parseImports(file);
    parsed.set(key, edges);
  }
  return edges;
}

function parseImports(file: SourceText): ImportEdge[] {
  const extension = posix.extname(file.path);
  if (extension === '.astro') {
    return astroCode(file.path, file.text).flatMap((code) =>
      scriptImports(file.path, code, ts.ScriptKind.TS),
    );
  }
  const kind =
    extension === '.tsx'
      ? ts.ScriptKind.TSX
      : extension === '.js' || extension === '.mjs'
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
  return scriptImports(file.path, file.text, kind);
}

/** A boundary between layers: which files it binds, and which of their imports cross it. */
export interface LayerRule {
  name: string;
  /** Why the boundary exists, shown with each violation. */
  why: string;
  appliesTo(path: string): boolean;
  /** Type-only imports bring no code along; rules about code may let them pass. */
  typeImportsCount: boolean;
  /** True when the import crosses the boundary. */
  forbids(edge: ImportEdge): boolean;
}

/** A known crossing, allowed by name until the change that removes it. */
export interface LayerException {
  rule: string;
  from: string;
  target: string;
  /** Which change removes it. */
  removedBy: string;
}

export interface Violation {
  rule: string;
  edge: ImportEdge;
}

/** Every import in `files` that crosses a rule, less the named exceptions. */
export function layerViolations(
  files: SourceText[],
  rules: LayerRule[],
  exceptions: LayerException[] = [],
): Violation[] {
  const found: Violation[] = [];
  for (const file of files) {
    const bound = rules.filter((rule) => rule.appliesTo(file.path));
    if (bound.length === 0) continue;
    for (const edge of importsOf(file)) {
      for (const rule of bound) {
        if (edge.typeOnly && !rule.typeImportsCount) continue;
        if (!rule.forbids(edge)) continue;
        const excused = exceptions.some(
          (each) =>
            each.rule === rule.name && each.from === edge.from && each.target === edge.target,
        );
        if (!excused) found.push({ rule: rule.name, edge });
      }
    }
  }
  return found;
}

/** One line per violation, for a failure message a person can act on. */
export function describeViolations(violations: Violation[], rules: LayerRule[]): string {
  return violations
    .map(({ rule, edge }) => {
      const why = rules.find((each) => each.name === rule)?.why ?? '';
      const kind = edge.typeOnly ? 'import type' : 'import';
      return `${edge.from}: ${kind} '${edge.specifier}' breaks "${rule}" (${why})`;
    })
    .join('\n');
}
