import { TypeGenerator } from 'json2jsii';
import { Code } from 'json2jsii/lib/code';
import { applyQuirks } from '../schema/quirks';
import { ArgoSchemaDocument } from '../schema/argo-schema';
import { EVENTS_PREFIX, K8S_PREFIX, TypeNames, WORKFLOWS_PREFIX, reservedNames } from './naming';

export const WORKFLOW_KINDS = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'WorkflowEventBinding'];
export const EVENT_KINDS = ['EventSource', 'Sensor', 'EventBus'];

/** Definition name to the fields a release's full CRDs require on top of the schema. */
export type CrdRequiredFields = { readonly [definition: string]: readonly string[] };

/** The generated modules, file name to TypeScript source. */
export type GeneratedModules = { [file: string]: string };

export const KUBERNETES_MODULE = 'kubernetes';
export const WORKFLOWS_MODULE = 'argo-workflows';
export const EVENTS_MODULE = 'argo-events';

/** cdk8s's metadata type replaces ObjectMeta on the kinds, as `cdk8s import` does for CRDs. */
const METADATA = 'ApiObjectMetadata';

interface ModulePlan {
  readonly file: string;
  readonly title: string;
  readonly definitions: { [name: string]: any };
  readonly members: string[];
  readonly kinds: string[];
  readonly kindPrefix: string;
}

/**
 * Generates the typed imports from Argo's JSON schemas with json2jsii: one type per schema
 * definition reachable from the Argo kinds, Kubernetes types shared by both Argo modules.
 * `crdRequired`: fields the full CRDs of the Workflows release require beyond the schema, per
 * definition (the API server refuses the object without them, so the types ask for them too).
 */
export function generateImports(workflows: ArgoSchemaDocument, events: ArgoSchemaDocument, crdRequired: CrdRequiredFields = {}): GeneratedModules {
  const wfDefs = applyQuirks(workflows.definitions, { dateTimeAsString: true });
  for (const [name, fields] of Object.entries(crdRequired)) {
    const def = wfDefs[name];
    if (!def?.properties) throw new Error(`the full CRDs require fields of ${name}, which the schema does not define as an object`);
    def.required = [...new Set([...(def.required ?? []), ...fields])];
  }
  const evDefs = applyQuirks(events.definitions, { dateTimeAsString: true });
  const wfReach = reachable(wfDefs, WORKFLOW_KINDS.map(k => WORKFLOWS_PREFIX + k));
  const evReach = reachable(evDefs, EVENT_KINDS.map(k => EVENTS_PREFIX + k));
  assertOnly(wfReach, [K8S_PREFIX, WORKFLOWS_PREFIX]);
  assertOnly(evReach, [K8S_PREFIX, EVENTS_PREFIX]);

  // Kubernetes types come from the workflows schema where both schemas define them
  // (they differ only in descriptions and two newer optional fields).
  const k8sDefs: { [name: string]: any } = {};
  for (const name of [...evReach, ...wfReach].filter(n => n.startsWith(K8S_PREFIX)).sort()) {
    k8sDefs[name] = wfDefs[name] ?? evDefs[name];
  }
  const wfMembers = wfReach.filter(n => n.startsWith(WORKFLOWS_PREFIX) && !WORKFLOW_KINDS.includes(n.substring(WORKFLOWS_PREFIX.length)));
  const evMembers = evReach.filter(n => n.startsWith(EVENTS_PREFIX) && !EVENT_KINDS.includes(n.substring(EVENTS_PREFIX.length)));
  const names = new TypeNames(reservedNames(), Object.keys(k8sDefs), wfMembers, evMembers);

  const plans: ModulePlan[] = [
    { file: KUBERNETES_MODULE, title: 'Kubernetes types used by Argo Workflows v4.1.2 and Argo Events v1.9.11', definitions: k8sDefs, members: Object.keys(k8sDefs), kinds: [], kindPrefix: '' },
    { file: WORKFLOWS_MODULE, title: 'Argo Workflows v4.1.2 (argoproj.io/v1alpha1)', definitions: { ...wfDefs, ...k8sDefs }, members: wfMembers, kinds: WORKFLOW_KINDS, kindPrefix: WORKFLOWS_PREFIX },
    { file: EVENTS_MODULE, title: 'Argo Events v1.9.11 (argoproj.io/v1alpha1)', definitions: { ...evDefs, ...k8sDefs }, members: evMembers, kinds: EVENT_KINDS, kindPrefix: EVENTS_PREFIX },
  ];
  const out: GeneratedModules = {};
  for (const plan of plans) out[plan.file] = renderModule(plan, names, Object.keys(k8sDefs));
  return out;
}

function renderModule(plan: ModulePlan, names: TypeNames, k8sDefinitions: string[]): string {
  const gen = new TypeGenerator({
    definitions: plan.definitions,
    renderTypeName: def => (def === METADATA ? METADATA : names.of(def)),
  });
  const ownK8s = plan.file === KUBERNETES_MODULE;
  const scratch = new Code();
  // Types living in the kubernetes module are registered as already emitted, so references
  // resolve to the imported name instead of a local copy.
  if (!ownK8s) {
    for (const def of k8sDefinitions) {
      const schema = plan.definitions[def];
      const name = names.of(def);
      if (schema.properties) gen.emitCustomType(name, () => ({ type: name, toJson: (x: string) => `toJson_${name}(${x})` }));
      else if (Array.isArray(schema.type)) gen.emitCustomType(name, () => ({ type: name, toJson: (x: string) => x }));
    }
  }
  gen.renderToCode(scratch);
  if (plan.kinds.length) gen.emitCustomType(METADATA, () => ({ type: METADATA, toJson: (x: string) => x }));
  // Definitions whose `type` lists several primitives (IntOrString, Int64OrString) become a
  // TypeScript union; json2jsii would otherwise emit `any`.
  for (const def of plan.members) {
    const schema = plan.definitions[def];
    if (Array.isArray(schema.type)) {
      const name = names.of(def);
      const union = schema.type.map((t: string) => (t === 'integer' ? 'number' : t)).join(' | ');
      gen.emitCustomType(name, code => {
        docComment(code, schema.description, def);
        code.line(`export type ${name} = ${union};`);
        return { type: name, toJson: (x: string) => x };
      });
    }
  }
  const code = new Code();
  for (const def of [...plan.members].sort()) {
    gen.emitType(names.of(def), plan.definitions[def], def);
  }
  for (const kind of plan.kinds) emitKind(gen, names, plan, kind);
  gen.renderToCode(code);
  const body = filterUndefinedInOnePass(code.render());
  return header(plan, body, k8sDefinitions.map(d => names.of(d))) + body;
}

/** json2jsii's way of dropping undefined fields from a mapped object (and from a map, whose values it may map). */
const REDUCE_FILTER = /Object\.entries\(([\w.]+)\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: (?:(\w+)\(i\[1\]\)|i\[1\]) \}\), \{\}\)/g;

const WITHOUT_UNDEFINED = `
/** The object without its undefined values (mapped by \`map\`), in one pass: json2jsii's filter copies it once per field. */
function withoutUndefined(obj: { [key: string]: any }, map?: (value: any) => any): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value !== undefined) out[key] = map ? map(value) : value;
  }
  return out;
}
`;

/**
 * The toJson_ mappers run over every object at every synth, and json2jsii's filter rebuilds the
 * result object once per defined field: rewritten to one pass (same keys, same order). A mapper's
 * own result is built field by field instead (json2jsii writes every field of the type into an
 * object literal, most of them undefined, and then copies the defined ones out).
 */
function filterUndefinedInOnePass(body: string): string {
  const rewritten = body.replace(REDUCE_FILTER, (_match, obj: string, map?: string) => `withoutUndefined(${obj}${map ? `, ${map}` : ''})`)
    .replace(MAPPED_RESULT, (_match, fields: string) => definedFieldsOnly(fields));
  if (rewritten.includes('.reduce((r, i)')) {
    throw new Error('json2jsii emitted an undefined-filter this generator does not recognize: update REDUCE_FILTER in src/codegen/generate.ts');
  }
  if (rewritten.includes('return withoutUndefined(result);')) {
    throw new Error('json2jsii emitted a toJson_ result this generator does not recognize: update MAPPED_RESULT in src/codegen/generate.ts');
  }
  return rewritten.includes('withoutUndefined(') ? `${rewritten}${WITHOUT_UNDEFINED}` : rewritten;
}

/** A toJson_ mapper's result as json2jsii writes it: every field in a literal, then the defined ones copied out. */
const MAPPED_RESULT = /^  const result = \{\n((?:    '[^'\n]+': [^\n]*,\n)*)  \};\n  \/\/ filter undefined values\n  return withoutUndefined\(result\);$/gm;

/** The mapper's result built from the literal's fields (`    'name': expression,` lines), the undefined ones left out. */
function definedFieldsOnly(fields: string): string {
  const lines = ['  const result: Record<string, any> = {};', '  let value: any;'];
  for (const line of fields.split('\n').filter(l => l)) {
    const field = /^    ('[^']+'): (.*),$/.exec(line);
    if (!field) throw new Error(`json2jsii emitted a toJson_ field this generator does not recognize: ${line}`);
    lines.push(`  if ((value = ${field[2]}) !== undefined) result[${field[1]}] = value;`);
  }
  lines.push('  return result;');
  return lines.join('\n');
}

function emitKind(gen: TypeGenerator, names: TypeNames, plan: ModulePlan, kind: string): void {
  const fqn = plan.kindPrefix + kind;
  const schema = plan.definitions[fqn];
  const gvk = schema['x-kubernetes-group-version-kind'][0];
  const className = names.claim(`Argo${kind}`, fqn);
  const propsName = names.claim(`Argo${kind}Props`, fqn);
  const props: { [name: string]: any } = { metadata: { $ref: `#/definitions/${METADATA}` } };
  for (const [key, value] of Object.entries(schema.properties as object)) {
    if (!['apiVersion', 'kind', 'metadata', 'status'].includes(key)) props[key] = value;
  }
  const required = (schema.required ?? []).filter((r: string) => r !== 'metadata');
  gen.emitType(propsName, { description: schema.description, type: 'object', properties: props, required }, fqn);
  const optional = required.length ? '' : ' = {}';
  gen.emitCustomType(className, code => {
    docComment(code, schema.description, fqn);
    code.openBlock(`export class ${className} extends CachedApiObject`);
    code.line(`/** apiVersion and kind of ${kind}. */`);
    code.openBlock('public static readonly GVK: GroupVersionKind =');
    code.line(`apiVersion: '${gvk.group}/${gvk.version}',`);
    code.line(`kind: '${gvk.kind}',`);
    code.closeBlock();
    code.line();
    code.line(`/** Renders a ${kind} manifest without adding it to a construct tree. */`);
    code.openBlock(`public static manifest(props: ${propsName}${optional}): any`);
    code.line(`return { ...${className}.GVK, ...toJson_${propsName}(props) };`);
    code.closeBlock();
    code.line();
    code.line(`/** Defines a ${kind} API object. */`);
    code.openBlock(`public constructor(scope: Construct, id: string, props: ${propsName}${optional})`);
    code.line(`super(scope, id, { ...${className}.GVK, ...props });`);
    code.closeBlock();
    code.line();
    code.line('/** The manifest JSON, with the schema\'s field names (rendered once per change, see CachedApiObject). */');
    code.openBlock('protected override render(): any');
    code.line(`return { ...${className}.GVK, ...toJson_${propsName}(super.render()) };`);
    code.closeBlock();
    code.closeBlock();
    return { type: className, toJson: (x: string) => x };
  });
}

function header(plan: ModulePlan, body: string, k8sNames: string[]): string {
  const lines = [
    '// Generated by `npm run import` (src/codegen) from Argo\'s published JSON schemas. Do not edit.',
    `// ${plan.title}`,
    '/* eslint-disable */',
  ];
  if (plan.kinds.length) {
    lines.push("import { ApiObjectMetadata, GroupVersionKind } from 'cdk8s';");
    lines.push("import { Construct } from 'constructs';");
    lines.push("import { CachedApiObject } from '../src/core/cached-api-object';");
  }
  if (plan.file !== KUBERNETES_MODULE) {
    const used = k8sNames.flatMap(n => [n, `toJson_${n}`]).filter(n => new RegExp(`\\b${n}\\b`).test(body)).sort();
    if (used.length) lines.push(`import { ${used.join(', ')} } from './${KUBERNETES_MODULE}';`);
  }
  return lines.join('\n') + '\n\n';
}

function docComment(code: Code, description: string | undefined, fqn: string): void {
  code.line('/**');
  for (const line of (description ?? '').replace(/\*\//g, '_/').split('\n')) {
    if (line.trim()) code.line(` * ${line.trim()}`);
  }
  code.line(` * @schema ${fqn}`);
  code.line(' */');
}

/** Definition names reachable from the roots through `$ref`, sorted. */
export function reachable(definitions: { [name: string]: any }, roots: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    if (!definitions[name]) throw new Error(`schema has no definition ${name}`);
    seen.add(name);
    for (const m of JSON.stringify(definitions[name]).matchAll(/"#\/definitions\/([^"]+)"/g)) stack.push(m[1]);
  }
  return [...seen].sort();
}

function assertOnly(names: string[], prefixes: string[]): void {
  const stray = names.filter(n => !prefixes.some(p => n.startsWith(p)));
  if (stray.length) throw new Error(`unexpected definitions reachable from the kinds: ${stray.join(', ')}`);
}
