import { CST, Document, isMap, isSeq, LineCounter, Node, parseAllDocuments, Parser } from 'yaml';
import { parseFieldPath } from './path';
import { Manifest } from './types';
import { GO_YAML_SCALARS } from './util/go-yaml';
import { isJsonObject } from './util/walk';

/** Where a manifest came from. */
export interface ManifestSource {
  /** File name as given by the caller. */
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  /** For an item of a `kind: List` document: its index in `items`. */
  readonly listItem?: number;
  /** 1-based line where the manifest starts. */
  readonly line: number;
}

/** A manifest parsed from text, with a way back to its source lines. */
export interface LoadedManifest {
  readonly manifest: Manifest;
  readonly source: ManifestSource;
  /**
   * 1-based line of a field path of the manifest (as findings print it), or of its deepest
   * ancestor present in the text when the field itself is missing.
   */
  locate(path: string): number;
}

/** Text that cannot be read as manifests: a YAML syntax error, a document that is not an object. */
export interface InputProblem {
  readonly file: string;
  /** 1-based line and column, when known. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** A well-formed document that is not a Kubernetes object (no apiVersion and no kind), left out. */
export interface SkippedDocument {
  readonly file: string;
  readonly document: number;
  readonly line: number;
  readonly reason: string;
}

/** What parsing one or more files produced. */
export interface ParseResult {
  readonly manifests: LoadedManifest[];
  readonly problems: InputProblem[];
  readonly skipped: SkippedDocument[];
}

const HELM_HINT = 'The file looks like an unrendered Helm template: render it first (helm template ...) and lint the output.';

const FLOW_INDENT_HINT = 'A [...] or {...} spanning several lines must keep every line, the closing one included, indented deeper '
  + 'than the key holding it: Go\'s YAML parser (kubectl, Argo) tolerates this, YAML 1.2 parsers do not. Indent those lines or use a block scalar (|).';

/**
 * Parses YAML (1.2, so JSON too) text holding one or more Kubernetes manifests. `kind: List`
 * documents are flattened into their items. A document with a syntax error (including
 * duplicate keys, which Kubernetes would silently resolve) is reported as a problem and left
 * out; the other documents of the file are still returned.
 */
export function parseManifests(text: string, file: string): ParseResult {
  const result: ParseResult = { manifests: [], problems: [], skipped: [] };
  const lineCounter = new LineCounter();
  // Scalars as kubectl reads them (0755 is octal, yes/no are booleans): see util/go-yaml.ts.
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, logLevel: 'error', customTags: tags => [...GO_YAML_SCALARS, ...tags] });
  const list = Array.isArray(documents) ? documents : [documents];
  list.forEach((doc, index) => {
    const startLine = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    if (doc.errors.length) {
      const error = doc.errors[0];
      const atEnd = error.pos[0] >= doc.range[2] - 1;
      const quoteStart = atEnd && /^Missing closing .?quote/.test(error.message) ? unterminatedQuote(text, doc.range[0], error.pos[0]) : undefined;
      const pos = lineCounter.linePos(quoteStart ?? error.pos[0]);
      const helmLine = findHelmDirective(text, doc.range[0], doc.range[2], lineCounter);
      const hint = helmLine !== undefined ? ` ${HELM_HINT} (Helm syntax at line ${helmLine})`
        : doc.errors.some(e => /^Flow (sequence|mapping) in block collection must be sufficiently indented/.test(e.message)) ? ` ${FLOW_INDENT_HINT}` : '';
      result.problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax error: ${firstLine(error.message)}.${hint}` });
      return;
    }
    const helmKey = findCollectionKey(doc.contents);
    if (helmKey) {
      const line = lineCounter.linePos(helmKey.range?.[0] ?? 0).line;
      const lineText = text.split('\n')[line - 1].trim().slice(0, 80);
      result.problems.push({ file, line, message: `a mapping is used as a key in "${lineText}": `
        + `YAML reads an unquoted {{ ... }} as nested flow mappings. ${HELM_HINT}` });
      return;
    }
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) return;
    const locate = (segments: (string | number)[]) => lineOf(doc, lineCounter, segments, startLine);
    if (!isJsonObject(value)) {
      result.problems.push({ file, line: startLine, message: `document ${index + 1} is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a Kubernetes object (a mapping with apiVersion and kind)` });
      return;
    }
    if (value.apiVersion === undefined && value.kind === undefined) {
      result.skipped.push({ file, document: index, line: startLine, reason: 'not a Kubernetes object: it has neither apiVersion nor kind' });
      return;
    }
    if (isListKind(value)) {
      value.items.forEach((item: any, i: number) => result.manifests.push({
        manifest: item,
        source: { file, document: index, listItem: i, line: locate(['items', i]) },
        locate: path => locate(['items', i, ...parseFieldPath(path)]),
      }));
      return;
    }
    result.manifests.push({ manifest: value, source: { file, document: index, line: startLine }, locate: path => locate(parseFieldPath(path)) });
  });
  return result;
}

/**
 * Offset of the last unterminated quoted scalar before `to`: when a "Missing closing quote" error
 * is reported at the end of the document, where the quote opened is what the author needs.
 */
function unterminatedQuote(text: string, from: number, to: number): number | undefined {
  let found: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, item => {
      for (const t of [item.key, item.value]) {
        if (!t || (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar')) continue;
        const quote = t.type === 'double-quoted-scalar' ? '"' : "'";
        const closed = t.source.length > 1 && t.source.trimEnd().endsWith(quote) && !t.source.trimEnd().endsWith(`\\${quote}`);
        if (!closed && t.offset >= from && t.offset <= to) found = t.offset;
      }
    });
  }
  return found;
}

function isListKind(value: any): boolean {
  return typeof value.kind === 'string' && /List$/.test(value.kind) && Array.isArray(value.items);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

const HELM_DIRECTIVE = /\{\{-?\s*(\.|\$|`|(include|toYaml|template|if|else|end|range|with|define|tpl|quote|default|required|nindent|indent)\b)/;

/** Line of the first Helm/Go-template directive between two offsets, outside comments. */
function findHelmDirective(text: string, start: number, end: number, lineCounter: LineCounter): number | undefined {
  const first = lineCounter.linePos(start).line;
  const lines = text.slice(start, end).split('\n');
  const index = lines.findIndex(line => !/^\s*#/.test(line) && HELM_DIRECTIVE.test(line));
  return index < 0 ? undefined : first + index;
}

/** The first mapping key that is itself a collection (how YAML reads an unquoted `{{ x }}`). */
function findCollectionKey(node: unknown): Node | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isMap(pair.key) || isSeq(pair.key)) return pair.key as Node;
      const found = findCollectionKey(pair.value);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findCollectionKey(item);
      if (found) return found;
    }
  }
  return undefined;
}

function lineOf(doc: Document, lineCounter: LineCounter, segments: (string | number)[], fallback: number): number {
  let node: unknown = doc.contents;
  let best = fallback;
  for (const segment of segments) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(p => String((p.key as any)?.value ?? p.key) === String(segment));
      if (pair) {
        const keyStart = (pair.key as any)?.range?.[0];
        if (keyStart !== undefined) best = lineCounter.linePos(keyStart).line;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      const start = (next as any)?.range?.[0];
      if (start !== undefined) best = lineCounter.linePos(start).line;
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  return best;
}
