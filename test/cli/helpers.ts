import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

export const repoRoot = join(__dirname, '..', '..');

/** Result of running the CLI as a process. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node bin/cdk8s-argo.js ...args` in `cwd` (the compiled lib/, built by the jest global setup), with the
 * schemas built into the package unless the environment sets ARGO_SCHEMA_DIR.
 */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'cdk8s-argo.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: '', ...options.env },
    timeout: 60000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];

/** Creates a temporary directory holding the given files (relative path -> content). */
export function tempTree(files: { readonly [path: string]: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-'));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Removes every directory tempTree() created (call from afterAll). */
export function removeTempTrees(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The end of a template's container and the template: resources and Pod Security "restricted" settings. */
const RESTRICTED_TAIL = `      resources:
        requests: {cpu: 10m, memory: 16Mi}
        limits: {memory: 16Mi}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
    securityContext:
      runAsNonRoot: true
      runAsUser: 8737
      seccompProfile: {type: RuntimeDefault}
`;

/** Clean: it passes every rule (Pod Security "restricted" and resources included). */
export const CLEAN_TEMPLATE = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: hello
spec:
  entrypoint: main
  templates:
  - name: main
    container:
      image: busybox:1.36
      command: [echo, hello]
${RESTRICTED_TAIL}`;

export const SETTINGS_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  SIZE: tall
`;

export const TEMPLATE_USING_SETTINGS = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: uses-settings
spec:
  entrypoint: main
  templates:
  - name: main
    container:
      image: busybox:1.36
      envFrom:
      - configMapRef:
          name: settings
${RESTRICTED_TAIL}`;

export const BAD_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: Bad_Name
data:
  a: "1"
`;
