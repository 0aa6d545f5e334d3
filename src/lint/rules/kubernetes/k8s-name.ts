import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { containersOf } from '../../util/containers';
import { podConsequence } from '../../util/kinds';
import {
  DNS1035_LABEL_FORMAT, DNS1123_LABEL_FORMAT, DNS1123_SUBDOMAIN_FORMAT, hasTemplateExpression, NameFormat, nameProblem, suggestName,
} from '../../util/names';
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
  const format = NAME_FORMATS[String(manifest.kind)] ?? DNS1123_SUBDOMAIN_FORMAT;
  const onApply = `Kubernetes rejects the ${manifest.kind} on apply`;
  if (metadata.name === undefined && metadata.generateName === undefined) {
    ctx.report(isJsonObject(manifest.metadata) ? 'metadata' : '', `the ${manifest.kind} has neither metadata.name nor metadata.generateName: ${onApply} ("name or generateName is required"). `
      + 'Set name (or, for objects created repeatedly like Workflows, generateName).');
  }
  if (typeof metadata.name === 'string' && !hasTemplateExpression(metadata.name)) {
    const problem = nameProblem(metadata.name, format);
    if (problem) ctx.report(fieldPath('metadata', 'name'), `name "${metadata.name}" ${problem}: ${onApply}.${rename(metadata.name, format)}`);
  }
  if (typeof metadata.generateName === 'string' && !hasTemplateExpression(metadata.generateName)) {
    // Kubernetes appends 5 random characters; checked as prefix + "-xxxxx" so a trailing "-" is fine.
    const prefix = metadata.generateName.replace(/-$/, '');
    const problem = prefix === '' ? undefined : nameProblem(`${prefix}-xxxxx`, format);
    if (problem) {
      ctx.report(fieldPath('metadata', 'generateName'), `generateName "${metadata.generateName}" plus the 5 random characters Kubernetes appends ${problem}: ${onApply}.`
        + `${rename(prefix, format, '-')}`);
    }
  }
  if (typeof metadata.namespace === 'string' && !hasTemplateExpression(metadata.namespace)) {
    const problem = nameProblem(metadata.namespace, DNS1123_LABEL_FORMAT);
    if (problem) ctx.report(fieldPath('metadata', 'namespace'), `namespace "${metadata.namespace}" ${problem}: ${onApply}.${rename(metadata.namespace, DNS1123_LABEL_FORMAT)}`);
  }
}

function checkContainerNames(ctx: RuleContext): void {
  for (const at of containersOf(ctx.manifest)) {
    const name = at.container.name;
    if (!at.namedByUser || typeof name !== 'string' || hasTemplateExpression(name)) continue;
    const problem = nameProblem(name, DNS1123_LABEL_FORMAT);
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
    if (typeof name === 'string' && !hasTemplateExpression(name)) {
      const problem = nameProblem(name, DNS1123_LABEL_FORMAT);
      if (problem) {
        ctx.report(childPath(at.path, 'name'), `volume name "${name}" ${problem}: ${podConsequence(ctx.manifest, 'Kubernetes rejects the pod')}.`
          + `${rename(name, DNS1123_LABEL_FORMAT)} Rename its volumeMounts too.`);
      }
    }
    return false;
  });
}

function rename(name: string, format: NameFormat, suffix = ''): string {
  const suggestion = suggestName(name, format);
  if (!suggestion) return ` Choose a name made of ${format.rule}.`;
  return suffix ? ` Use e.g. "${suggestion}${suffix}".` : ` Use e.g. "${suggestion}" (and update every reference to it).`;
}
