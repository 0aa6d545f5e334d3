import { readFileSync } from 'fs';
import { join } from 'path';

/** Check time of one `tsc --generateTrace` run, by package (see attributeCheckTime). */
export interface CheckAttribution {
  /** Sum of the top-level checkSourceFile events: the traced run's check time. */
  readonly totalMs: number;
  readonly packages: readonly PackageCheckTime[];
  /** The files taking the most checkSourceFile time. */
  readonly files: readonly { readonly path: string; readonly ms: number }[];
  /** Type-relation events (structuredTypeRelatedTo, getVariancesWorker) whose types have no location: their time stays with the enclosing event. */
  readonly unplacedTypeEvents: number;
  readonly typeEvents: number;
}

export interface PackageCheckTime {
  /** `app` (the user's files, outside node_modules) or a package name, `@scope/name` included. */
  readonly name: string;
  /** checkSourceFile of the package's files, callees included: what checking its files costs (skipLibCheck skips it for .d.ts). */
  readonly fileMs: number;
  /** Self time of the events whose subject is in the package: a type relation charged to where its source type (else its target) is declared, other events to their file. */
  readonly subjectMs: number;
  /** createSourceFile and bindSourceFile of the package's files: parsing and binding, paid with skipLibCheck too. */
  readonly parseBindMs: number;
}

interface TraceEvent {
  readonly ph: string;
  readonly cat?: string;
  readonly name: string;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly path?: string; readonly sourceId?: number; readonly targetId?: number; readonly id?: number };
}

interface Span {
  readonly event: TraceEvent;
  readonly start: number;
  readonly end: number;
  subject: string;
  selfUs: number;
}

interface TraceType {
  readonly id: number;
  readonly firstDeclaration?: { readonly path: string };
  readonly referenceLocation?: { readonly path: string };
  readonly [field: string]: unknown;
}

/** Fields of a types.json entry that name another type, tried in order when a type has no location of its own. */
const RELATED = ['instantiatedType', 'unionTypes', 'intersectionTypes', 'keyofType', 'indexedAccessObjectType', 'conditionalCheckType', 'substitutionBaseType', 'typeArguments', 'aliasTypeArguments'];

/**
 * Reads trace.json and types.json of `tsc --generateTrace <dir>` and splits the check phase by
 * package. tsc records every checkSourceFile, but checkExpression, structuredTypeRelatedTo and
 * the like only when they last 10 ms or more: the time of shorter ones stays with their parent.
 */
export function attributeCheckTime(traceDir: string): CheckAttribution {
  const events = JSON.parse(readFileSync(join(traceDir, 'trace.json'), 'utf8')) as TraceEvent[];
  const types = JSON.parse(readFileSync(join(traceDir, 'types.json'), 'utf8')) as TraceType[];
  const typesById = new Map(types.map(t => [t.id, t]));
  const spans = checkSpans(events).sort((a, b) => a.start - b.start || b.end - a.end);
  const files = new Map<string, number>();
  const byFile = new Map<string, number>();
  const bySubject = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
  const stack: Span[] = [];
  let totalUs = 0;
  let typeEvents = 0;
  let unplaced = 0;
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    const { name, args } = span.event;
    let subject: string | undefined;
    if (name === 'structuredTypeRelatedTo' || name === 'getVariancesWorker') {
      typeEvents++;
      subject = [args?.sourceId, args?.targetId, args?.id].map(id => locate(typesById, id)).find(Boolean);
      if (!subject) unplaced++;
    } else if (args?.path) {
      subject = args.path;
    }
    span.subject = subject ?? parent?.subject ?? '?';
    if (parent) {
      parent.selfUs -= span.end - span.start;
    } else if (name === 'checkSourceFile' && args?.path) {
      totalUs += span.end - span.start;
      add(files, args.path, span.end - span.start);
      add(byFile, packageOf(args.path), span.end - span.start);
    }
    stack.push(span);
  }
  for (const span of spans) add(bySubject, packageOf(span.subject), span.selfUs);
  const parseBind = parseBindByPackage(events);
  const names = new Set([...byFile.keys(), ...bySubject.keys(), ...parseBind.keys()]);
  return {
    totalMs: totalUs / 1000,
    packages: [...names].map(n => ({ name: n, fileMs: (byFile.get(n) ?? 0) / 1000, subjectMs: (bySubject.get(n) ?? 0) / 1000, parseBindMs: (parseBind.get(n) ?? 0) / 1000 })).sort((a, b) => b.fileMs - a.fileMs),
    files: [...files].map(([path, us]) => ({ path, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
    unplacedTypeEvents: unplaced,
    typeEvents,
  };
}

/** Spans of the check phase: B/E pairs and X events of the categories `check` and `checkTypes`. */
function checkSpans(events: readonly TraceEvent[]): Span[] {
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  const span = (event: TraceEvent, start: number, end: number): Span => ({ event, start, end, subject: '?', selfUs: end - start });
  for (const e of events) {
    if (e.cat !== 'check' && e.cat !== 'checkTypes') continue;
    if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.pop();
      if (begin) spans.push(span(begin, begin.ts, e.ts));
    } else if (e.ph === 'X' && e.dur !== undefined) spans.push(span(e, e.ts, e.ts + e.dur));
  }
  return spans;
}

/** Microseconds of createSourceFile and bindSourceFile (B/E pairs, never nested in one another) by package. */
function parseBindByPackage(events: readonly TraceEvent[]): Map<string, number> {
  const open: TraceEvent[] = [];
  const byPackage = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'B') open.push(e);
    if (e.ph !== 'E') continue;
    const begin = open.pop();
    if (begin?.args?.path && (begin.name === 'createSourceFile' || begin.name === 'bindSourceFile')) {
      const pkg = packageOf(begin.args.path);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + e.ts - begin.ts);
    }
  }
  return byPackage;
}

/** The file declaring a type, else one of the types it is made of (a few levels deep). */
function locate(types: ReadonlyMap<number, TraceType>, id: number | undefined, depth = 0): string | undefined {
  const type = id === undefined ? undefined : types.get(id);
  if (!type || depth > 4) return undefined;
  const own = type.firstDeclaration?.path ?? type.referenceLocation?.path;
  if (own) return own;
  for (const field of RELATED) {
    const value = type[field];
    const related = Array.isArray(value) ? value[0] : value;
    const found = typeof related === 'number' ? locate(types, related, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** `app` for a file outside node_modules, else the package holding it (the innermost node_modules). */
export function packageOf(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return path === '?' ? '?' : 'app';
  const parts = path.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}
