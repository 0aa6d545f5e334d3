import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { hasTemplateTag } from '../../util/template-variables';
import { asArray, describeCall, isObject, workflowRule } from './model';

const ARTIFACT_LOCATIONS = ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure', 'plugin'];
const VALUE_SOURCES = ['configMapKeyRef', 'supplied', 'event'];
const NOT_FOR_ARGUMENTS = ['path', 'jsonPath', 'jqFilter', 'parameter', 'expression'];

/** True when an artifact has a location (s3, git, http...) or a key. */
export function hasArtifactLocation(artifact: any): boolean {
  return ARTIFACT_LOCATIONS.some(k => isObject(artifact?.[k])) || (typeof artifact?.key === 'string' && artifact.key !== '');
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Checks one `arguments` block. `allowEmpty`: WorkflowTemplates may leave workflow arguments
 * without value (the submitter supplies them).
 */
function checkArguments(ctx: RuleContext, args: any, path: string, where: string, allowEmpty: boolean): void {
  if (!isObject(args)) return;
  asArray(args.parameters).forEach((p, i) => {
    if (!isObject(p)) return;
    const ppath = childPath(path, 'parameters', i);
    const name = `argument parameter "${p.name}" of ${where}`;
    const valueFrom = p.valueFrom;
    if (!present(p.value) && !present(valueFrom) && !allowEmpty) {
      ctx.report(ppath, `${name} has neither value nor valueFrom: Argo rejects the workflow ("value or valueFrom is required"). Give it a value.`);
    }
    if (isObject(valueFrom)) {
      const wrong = NOT_FOR_ARGUMENTS.filter(k => present(valueFrom[k]) && valueFrom[k] !== '');
      if (wrong.length || !VALUE_SOURCES.some(k => present(valueFrom[k]) && valueFrom[k] !== '')) {
        ctx.report(childPath(ppath, 'valueFrom'), `${name} takes valueFrom ${wrong.length ? wrong.join('/') : 'without a source'}: `
          + 'Argo rejects the workflow ("valueFrom only allows: default, configMapKeyRef and supplied"). '
          + 'Arguments read from configMapKeyRef (with an optional default), supplied or event; output-style sources belong in outputs.');
      }
    }
    if (Array.isArray(p.enum)) {
      if (p.enum.length === 0) {
        ctx.report(childPath(ppath, 'enum'), `${name} has an empty enum: Argo rejects the workflow ("enum should contain at least one value"). List the allowed values or drop enum.`);
      } else if (!present(p.value)) {
        if (!allowEmpty) ctx.report(ppath, `${name} has an enum but no value: Argo rejects the workflow ("value is required"). Set value to one of the enum values.`);
      } else if (!hasTemplateTag(String(p.value)) && !p.enum.map(String).includes(String(p.value))) {
        ctx.report(childPath(ppath, 'value'), `${name} has value ${JSON.stringify(String(p.value))}, which is not in its enum (${p.enum.map(String).join(', ')}): `
          + 'Argo rejects the workflow. Use one of the enum values or extend the enum.');
      }
    }
  });
  asArray(args.artifacts).forEach((a, i) => {
    if (!isObject(a)) return;
    const apath = childPath(path, 'artifacts', i);
    const name = `argument artifact "${a.name}" of ${where}`;
    const from = typeof a.from === 'string' && a.from !== '';
    if (!from && !hasArtifactLocation(a)) {
      ctx.report(apath, `${name} has no from, location or key: Argo rejects the workflow ("from, artifact location, or key is required"). `
        + 'Set from: "{{steps.x.outputs.artifacts.y}}", a location (s3, http, git, raw...) or a key in the artifact repository.');
    }
    if (from && typeof a.fromExpression === 'string' && a.fromExpression !== '') {
      ctx.report(apath, `${name} sets both from and fromExpression: Argo rejects the workflow. Keep only one.`);
    }
  });
}

/**
 * W20: argument parameters have value or valueFrom (valueFrom only configMapKeyRef|default|
 * supplied|event), a non-empty enum containing the value; argument artifacts have from |
 * location | key, not from and fromExpression together.
 */
export const W20_ARGUMENTS = workflowRule('W20',
  'arguments: parameters need value/valueFrom and a matching enum; artifacts need from, location or key',
  (model, ctx) => {
    const { spec, path, isTemplateKind } = model.site;
    checkArguments(ctx, spec.arguments, childPath(path, 'arguments'), 'the workflow', isTemplateKind);
    for (const c of model.calls) {
      if (c.kind !== 'hook') checkArguments(ctx, c.call.arguments, childPath(c.path, 'arguments'), describeCall(c), false);
    }
  });
