/**
 * Code blocks of the documentation, compiled and run as a user's app would run them: imports of
 * 'cdk8s-argo' (and 'cdk8s-argo/jest') resolve to this repository's sources, everything else to
 * node_modules. Compiled with the project's strict compiler options, so an example that would not
 * compile in a user's app fails here with the page's line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';

export const root = join(__dirname, '..', '..');

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** Info string after the fence: `ts`, `sh`, `yaml`... */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the block's first code line in the file. */
  readonly line: number;
  /** The nearest heading above the block (without the #s). */
  readonly heading: string;
}

/** Every fenced code block of a Markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(`{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!fence) {
      const h = /^#{1,6}\s+(.*)$/.exec(lines[i]);
      if (h) heading = h[1].trim();
      continue;
    }
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith(fence[1])) end++;
    blocks.push({ lang: fence[2], code: lines.slice(start, end).join('\n'), line: start + 1, heading });
    i = end;
  }
  return blocks;
}

/** The blocks of one language under a heading (the heading's section, up to the next heading of any level). */
export function blocksUnder(markdown: string, heading: string, lang: string): CodeBlock[] {
  return codeBlocks(markdown).filter(b => b.heading === heading && b.lang === lang);
}

export function readDoc(file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

const PACKAGE_PATHS: { [name: string]: string } = {
  'cdk8s-argo': join(root, 'src', 'index.ts'),
  'cdk8s-argo/jest': join(root, 'src', 'testing', 'jest.ts'),
};

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return {
    ...parsed.options, noEmit: true, declaration: false, composite: false,
    baseUrl: root, paths: Object.fromEntries(Object.entries(PACKAGE_PATHS).map(([name, file]) => [name, [file]])),
  };
}

/**
 * Type errors of a snippet compiled as a module of a user's app (`fileName` is a virtual file in
 * the repository root), each as `where:line: message` with the line mapped back by `lineOf`.
 */
export function typeErrors(code: string, where: string, lineOf: (snippetLine: number) => number = l => l): string[] {
  const fileName = join(root, '__doc_snippet__.ts');
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = f => (f === fileName ? code : readFile(f));
  host.fileExists = f => f === fileName || fileExists(f);
  host.getSourceFile = (f, lang, onError, create) => (f === fileName ? ts.createSourceFile(f, code, lang, true) : getSourceFile(f, lang, onError, create));
  const program = ts.createProgram([fileName], options, host);
  const source = program.getSourceFile(fileName)!;
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(d => {
    const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
    return `${where}:${lineOf(line)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/**
 * Runs a snippet as a CommonJS module, 'cdk8s-argo' being this repository's sources (loaded
 * through jest, so the objects are those the test sees), with `CDK8S_OUTDIR` set to a fresh
 * folder; returns what the module exports and the documents written there, by file.
 */
export function runSnippet(code: string): { exports: { [name: string]: unknown }; files: { [file: string]: any[] } } {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const out = mkdtempSync(join(tmpdir(), 'cdk8s-argo-doc-'));
  const before = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = out;
  try {
    const module = { exports: {} as { [name: string]: unknown } };
    const requireFor = (id: string): unknown => (id in PACKAGE_PATHS ? require(PACKAGE_PATHS[id]) : require(id));
    new Function('require', 'module', 'exports', js)(requireFor, module, module.exports);
    const files: { [file: string]: any[] } = {};
    for (const f of readdirSync(out).filter(name => /\.ya?ml$/.test(name)).sort()) {
      files[f] = parseAllDocuments(readFileSync(join(out, f), 'utf8')).map(d => d.toJS()).filter(d => d !== null);
    }
    return { exports: module.exports, files };
  } finally {
    if (before === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = before;
    rmSync(out, { recursive: true, force: true });
  }
}
