/**
 * Structure rules of src/ (docs/architecture.md, "Contracts"): no file imports one that imports
 * it back, type-only imports included, and no `as any` outside the generated imports/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative module specifier names, as TypeScript resolves it; undefined for packages. */
function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
}

/** Every module a file imports or re-exports, `import type` and `export type ... from` included. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])
      && ((ts.isIdentifier(node.expression) && node.expression.text === 'require') || node.expression.kind === ts.SyntaxKind.ImportKeyword)) {
      out.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.map(s => resolveModule(file, s)).filter((f): f is string => f !== undefined);
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map(f => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

/** `x as any` or `<any>x`; a type argument (`Object.entries<any>(x)`) is no cast. */
const CAST_TO_ANY = /\bas any\b|(?<![\w.$>\]])<any>/;

describe('source structure', () => {
  const files = sourceFiles(SRC);
  const graph = new Map(files.map(f => [f, importsOf(f)]));

  test('the import graph is read (sanity: files and edges found)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(join(SRC, 'index.ts'))).toContain(join(SRC, 'workflows', 'index.ts'));
    // a type-only import is an edge too
    expect(importsOf(join(__dirname, 'fixtures', 'type-only-import.ts'))).toEqual([join(__dirname, 'fixtures', 'imported-type.ts')]);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['d']], ['e', ['a']]]))).toEqual([['a', 'b', 'c'].map(f => relative(ROOT, f)).sort(), [relative(ROOT, 'd')]]);
    expect(['const x = y as any;', 'f(<any>y)', 'return <any>y'].filter(l => CAST_TO_ANY.test(l))).toHaveLength(3);
    expect(['Object.entries<any>(x)', 'new Map<any, any>()', 'f<any>()', 'as anything'].filter(l => CAST_TO_ANY.test(l))).toEqual([]);
  });

  test('no file in src/ imports a file that imports it back (type-only imports included)', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('the generated imports/ use two modules of src/, the kind classes\' base and the compiled CEL rules\' helpers, which reach nothing else of src/ but their own helpers', () => {
    const importsDir = join(ROOT, 'imports');
    const used = new Set(sourceFiles(importsDir).flatMap(importsOf).filter(f => f.startsWith(SRC)).map(f => relative(ROOT, f)));
    expect([...used].sort()).toEqual(['src/core/cached-api-object.ts', 'src/schema/cel-fast-path.ts']);
    const reached = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      importsOf(file).forEach(visit);
    };
    visit(join(SRC, 'core', 'cached-api-object.ts'));
    visit(join(SRC, 'schema', 'cel-fast-path.ts'));
    expect([...reached].map(f => relative(ROOT, f)).sort()).toEqual(
      ['src/core/builtin-resolution.ts', 'src/core/cached-api-object.ts', 'src/core/metadata-snapshot.ts', 'src/core/revision.ts', 'src/core/same-json.ts', 'src/schema/cel-fast-path.ts']);
  });

  test('no `as any` in src/ (the generated imports/ are outside it)', () => {
    const hits = files.flatMap(f => readFileSync(f, 'utf8').split('\n')
      .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
      .filter(({ line }) => CAST_TO_ANY.test(line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, '')))
      .map(({ at, line }) => `${at}: ${line.trim()}`));
    expect(hits).toEqual([]);
  });
});
