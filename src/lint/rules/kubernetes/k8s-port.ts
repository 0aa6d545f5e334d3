import { childPath } from '../../path';
import { Manifest, Rule, RuleContext } from '../../types';
import { ContainerAt, containersOf } from '../../util/containers';
import { kindFamily, podConsequence } from '../../util/kinds';
import { DNS1123_LABEL_FORMAT, hasTemplateExpression, suggestName } from '../../util/names';
import { isJsonObject, JsonObject, listOf } from '../../util/walk';

/** Handlers that name a port: probes and lifecycle hooks. */
const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

/** IsValidPortName (k8s.io/apimachinery validation): an IANA service name. */
function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'is longer than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return 'holds a character other than a-z, 0-9 and "-"';
  if (!/[a-z]/.test(name)) return 'holds no letter';
  if (name.includes('--')) return 'holds "--"';
  if (name.startsWith('-') || name.endsWith('-')) return 'begins or ends with "-"';
  return undefined;
}

/** IsValidPortNum. */
function validPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** What happens to an object Kubernetes validates with this port: the object refused at apply, or the pod Argo creates. */
function consequence(manifest: Manifest): string {
  return kindFamily(manifest) === 'kubernetes' ? `kubectl apply rejects the ${manifest.kind}` : podConsequence(manifest, 'Kubernetes rejects the pod');
}

/**
 * K8S-PORT: ports as Kubernetes validates them: a container's `containerPort` (required) and
 * `hostPort` (when set) between 1 and 65535, port names IANA service names (at most 15 of
 * a-z, 0-9 and "-", a letter, no "--", no "-" at either end) and unique in the container; the
 * port of a probe or lifecycle hook a number in range or such a name; a Service's ports in
 * range, named as DNS labels (and named at all when there are several), names unique.
 */
export const K8S_PORT: Rule = {
  id: 'K8S-PORT',
  description: 'Container, probe and Service ports are numbers between 1 and 65535 or valid port names, as Kubernetes validates them',
  check(ctx) {
    for (const at of containersOf(ctx.manifest)) checkContainer(ctx, at);
    if (ctx.manifest.kind === 'Service' && isJsonObject(ctx.manifest.spec)) checkService(ctx, ctx.manifest.spec);
  },
};

function checkContainer(ctx: RuleContext, at: ContainerAt): void {
  const rejected = consequence(ctx.manifest);
  const names = new Map<string, number>();
  listOf(at.container.ports).forEach((port, i) => {
    if (!isJsonObject(port)) return;
    const path = childPath(at.path, 'ports', i);
    const name = port.name;
    if (typeof name === 'string' && name !== '' && !hasTemplateExpression(name)) {
      const problem = portNameProblem(name);
      if (problem) {
        ctx.report(childPath(path, 'name'), `port name "${name}" ${problem}: ${rejected} (a port name is an IANA service name). Use e.g. "${suggestPortName(name)}".`);
      } else if (names.has(name)) {
        ctx.report(childPath(path, 'name'), `port name "${name}" is also the name of ports[${names.get(name)}] of this container: ${rejected} ("Duplicate value"). Give each port its own name.`);
      } else {
        names.set(name, i);
      }
    }
    numberProblem(ctx, childPath(path, 'containerPort'), port.containerPort, true, rejected);
    if (port.hostPort !== 0) numberProblem(ctx, childPath(path, 'hostPort'), port.hostPort, false, rejected);
  });
  for (const handler of HANDLERS) {
    let value: unknown = at.container;
    for (const key of handler) value = isJsonObject(value) ? value[key] : undefined;
    if (!isJsonObject(value)) continue;
    for (const action of ['httpGet', 'tcpSocket', 'grpc'] as const) {
      const target = value[action];
      if (!isJsonObject(target) || target.port === undefined || target.port === null) continue;
      const path = childPath(at.path, ...handler, action, 'port');
      if (typeof target.port === 'string') {
        if (action === 'grpc' || hasTemplateExpression(target.port)) continue; // grpc.port is a number: the schema check reports a string
        const problem = portNameProblem(target.port);
        if (problem) ctx.report(path, `port "${target.port}" is neither a number nor a valid port name (it ${problem}): ${rejected}. Give the port number, or the name of one of the container's ports.`);
      } else {
        numberProblem(ctx, path, target.port, false, rejected);
      }
    }
  }
}

function checkService(ctx: RuleContext, spec: JsonObject): void {
  const rejected = `kubectl apply rejects the ${ctx.manifest.kind}`;
  const ports = listOf(spec.ports);
  const names = new Map<string, number>();
  ports.forEach((port, i) => {
    if (!isJsonObject(port)) return;
    const path = childPath('spec', 'ports', i);
    const name = port.name;
    if (typeof name === 'string' && name !== '') {
      if (!DNS1123_LABEL_FORMAT.test(name) || name.length > DNS1123_LABEL_FORMAT.maxLength) {
        ctx.report(childPath(path, 'name'), `port name "${name}" is not a DNS label (at most 63 of a-z, 0-9 and "-", starting and ending with a letter or digit): ${rejected}.`);
      } else if (names.has(name)) {
        ctx.report(childPath(path, 'name'), `port name "${name}" is also the name of spec.ports[${names.get(name)}]: ${rejected} ("Duplicate value"). Give each port its own name.`);
      } else {
        names.set(name, i);
      }
    } else if (ports.length > 1) {
      ctx.report(path, `the Service has ${ports.length} ports and this one has no name: ${rejected} ("Required value": every port of a Service with several is named). Name it, e.g. "http".`);
    }
    numberProblem(ctx, childPath(path, 'port'), port.port, true, rejected);
    const target = port.targetPort;
    if (typeof target === 'string') {
      const problem = portNameProblem(target);
      if (problem) ctx.report(childPath(path, 'targetPort'), `targetPort "${target}" is neither a number nor a valid port name (it ${problem}): ${rejected}. Give the pod's port number, or the name of a container port.`);
    } else if (target !== 0) {
      numberProblem(ctx, childPath(path, 'targetPort'), target, false, rejected);
    }
  });
}

/** A port number out of range (or, where `required`, missing or 0); values of another type are the schema check's. */
function numberProblem(ctx: RuleContext, path: string, value: unknown, required: boolean, rejected: string): void {
  if (value === undefined || value === null) {
    if (required) ctx.report(path, `the port number is missing: ${rejected} ("Required value").`);
    return;
  }
  if (typeof value !== 'number' || validPortNumber(value)) return;
  const why = value === 0 && required ? '("Required value": 0 is no port)' : '("must be between 1 and 65535, inclusive")';
  ctx.report(path, `port ${value} is not between 1 and 65535: ${rejected} ${why}.`);
}

/** The nearest IANA service name: the nearest DNS label, at most 15 characters, with a letter. */
function suggestPortName(name: string): string {
  const short = (label: string) => label.slice(0, 15).replace(/-+$/, '');
  const cleaned = short(suggestName(name, DNS1123_LABEL_FORMAT));
  return /[a-z]/.test(cleaned) ? cleaned : short(`port-${cleaned}`);
}
