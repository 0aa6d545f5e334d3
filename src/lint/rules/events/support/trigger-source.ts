import { childPath } from '../../../path';
import { RuleContext } from '../../../types';
import { isObject } from './json';

const ARTIFACT_LOCATIONS = ['resource', 's3', 'inline', 'file', 'url', 'configmap', 'git'];

/**
 * Checks the `source` of an argoWorkflow or k8s trigger: required by the controller, and it
 * must say where the resource comes from or every firing fails to fetch it.
 */
export function checkTriggerSource(ctx: RuleContext, trigger: { readonly [key: string]: any }, path: string, kind: string): void {
  const source = trigger.source;
  if (!isObject(source)) {
    ctx.report(childPath(path, 'source'), `${kind} trigger has no source: the controller rejects the Sensor ("does not contain an absolute action"). `
      + 'Set source.resource to the object to create (or s3, inline, file, url, configmap, git).');
    return;
  }
  if (!ARTIFACT_LOCATIONS.some(location => source[location] !== undefined && source[location] !== null)) {
    ctx.report(childPath(path, 'source'), `${kind} trigger source names no location: the controller accepts it, but every firing fails to fetch the resource ("unknown artifact location"). `
      + `Set one of ${ARTIFACT_LOCATIONS.join(', ')}.`);
  }
}
