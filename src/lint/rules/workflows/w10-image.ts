import { childPath } from '../../path';
import { describeTemplate, isObject, workflowRule } from './model';

/** W10: container.image and script.image are required unless spec.templateDefaults supplies one. */
export const W10_IMAGE = workflowRule('W10',
  'container.image / script.image required unless spec.templateDefaults supplies one',
  (model, ctx) => {
    const defaults = model.site.spec.templateDefaults;
    for (const t of model.templates) {
      for (const field of ['container', 'script'] as const) {
        const body = t.template[field];
        if (!isObject(body) || (typeof body.image === 'string' && body.image !== '')) continue;
        const fallback = defaults?.[field]?.image;
        if (typeof fallback === 'string' && fallback !== '') continue;
        ctx.report(childPath(t.path, field, 'image'), `${describeTemplate(t)} has no ${field}.image: Argo rejects the workflow `
          + `("${field}.image may not be empty"). Set ${field}.image, or spec.templateDefaults.${field}.image for every template.`);
      }
    }
  });
