import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { asArray, describeTemplate, isObject, TemplateSite, workflowRule } from './model';

function set(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function text(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** validate.go validateArtifactLocation: git needs repo; hdfs (hdfs.ValidateArtifact) addresses, an absolute path and a user or Kerberos credentials. */
function checkLocation(ctx: RuleContext, location: any, path: string, what: string): void {
  if (!isObject(location)) return;
  const rejected = (message: string) => `Argo rejects the workflow ("${message}")`;
  if (isObject(location.git) && !text(location.git.repo)) {
    ctx.report(childPath(path, 'git', 'repo'), `${what} reads from git without a repo: ${rejected('git.repo is required')}. Set git.repo to the repository URL.`);
  }
  const hdfs = location.hdfs;
  if (!isObject(hdfs)) return;
  const at = (field: string) => childPath(path, 'hdfs', field);
  if (!asArray(hdfs.addresses).length) {
    ctx.report(at('addresses'), `${what} uses HDFS without addresses: ${rejected('hdfs.addresses is required')}. List the namenode addresses.`);
  } else if (!text(hdfs.path)) {
    ctx.report(at('path'), `${what} uses HDFS without a path: ${rejected('hdfs.path is required')}. Set the file path in HDFS.`);
  } else if (!hdfs.path.startsWith('/')) {
    ctx.report(at('path'), `HDFS path "${hdfs.path}" of ${what} is not absolute: ${rejected('hdfs.path must be a absolute file path')}. Write it from the root, e.g. "/${hdfs.path}".`);
  } else {
    const ccache = set(hdfs.krbCCacheSecret);
    const keytab = set(hdfs.krbKeytabSecret);
    if (!text(hdfs.hdfsUser) && !ccache && !keytab) {
      ctx.report(childPath(path, 'hdfs'), `${what} uses HDFS without a user: ${rejected('either hdfs.hdfsUser, hdfs.krbCCacheSecret or hdfs.krbKeytabSecret is required')}. Set hdfsUser or Kerberos credentials.`);
    } else if (keytab && (!text(hdfs.krbServicePrincipalName) || !set(hdfs.krbConfigConfigMap) || !text(hdfs.krbUsername) || !text(hdfs.krbRealm))) {
      ctx.report(at('krbKeytabSecret'), `${what} authenticates to HDFS with a keytab: ${rejected('hdfs.krbServicePrincipalName, hdfs.krbConfigConfigMap, hdfs.krbUsername and hdfs.krbRealm are required with hdfs.krbKeytabSecret')}. Set them.`);
    } else if (ccache && (!text(hdfs.krbServicePrincipalName) || !set(hdfs.krbConfigConfigMap))) {
      ctx.report(at('krbCCacheSecret'), `${what} authenticates to HDFS with a credential cache: ${rejected('hdfs.krbServicePrincipalName and hdfs.krbConfigConfigMap are required with hdfs.krbCCacheSecret')}. Set them.`);
    }
  }
}

function checkTemplate(ctx: RuleContext, t: TemplateSite): void {
  asArray(t.template.inputs?.artifacts).forEach((artifact, i) => {
    checkLocation(ctx, artifact, childPath(t.path, 'inputs', 'artifacts', i), `input artifact "${artifact?.name}" of ${describeTemplate(t)}`);
  });
  checkLocation(ctx, t.template.archiveLocation, childPath(t.path, 'archiveLocation'), `the archiveLocation of ${describeTemplate(t)}`);
}

/**
 * W44: the artifact locations Argo checks up front (input artifacts and archiveLocation): git
 * needs repo; HDFS needs addresses, an absolute path, and hdfsUser or Kerberos credentials with
 * their companions.
 */
export const W44_ARTIFACT_LOCATIONS = workflowRule('W44',
  'artifact locations: git.repo; hdfs addresses, absolute path, a user or Kerberos credentials',
  (model, ctx) => {
    for (const t of model.templates) checkTemplate(ctx, t);
  });
