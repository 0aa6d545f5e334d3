import { Rule } from '../../types';
import { findLiteralDate } from '../../util/dates';

/** Artifact drivers and the field that names the object in the store. */
const LOCATION_FIELDS: { readonly [driver: string]: string } = {
  s3: 'key', gcs: 'key', oss: 'key', azure: 'blob', hdfs: 'path', artifactory: 'url', http: 'url',
};


/**
 * ARGO-FIXED-DATE (warning): an artifact key holding a literal date. Such a date was fixed
 * when the manifest was written or rendered (Helm's `now`), not when the workflow runs, so
 * every run reads and overwrites the same object.
 */
export const ARGO_FIXED_DATE: Rule = {
  id: 'ARGO-FIXED-DATE',
  description: 'Artifact keys do not hold a literal date frozen at render time',
  kinds: ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'],
  check(ctx) {
    ctx.onWalk(at => {
      const { value, fields } = at;
      if (typeof value !== 'string' || fields.length < 2) return true;
      const driver = fields[fields.length - 2];
      if (LOCATION_FIELDS[driver] !== fields[fields.length - 1] || !isArtifactLocation(fields)) return true;
      const date = literalDate(value);
      if (date) {
        ctx.report(at.path, `artifact ${fields[fields.length - 1]} "${value}" contains the literal date ${date}: it was fixed when the manifest was written or rendered `
          + '(e.g. by Helm\'s now), not when the workflow runs, so every run reads and overwrites the same object. '
          + 'Let Argo compute the date at run time: {{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}} '
          + '(or {{workflow.scheduledTime}} in a CronWorkflow), or pass it as a workflow parameter.', 'warning');
      }
      return true;
    });
  },
};

function isArtifactLocation(fields: readonly string[]): boolean {
  return fields.includes('artifacts') || fields.includes('archiveLocation');
}

/** The first literal calendar date outside `{{...}}` expressions (Go layouts like 2006-01-02 live inside them). */
function literalDate(text: string): string | undefined {
  return findLiteralDate(text.replace(/\{\{[^}]*\}\}/g, ' '));
}
