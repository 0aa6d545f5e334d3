import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { hasTemplateTag } from '../../util/template-variables';
import { asArray, describeTemplate, isObject, TemplateSite, workflowRule } from './model';

function checkMounts(ctx: RuleContext, t: TemplateSite, holderPath: string, mounts: unknown, withArtifacts: boolean): void {
  const used = new Map<string, string>();
  asArray(mounts).forEach((mount, i) => {
    const mountPath = mount?.mountPath;
    if (typeof mountPath !== 'string' || hasTemplateTag(mountPath)) return;
    const path = childPath(holderPath, 'volumeMounts', i, 'mountPath');
    const previous = used.get(mountPath);
    if (previous) {
      ctx.report(path, `mountPath "${mountPath}" of ${describeTemplate(t)} is already mounted by ${previous}: Argo rejects the workflow. `
        + 'Mount each path once (use subPath or another directory).');
    } else {
      used.set(mountPath, `volume mount "${mount?.name ?? i}"`);
    }
  });
  if (!withArtifacts) return;
  asArray(t.template.inputs?.artifacts).forEach((artifact, i) => {
    const artifactPath = artifact?.path;
    if (typeof artifactPath !== 'string' || hasTemplateTag(artifactPath)) return;
    const previous = used.get(artifactPath);
    if (previous) {
      ctx.report(childPath(t.path, 'inputs', 'artifacts', i, 'path'), `input artifact "${artifact?.name}" is loaded at "${artifactPath}", `
        + `where ${previous} is already mounted: Argo rejects the workflow. Load the artifact into another path (e.g. a sub-directory of the volume).`);
    } else {
      used.set(artifactPath, `input artifact "${artifact?.name}"`);
    }
  });
}

/** W15: input artifact paths do not collide with volume mount paths, and no mount path is used twice. */
export const W15_MOUNT_PATHS = workflowRule('W15',
  'input artifact paths must not collide with volume mount paths',
  (model, ctx) => {
    for (const t of model.templates) {
      for (const field of ['container', 'script'] as const) {
        const body = t.template[field];
        if (isObject(body)) checkMounts(ctx, t, childPath(t.path, field), body.volumeMounts, true);
      }
      const set = t.template.containerSet;
      if (isObject(set)) checkMounts(ctx, t, childPath(t.path, 'containerSet'), set.volumeMounts, false);
    }
  });
