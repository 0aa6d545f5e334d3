import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { containersOf } from '../../util/containers';
import { podConsequence } from '../../util/kinds';
import {
  DNS1035_LABEL_FORMAT, DNS1123_LABEL_FORMAT, DNS1123_SUBDOMAIN_FORMAT, hasTemplateExpression, NameFormat, nameProblem, suggestName,
} from '../../util/names';
import { isSubstituted, withVariablesReplaced } from '../../util/substitution';
import { isJsonObject } from '../../util/walk';

/** Kinds whose metadata.name Kubernetes checks with a stricter format than a DNS-1123 subdomain. */
const NAME_FORMATS: { readonly [kind: string]: NameFormat } = {
  Namespace: DNS1123_LABEL_FORMAT,
  Service: DNS1035_LABEL_FORMAT,
};

/**
 * K8S-NAME: metadata.name, generateName and namespace, and container and volume names, in the
 * formats the Kubernetes API server accepts (DNS-1123 subdomain / label, DNS-1035 for Services).
 */
export const K8S_NAME: Rule = {
  id: 'K8S-NAME',
  description: 'Object, namespace, container and volume names are valid DNS-1123 names',
  check(ctx) {
    checkMetadata(ctx);
    checkContainerNames(ctx);
    checkVolumeNames(ctx);
  },
};

function checkMetadata(ctx: RuleContext): void {
  const { manifest } = ctx;
  if (typeof manifest.kind !== 'string') return;
  const metadata: { readonly [key: string]: any } = isJsonObject(manifest.metadata) ? manifest.metadata : {};
  const format = Object.prototype.hasOwnProperty.call(NAME_FORMATS, manifest.kind) ? NAME_FORMATS[manifest.kind] : DNS1123_SUBDOMAIN_FORMAT;
  const onApply = `Kubernetes rejects the ${manifest.kind} on apply`;
  if (metadata.name === undefined && metadata.generateName === undefined) {
    ctx.report(isJsonObject(manifest.metadata) ? 'metadata' : '', `the ${manifest.kind} has neither metadata.name nor metadata.generateName: ${onApply} ("name or generateName is required"). `
      + 'Set name (or, for objects created repeatedly like Workflows, generateName).');
  }
  // Kubernetes reads the object's own metadata as written: Argo substitutes {{...}} only inside specs.
  if (typeof metadata.name === 'string') {
    const problem = nameProblem(metadata.name, format);
    if (problem) ctx.report(fieldPath('metadata', 'name'), `name "${metadata.name}" ${problem}: ${onApply}.${unsubstituted(metadata.name)}${rename(metadata.name, format)}`);
  }
  if (typeof metadata.generateName === 'string') {
    // Kubernetes appends 5 random characters; checked as prefix + "-xxxxx" so a trailing "-" is fine.
    const prefix = metadata.generateName.replace(/-$/, '');
    const problem = prefix === '' ? undefined : nameProblem(`${prefix}-xxxxx`, format);
    if (problem) {
      ctx.report(fieldPath('metadata', 'generateName'), `generateName "${metadata.generateName}" plus the 5 random characters Kubernetes appends ${problem}: ${onApply}.`
        + `${unsubstituted(metadata.generateName)}${rename(prefix, format, '-')}`);
    }
  }
  if (typeof metadata.namespace === 'string') {
    const problem = nameProblem(metadata.namespace, DNS1123_LABEL_FORMAT);
    if (problem) {
      ctx.report(fieldPath('metadata', 'namespace'), `namespace "${metadata.namespace}" ${problem}: ${onApply}.${unsubstituted(metadata.namespace)}`
        + rename(metadata.namespace, DNS1123_LABEL_FORMAT));
    }
  }
}

function checkContainerNames(ctx: RuleContext): void {
  for (const at of containersOf(ctx.manifest)) {
    const name = at.container.name;
    if (!at.namedByUser || typeof name !== 'string') continue;
    const problem = nameProblem(asRead(ctx, at.path, name), DNS1123_LABEL_FORMAT);
    if (problem) {
      ctx.report(childPath(at.path, 'name'), `container name "${name}" ${problem}: ${podConsequence(ctx.manifest, 'Kubernetes rejects the pod')}.`
        + rename(name, DNS1123_LABEL_FORMAT));
    }
  }
}

function checkVolumeNames(ctx: RuleContext): void {
  ctx.onWalk(at => {
    const { value, field, key } = at;
    if (field === 'metadata') return false;
    if (field !== 'volumes' || typeof key !== 'number' || !isJsonObject(value)) return true;
    const name = value.name;
    if (typeof name === 'string') {
      const problem = nameProblem(asRead(ctx, at.path, name), DNS1123_LABEL_FORMAT);
      if (problem) {
        ctx.report(childPath(at.path, 'name'), `volume name "${name}" ${problem}: ${podConsequence(ctx.manifest, 'Kubernetes rejects the pod')}.`
          + `${rename(name, DNS1123_LABEL_FORMAT)} Rename its volumeMounts too.`);
      }
    }
    return false;
  });
}

/**
 * The name as Kubernetes reads it, as far as it can be known here: where Argo substitutes
 * variables first, each `{{...}}` stands for a valid value (what is outside them must be valid).
 */
function asRead(ctx: RuleContext, path: string, name: string): string {
  return hasTemplateExpression(name) && isSubstituted(ctx.manifest, path) ? withVariablesReplaced(name) : name;
}

function unsubstituted(name: string): string {
  return hasTemplateExpression(name) ? ' Argo substitutes {{...}} only inside the spec, never in the object\'s own metadata, so the braces reach Kubernetes as written.' : '';
}

function rename(name: string, format: NameFormat, suffix = ''): string {
  const suggestion = suggestName(name, format);
  if (!suggestion) return ` Choose a name made of ${format.rule}.`;
  return suffix ? ` Use e.g. "${suggestion}${suffix}".` : ` Use e.g. "${suggestion}" (and update every reference to it).`;
}
