import { describeObject } from '../lint/engine';
import { childPath } from '../lint/path';
import type { Finding, Manifest } from '../lint/types';
import { describeUnrenderedAction } from './action-description';
import { TemplateAction } from './template-actions';
import { renderTemplate } from './template-render';

/** Rule id of what Helm would not render back to the value the app set. */
export const HELM_RULE_ID = 'HELM';

/** Manifests as Helm renders them, and the values it would not render as literal text. */
export interface RenderedManifests {
  readonly manifests: Manifest[];
  readonly findings: Finding[];
}

/**
 * The manifests of an app written for Helm, as Helm renders them: every string and key with its
 * escapes rendered (the exact inverse of helmEscape). A value holding any other action did not
 * go through the escaping (a JSON patch is applied after cdk8s's resolvers): Helm would evaluate
 * it, or refuse the chart, so it is reported. Unchanged parts are shared with the input.
 */
export function renderManifests(manifests: readonly Manifest[]): RenderedManifests {
  const findings: Finding[] = [];
  const out = manifests.map((manifest, manifestIndex) => {
    const report = (path: string, text: string, action: TemplateAction | undefined, error: string | undefined) => {
      findings.push({ ruleId: HELM_RULE_ID, severity: 'error', manifestIndex, object: describeObject(manifest), path, message: unrenderedMessage(text, action, error) });
    };
    return renderValue(manifest, '', report) as Manifest;
  });
  return { manifests: out, findings };
}

type Report = (path: string, text: string, action: TemplateAction | undefined, error: string | undefined) => void;

function renderValue(value: unknown, path: string, report: Report): unknown {
  if (typeof value === 'string') return renderString(value, path, report);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const rendered = renderValue(value[i], childPath(path, i), report);
      if (rendered !== value[i]) (copy ??= value.slice())[i] = rendered;
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as { [key: string]: unknown };
  let changed = false;
  const copy: { [key: string]: unknown } = {};
  for (const key of Object.keys(source)) {
    const renderedKey = renderString(key, childPath(path, key), report);
    const rendered = renderValue(source[key], childPath(path, renderedKey), report);
    if (renderedKey !== key || rendered !== source[key]) changed = true;
    copy[renderedKey] = rendered;
  }
  return changed ? copy : value;
}

function renderString(text: string, path: string, report: Report): string {
  if (text.indexOf('{{') < 0) return text;
  const rendered = renderTemplate(text);
  if (rendered.error || rendered.unrendered.length) {
    report(path, text, rendered.unrendered[0], rendered.error?.message);
    return text;
  }
  return rendered.text;
}

function unrenderedMessage(text: string, action: TemplateAction | undefined, error: string | undefined): string {
  const what = action ? describeUnrenderedAction(action) : `Helm cannot parse "${excerpt(text)}" as a template (${error})`;
  return `${what}. The value is not escaped for Helm: it reached the manifest after cdk8s's resolvers, which escape every value `
    + 'in Helm mode (a JSON patch is applied after them). Set the value through the object\'s props, or escape it in the patch with '
    + 'HelmOutput.escape(value) when HelmOutput.isEnabled(scope).';
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
