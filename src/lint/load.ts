import type { CST, Document, LineCounter as LineCounterType } from 'yaml';
import { fieldPath, parseFieldPath } from './path';
import { Manifest, Suppression } from './types';
import { DataProblem, COLLECTION_KEY, toPlainData } from './input/plain-data';
import { readBlockYaml } from './input/block-yaml';
import { plainScalarReader } from './input/plain-scalars';
import { inlineSuppressions, InlineSuppression, mayHaveInlineSuppressions } from './input/inline-suppressions';
import { looksLikeJson, splitJsonStream } from './input/json-stream';
import { BlockLocator } from './input/block-locator';
import { DocumentRegion, PathLocator, SourceLocator, SourcePosition } from './input/locator';
import { MAX_NESTING, tooDeep } from './input/nesting';
import { withGoScalars } from './util/go-yaml';
import { misspelledTypeField } from './util/type-fields';
import { yaml } from './util/yaml';
import { isJsonObject } from './util/walk';

export { SourcePosition } from './input/locator';

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
  /** The manifest as plain data, scalars read as kubectl reads them. */
  readonly manifest: Manifest;
  /** The file, document and line it was read from. */
  readonly source: ManifestSource;
  /**
   * 1-based line of a field path of the manifest (as findings print it), or of its deepest
   * ancestor present in the text when the field itself is missing.
   */
  locate(path: string): number;
  /** 1-based line and column of a field path, found as `locate` finds its line. */
  position(path: string): SourcePosition;
  /**
   * `# cdk8s-argo-disable-next-line` comments of the manifest, for `lint()`'s `suppressions`
   * (without `manifestIndex`: see `inlineSuppressionsOf`).
   */
  readonly suppressions: readonly Suppression[];
}

/** Text that cannot be read as manifests: a YAML syntax error, a document that is not an object. */
export interface InputProblem {
  /** File name as given by the caller. */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
  /** What cannot be read, and how to fix it. */
  readonly message: string;
}

/** A well-formed document that is not a Kubernetes object (no apiVersion and no kind), left out. */
export interface SkippedDocument {
  /** File name as given by the caller. */
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  /** 1-based line where the document starts. */
  readonly line: number;
  /** Why it was left out. */
  readonly reason: string;
}

/** What parsing one or more files produced. */
export interface ParseResult {
  /** The manifests read, in file and document order. */
  readonly manifests: LoadedManifest[];
  /** Text that could not be read (the other documents are still read). */
  readonly problems: InputProblem[];
  /** Documents that are not Kubernetes objects, left out. */
  readonly skipped: SkippedDocument[];
}

/** What YAML 1.2 (and go-yaml's reader) does not allow anywhere in a stream. */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/;

const CR_HINT = 'The file ends its lines with CR alone (old Mac style), which this YAML parser does not read as line breaks: convert them to LF.';

const HELM_HINT = 'The file looks like an unrendered Helm template: render it first (helm template ...) and lint the output.';

const FLOW_INDENT_HINT = 'A [...] or {...} spanning several lines must keep every line, the closing one included, indented deeper '
  + 'than the key holding it: Go\'s YAML parser (kubectl, Argo) tolerates this, YAML 1.2 parsers do not. Indent those lines or use a block scalar (|).';

/**
 * Parses YAML (1.2) text holding one or more Kubernetes manifests, or JSON (text starting with
 * "{", read strictly as kubectl reads it: one or more JSON values, no comments). `kind: List`
 * documents are flattened into their items. A document that cannot be read (a syntax error,
 * duplicate keys, which Kubernetes would silently resolve, an unknown alias, an alias bomb,
 * nesting deeper than MAX_NESTING levels) is reported as a problem with its line and left out;
 * the other documents of the file are still returned. Time and memory are linear in the text:
 * documents are read one at a time and their YAML nodes dropped once converted. YAML as cdk8s
 * writes it is read straight into data first (input/block-yaml.ts), about ten times faster; the
 * full reader takes whatever that declines.
 */
export function parseManifests(text: string, file: string): ParseResult {
  const reader = new DocumentReader(text, file);
  if (looksLikeJson(text)) reader.readJson();
  else reader.readYaml();
  return reader.result;
}

/** The inline suppressions of loaded manifests, each tied to its manifest's index (as given to `lint()`). */
export function inlineSuppressionsOf(loaded: readonly LoadedManifest[]): Suppression[] {
  const out: Suppression[] = [];
  loaded.forEach((m, manifestIndex) => {
    for (const s of m.suppressions) out.push({ ...s, manifestIndex });
  });
  return out;
}

/** Reads the documents of one file into a ParseResult. */
class DocumentReader {
  public readonly result: ParseResult = { manifests: [], problems: [], skipped: [] };
  private readonly lines: LineCounterType;
  private readonly locator: SourceLocator;
  private readonly scanSuppressions: boolean;
  private documents = 0;

  constructor(private readonly text: string, private readonly file: string) {
    this.lines = new (yaml().LineCounter)();
    this.lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines.addNewLine(i + 1);
    this.locator = new SourceLocator(text, this.lines);
    this.scanSuppressions = mayHaveInlineSuppressions(text);
  }

  /** A YAML stream: documents composed one at a time as the parser produces them. */
  public readYaml(): void {
    const control = NOT_PRINTABLE.exec(this.text);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.problem(control.index, `control character U+${code} in the YAML text: YAML allows only printable characters, and Kubernetes' parser rejects the file ("control characters are not allowed"). `
        + 'Remove it, or write it as an escape in a double-quoted string ("\\u' + code + '").');
      return;
    }
    const plain = plainScalarReader();
    const block = readBlockYaml(this.text, plain);
    if (block) {
      const locator = new BlockLocator(this.text, offset => this.locator.at(offset), plain);
      for (const d of block) {
        const index = this.documents++;
        // Comments are left to the full reader, so a document read here has no inline suppressions.
        this.take(d.value, index, d.region, this.locator.at(d.contentStart), () => [], locator);
      }
      return;
    }
    const Y = yaml();
    const composer = new Y.Composer({ uniqueKeys: false, prettyErrors: false, logLevel: 'error', customTags: withGoScalars });
    const pending: { readonly cst: CST.Document; readonly start: number; readonly deep?: number; readonly comments: CST.Token[] }[] = [];
    const take = (docs: Iterable<Document.Parsed>, end: number) => {
      for (const doc of docs) {
        const next = pending.shift();
        if (next) this.readDocument(doc, next.cst, { start: next.start, end }, next.deep, 0, next.comments);
      }
    };
    let directivesAt: number | undefined;
    /** Comments before a document's first line belong to it (for inline suppressions). */
    let comments: CST.Token[] = [];
    for (const token of new Y.Parser().parse(this.text)) {
      if (token.type === 'directive') directivesAt ??= token.offset;
      if (token.type !== 'document') {
        if (token.type === 'comment' && this.scanSuppressions) comments.push(token);
        take(composer.next(token), this.text.length);
        continue;
      }
      // The composer hands over a document when the next one starts: that is where it ends.
      const start = directivesAt ?? token.offset;
      directivesAt = undefined;
      const deep = tooDeep(token);
      take(composer.next(deep === undefined ? token : { ...token, value: undefined }), start);
      pending.push({ cst: token, start, deep, comments });
      comments = [];
    }
    take(composer.end(), this.text.length);
  }

  /** JSON: checked strictly first; each top-level value is then read like a YAML document. */
  public readJson(): void {
    const split = splitJsonStream(this.text);
    if ('problem' in split) {
      this.problem(split.problem.offset, `JSON syntax error: ${split.problem.message}.`);
      return;
    }
    const Y = yaml();
    for (const region of split.values) {
      const composer = new Y.Composer({ uniqueKeys: false, prettyErrors: false, logLevel: 'error', customTags: withGoScalars });
      const docs: Document.Parsed[] = [];
      let cst: CST.Document | undefined;
      let deep: number | undefined;
      for (const token of new Y.Parser().parse(this.text.slice(region.start, region.end))) {
        if (token.type === 'document') {
          cst = token;
          deep = tooDeep(token);
          docs.push(...composer.next(deep === undefined ? token : { ...token, value: undefined }));
        } else {
          docs.push(...composer.next(token));
        }
      }
      docs.push(...composer.end());
      if (cst && docs[0]) this.readDocument(docs[0], cst, region, deep, region.start);
    }
  }

  private readDocument(doc: Document.Parsed, cst: CST.Document, region: DocumentRegion, deep: number | undefined, base: number, comments: readonly CST.Token[] = []): void {
    const index = this.documents++;
    if (deep !== undefined) {
      this.problem(base + deep, `nested too deeply: more than ${MAX_NESTING} levels of maps and lists. No Kubernetes or Argo manifest needs this many `
        + '(Argo\'s CRDs reach about 40); flatten the data or keep it as a string (e.g. a ConfigMap value).');
      return;
    }
    if (doc.errors.length) {
      this.syntaxError(doc, region, base);
      return;
    }
    const converted = toPlainData(doc, offset => this.locator.at(base + offset).line);
    if ('problem' in converted) {
      this.dataProblem(converted.problem, base);
      return;
    }
    const value = converted.value;
    if (value === null || value === undefined) return;
    const start = this.locator.at(base + (doc.contents?.range?.[0] ?? doc.range[0]));
    this.take(value, index, region, start, () => inlineSuppressions([...comments, cst], doc, this.text, this.lines), this.locator);
  }

  /** A document's data: its manifest, or the items of a List, or a problem or skip when it is no object. */
  private take(value: unknown, index: number, region: DocumentRegion, start: SourcePosition, suppressions: () => InlineSuppression[], locator: PathLocator): void {
    if (!isJsonObject(value)) {
      this.result.problems.push({ file: this.file, line: start.line, column: start.column, message: `document ${index + 1} is ${describe(value)}, not a Kubernetes object (a mapping with apiVersion and kind)` });
      return;
    }
    const own = (key: string) => Object.prototype.hasOwnProperty.call(value, key);
    if (!own('apiVersion') && !own('kind') && !looksLikeAnObject(value)) {
      this.result.skipped.push({ file: this.file, document: index, line: start.line, reason: 'not a Kubernetes object: it has neither apiVersion nor kind' });
      return;
    }
    const inline = this.scanSuppressions ? suppressions() : [];
    const position = (segments: readonly (string | number)[]) => locator.position(region, segments, start);
    if (typeof value.kind === 'string' && /List$/.test(value.kind) && own('items') && Array.isArray(value.items)) {
      (value.items as unknown[]).forEach((item, i) => {
        const at = position(['items', i]);
        if (!isJsonObject(item)) {
          this.result.problems.push({ file: this.file, line: at.line, column: at.column, message: `items[${i}] of the ${value.kind} is ${describe(item)}, not a Kubernetes object (a mapping with apiVersion and kind)` });
          return;
        }
        this.result.manifests.push(this.loaded(item, { file: this.file, document: index, listItem: i, line: at.line }, path => position(['items', i, ...parseFieldPath(path)]), listItemSuppressions(inline, i)));
      });
      return;
    }
    this.result.manifests.push(this.loaded(value, { file: this.file, document: index, line: start.line }, path => position(parseFieldPath(path)), inline.map(s => toSuppression(s, s.target))));
  }

  private loaded(manifest: Manifest, source: ManifestSource, position: (path: string) => SourcePosition, suppressions: Suppression[]): LoadedManifest {
    return { manifest, source, position, locate: path => position(path).line, suppressions };
  }

  private syntaxError(doc: Document.Parsed, region: DocumentRegion, base: number): void {
    const error = doc.errors[0];
    const atEnd = error.pos[0] >= doc.range[2] - 1;
    const quoteStart = atEnd && /^Missing closing .?quote/.test(error.message) ? unterminatedQuote(this.text, region, base + error.pos[0]) : undefined;
    const helmLine = findHelmDirective(this.text, region, this.lines);
    const hint = helmLine !== undefined ? ` ${HELM_HINT} (Helm syntax at line ${helmLine})`
      : doc.errors.some(e => /^Flow (sequence|mapping) in block collection must be sufficiently indented/.test(e.message)) ? ` ${FLOW_INDENT_HINT}`
        : /\r(?!\n)/.test(this.text.slice(region.start, region.end)) ? ` ${CR_HINT}` : '';
    this.problem(quoteStart ?? base + error.pos[0], `YAML syntax error: ${firstLine(error.message)}.${hint}`);
  }

  private dataProblem(problem: DataProblem, base: number): void {
    if (problem.message !== COLLECTION_KEY) {
      this.problem(base + problem.offset, `${problem.message}.`);
      return;
    }
    const at = this.locator.at(base + problem.offset);
    const lineText = lineAt(this.text, base + problem.offset).trim().slice(0, 80);
    const message = /\{\{/.test(lineText)
      ? `a mapping is used as a key in "${lineText}": YAML reads an unquoted {{ ... }} as nested flow mappings. ${HELM_HINT}`
      : `a mapping or list is used as a map key in "${lineText}": Kubernetes rejects the document (unsupported map key). Use a string key.`;
    this.result.problems.push({ file: this.file, line: at.line, column: at.column, message });
  }

  private problem(offset: number, message: string): void {
    const at = this.locator.at(offset);
    this.result.problems.push({ file: this.file, line: at.line, column: at.column, message });
  }
}

function toSuppression(s: InlineSuppression, target: readonly (string | number)[] | undefined): Suppression {
  return {
    directive: s.directive,
    origin: `the comment at line ${s.line}`,
    path: target === undefined ? null : fieldPath(...target),
  };
}

/** Inline suppressions of a List document that cover item i (a comment above the List covers every item). */
function listItemSuppressions(inline: readonly InlineSuppression[], i: number): Suppression[] {
  const out: Suppression[] = [];
  for (const s of inline) {
    const t = s.target;
    if (t === undefined) continue;
    if (t.length <= 1 && (t.length === 0 || t[0] === 'items')) out.push(toSuppression(s, []));
    else if (t[0] === 'items' && t[1] === i) out.push(toSuppression(s, t.slice(2)));
  }
  return out;
}

/**
 * True for a document without apiVersion and kind that is still meant as a Kubernetes object
 * (so it is linted, and its missing type reported, instead of being skipped): it has metadata,
 * or a key that is apiVersion or kind misspelled (`Kind`, `apiversion`, `apiVersions`).
 */
function looksLikeAnObject(value: { readonly [key: string]: unknown }): boolean {
  return Object.keys(value).some(key => (key === 'metadata' && isJsonObject(value[key])) || misspelledTypeField(key) !== undefined);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
}

/**
 * Offset of the last unterminated quoted scalar of a document before `to`: when a "Missing
 * closing quote" error is reported at the end of the document, where the quote opened is what
 * the author needs.
 */
function unterminatedQuote(text: string, region: DocumentRegion, to: number): number | undefined {
  const Y = yaml();
  let found: number | undefined;
  for (const token of new Y.Parser().parse(text.slice(region.start, region.end))) {
    if (token.type !== 'document') continue;
    Y.CST.visit(token, item => {
      for (const t of [item.key, item.value]) {
        if (!t || (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar')) continue;
        const quote = t.type === 'double-quoted-scalar' ? '"' : "'";
        const closed = t.source.length > 1 && t.source.trimEnd().endsWith(quote) && !t.source.trimEnd().endsWith(`\\${quote}`);
        if (!closed && region.start + t.offset <= to) found = region.start + t.offset;
      }
    });
  }
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

const HELM_DIRECTIVE = /\{\{-?\s*(\.|\$|`|(include|toYaml|template|if|else|end|range|with|define|tpl|quote|default|required|nindent|indent)\b)/;

/** Line of the first Helm/Go-template directive of a document, outside comments. */
function findHelmDirective(text: string, region: DocumentRegion, lines: LineCounterType): number | undefined {
  const first = lines.linePos(region.start).line;
  const docLines = text.slice(region.start, region.end).split('\n');
  const index = docLines.findIndex(line => !/^\s*#/.test(line) && HELM_DIRECTIVE.test(line));
  return index < 0 ? undefined : first + index;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}
