import { asArray, isObject, stepsOf, str, tasksOf, TemplateSite } from '../lint/rules/workflows/model';
import { addProperty, listText } from './text';

/** The line under a template's name: its type and what it runs. */
export function templateDetails(site: TemplateSite): string[] {
  const t = site.template;
  switch (site.type) {
    case 'container': return [`container ${shortImage(t.container?.image)}`];
    case 'script': return [`script ${shortImage(t.script?.image)}`];
    case 'containerSet': return [`containerSet: ${listText(asArray(t.containerSet?.containers).map(c => str(c?.name) ?? '?'))}`];
    case 'resource': return [`resource ${str(t.resource?.action) ?? '?'} ${manifestKind(t.resource?.manifest) ?? ''}`.trim()];
    case 'steps': return [`steps: ${stepGroupsText(site)}`];
    case 'dag': return [`dag: ${listText(tasksOf(site).map(c => str(c.call.name) ?? '?'), 5)}`];
    case 'suspend': return [`suspend ${str(t.suspend?.duration) ?? 'until resumed'}`];
    case 'http': return [`http ${str(t.http?.method) ?? 'GET'} ${str(t.http?.url) ?? ''}`.trim()];
    case 'data': return ['data'];
    case 'plugin': return [`plugin ${Object.keys(isObject(t.plugin) ? t.plugin : {})[0] ?? ''}`.trim()];
    default: return [site.types.length ? `several types: ${site.types.join(', ')}` : 'no template type'];
  }
}

/** Facts about a template for the details panel and JSON. */
export function templateProperties(site: TemplateSite): [string, string][] {
  const t = site.template;
  const props: [string, string][] = [];
  addProperty(props, 'type', site.types.join(', ') || undefined);
  const body = t.container ?? t.script;
  addProperty(props, 'image', body?.image);
  if (Array.isArray(body?.command)) addProperty(props, 'command', body.command.join(' ').slice(0, 300));
  if (Array.isArray(body?.args)) addProperty(props, 'args', body.args.join(' ').slice(0, 300));
  addProperty(props, 'inputs', asArray(t.inputs?.parameters).map(p => str(p?.name)).filter(Boolean).join(', ') || undefined);
  addProperty(props, 'input artifacts', asArray(t.inputs?.artifacts).map(a => str(a?.name)).filter(Boolean).join(', ') || undefined);
  addProperty(props, 'output parameters', asArray(t.outputs?.parameters).map(p => str(p?.name)).filter(Boolean).join(', ') || undefined);
  addProperty(props, 'output artifacts', asArray(t.outputs?.artifacts).map(a => str(a?.name)).filter(Boolean).join(', ') || undefined);
  addProperty(props, 'serviceAccountName', t.serviceAccountName);
  addProperty(props, 'activeDeadlineSeconds', t.activeDeadlineSeconds);
  addProperty(props, 'retryStrategy', isObject(t.retryStrategy) ? `limit ${t.retryStrategy.limit ?? '(none)'}, ${t.retryStrategy.retryPolicy ?? 'OnFailure'}` : undefined);
  addProperty(props, 'when', t.when);
  if (site.type === 'resource') addProperty(props, 'resource', `${t.resource?.action ?? '?'} ${manifestKind(t.resource?.manifest) ?? ''}`.trim());
  if (site.type === 'suspend') addProperty(props, 'suspend', t.suspend?.duration ?? 'until resumed');
  if (site.type === 'http') addProperty(props, 'http', `${t.http?.method ?? 'GET'} ${t.http?.url ?? ''}`);
  return props;
}

/** `a -> b, c -> d`: groups run one after the other, steps of a group in parallel. */
function stepGroupsText(site: TemplateSite): string {
  const groups: string[][] = [];
  for (const step of stepsOf(site)) {
    const g = step.groupIndex ?? 0;
    (groups[g] ??= []).push(str(step.call.name) ?? '?');
  }
  const text = groups.filter(Boolean).map(g => g.join(', ')).join(' -> ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text || '(none)';
}

/** The image without its registry host (`registry.example.com/team/app:1.0` -> `team/app:1.0`); the full name is in the properties. */
function shortImage(image: unknown): string {
  if (typeof image !== 'string' || image === '') return '(no image)';
  const [first, ...rest] = image.split('/');
  return rest.length && (first.includes('.') || first.includes(':') || first === 'localhost') ? rest.join('/') : image;
}

/** `kind:` of a resource template's manifest text (YAML or JSON), when it says. */
function manifestKind(manifest: unknown): string | undefined {
  if (typeof manifest !== 'string') return isObject(manifest) ? str(manifest.kind) : undefined;
  return /^\s*"?kind"?\s*:\s*"?([A-Za-z0-9]+)/m.exec(manifest)?.[1];
}
