import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

// The declarations users compile against: lib/ as the jest global setup builds it (tsconfig.build.json,
// stripInternal), the folders the package ships (package.json "files").
const root = join(__dirname, '..', '..');
const lib = join(root, 'lib');
const NOT_SHIPPED = [/^src\/codegen\//, /^src\/example\//, /^src\/main\./];

function declarations(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarations(path);
    const rel = relative(lib, path);
    return name.endsWith('.d.ts') && !NOT_SHIPPED.some(p => p.test(rel)) ? [path] : [];
  });
}

/** Helpers the constructs share across files, which users must not call (they change without notice). */
const INTERNAL_NAMES = ['addArgoValidation', 'lintConstructTree', 'ValidationScope', 'renderText', 'renderInput', 'loadSchema', 'SCHEMA_SOURCES', 'compactSchema'];

describe('public declarations', () => {
  const files = [...declarations(join(lib, 'src')), ...declarations(join(lib, 'imports'))];

  test('the shipped declarations are there', () => {
    expect(files.map(f => relative(lib, f))).toEqual(expect.arrayContaining(['src/index.d.ts', 'imports/argo-workflows.d.ts']));
  });

  test('no `_`-prefixed member is visible: internals are marked @internal and stripped (private members carry no type)', () => {
    const visible: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s+(?:(?:public|protected|static|readonly|abstract|get|set)\s+)*_\w*[?]?[(:<]/.test(line)) visible.push(`${relative(lib, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(visible).toEqual([]);
  });

  test('the package entry exports none of the internal helpers', () => {
    const program = ts.createProgram([join(lib, 'src', 'index.d.ts')], { noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const entry = checker.getSymbolAtLocation(program.getSourceFile(join(lib, 'src', 'index.d.ts'))!)!;
    const exported = checker.getExportsOfModule(entry).map(s => s.getName());
    expect(exported).toEqual(expect.arrayContaining(['WorkflowTemplate', 'validateManifest', 'lint', 'argoWorkflows']));
    expect(exported.filter(name => INTERNAL_NAMES.includes(name) || name.startsWith('_'))).toEqual([]);
  });
});
