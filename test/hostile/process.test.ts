import { spawnSync } from 'child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BAD_CONFIGMAP, repoRoot, removeTempTrees, runCli, tempTree } from '../cli/helpers';

afterAll(removeTempTrees);

// Hostile input that needs a real process: large generated files (bounded time and memory),
// pipes, FIFOs, standard input, closed readers, odd directory trees. Each run is killed after
// TIME_LIMIT and has HEAP_LIMIT of heap: a hang or a blow-up fails the test instead of the machine.
const TIME_LIMIT = 90_000;
const HEAP_LIMIT_MB = 1536;

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function lint(args: readonly string[], options: { input?: string | Buffer; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, join(repoRoot, 'bin', 'cdk8s-argo.js'), 'lint', ...args], {
    cwd: options.cwd ?? repoRoot, input: options.input, encoding: 'utf8', timeout: TIME_LIMIT, maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: '' },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function expectEnded(run: Run, status: 0 | 1 | 2): void {
  expect({ status: run.status, signal: run.signal }).toEqual({ status, signal: null });
  expect(run.stderr).not.toMatch(/\n\s+at |heap out of memory|Maximum call stack/);
}

const configMap = (name: string, body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${body}`;

describe('hostile input as a process: large inputs end in bounded time and memory', () => {
  test('a map of 380,000 keys (9 MB; the duplicate-key check was quadratic)', () => {
    const keys: string[] = [];
    for (let i = 0; i < 380_000; i++) keys.push(`  key${i}: value${i}`);
    const dir = tempTree({ 'map.yaml': configMap('big', `data:\n${keys.join('\n')}\n`) });
    const run = lint(['--format', 'json', join(dir, 'map.yaml')]);
    expectEnded(run, 1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('K8S-SIZE');
  });

  test('a list of 1,000,000 plain scalars (17 MB; the block reader once searched each line\'s ":" to the end of the text)', () => {
    const items: string[] = [];
    for (let i = 0; i < 1_000_000; i++) items.push(`    - item${i}`);
    const dir = tempTree({ 'list.yaml': configMap('list', `data:\n  list:\n${items.join('\n')}\n`) });
    const run = lint(['--format', 'json', join(dir, 'list.yaml')]);
    expectEnded(run, 1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['K8S-SIZE', 'SCHEMA']));
  });

    test('200,000 labels (4 MB)', () => {
    const labels: string[] = [];
    for (let i = 0; i < 200_000; i++) labels.push(`    l${i}: v${i}`);
    const dir = tempTree({ 'labels.yaml': configMap('labels', `  labels:\n${labels.join('\n')}\n`) });
    expectEnded(lint([join(dir, 'labels.yaml')]), 1);
  });

  test('50,000 anchors and 50,000 aliases (2 MB)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) lines.push(`  a${i}: &x${i} v${i}`);
    for (let i = 0; i < 50_000; i++) lines.push(`  b${i}: *x${i}`);
    const dir = tempTree({ 'anchors.yaml': configMap('anchors', `data:\n${lines.join('\n')}\n`) });
    expectEnded(lint([join(dir, 'anchors.yaml')]), 1);
  });

  test('150,000 documents in one file (no "Maximum call stack size exceeded")', () => {
    const docs: string[] = [];
    for (let i = 0; i < 150_000; i++) docs.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`);
    const dir = tempTree({ 'docs.yaml': docs.join('') });
    const run = lint(['--format', 'json', join(dir, 'docs.yaml')]);
    expectEnded(run, 0);
    expect(JSON.parse(run.stdout).summary.manifests).toBe(150_000);
  });

  test('an alias bomb and an undefined alias end in input errors naming the file, and the other files are still linted (JSON still printed)', () => {
    const bomb = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) bomb.push(`  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const dir = tempTree({ 'a-bomb.yaml': configMap('bomb', `data:\n${bomb.join('\n')}\n`), 'b-alias.yaml': configMap('*missing', ''), 'c-bad.yaml': BAD_CONFIGMAP });
    const run = lint(['--format', 'json', dir]);
    expectEnded(run, 2);
    const report = JSON.parse(run.stdout);
    expect(report.inputErrors.map((p: { file: string }) => p.file)).toEqual([join(dir, 'a-bomb.yaml'), join(dir, 'b-alias.yaml')]);
    expect(report.findings.map((f: { ruleId: string; file: string }) => `${f.file} ${f.ruleId}`)).toContain(`${join(dir, 'c-bad.yaml')} K8S-NAME`);
  });
});

describe('hostile input as a process: streams and odd file trees', () => {
  test('standard input through "-", /dev/stdin and a process substitution <(...)', () => {
    for (const args of [['-'], ['/dev/stdin']]) {
      const run = lint(args, { input: BAD_CONFIGMAP });
      expectEnded(run, 1);
      expect(run.stdout).toContain('[K8S-NAME]');
    }
    const dir = tempTree({ 'cm.yaml': BAD_CONFIGMAP });
    const bin = join(repoRoot, 'bin', 'cdk8s-argo.js');
    const sub = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" lint <(cat "${join(dir, 'cm.yaml')}")`], {
      encoding: 'utf8', timeout: TIME_LIMIT, env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: '' },
    });
    expect(sub.status).toBe(1);
    expect(sub.stdout).toMatch(/^\/dev\/fd\/\d+:4:3: error: ConfigMap\/Bad_Name/m);
  });

  test('a named pipe (FIFO) is read to its end', () => {
    const dir = tempTree({ 'cm.yaml': BAD_CONFIGMAP });
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const bin = join(repoRoot, 'bin', 'cdk8s-argo.js');
    const run = spawnSync('bash', ['-c', `cat "${join(dir, 'cm.yaml')}" > "${fifo}" & "${process.execPath}" "${bin}" lint "${fifo}"`], {
      encoding: 'utf8', timeout: TIME_LIMIT, env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: '' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${fifo}:4:3: error: ConfigMap/Bad_Name`);
  });

  test('a reader that goes away (| head -1) ends the run quietly: no EPIPE stack trace, the exit code is kept', () => {
    const docs: string[] = [];
    for (let i = 0; i < 3000; i++) docs.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_${i}}\n`);
    const dir = tempTree({ 'many.yaml': docs.join('') });
    const bin = join(repoRoot, 'bin', 'cdk8s-argo.js');
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" lint "${join(dir, 'many.yaml')}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8', timeout: TIME_LIMIT, env: { ...process.env, CDK8S_ARGO_FROM_SOURCE: '' },
    });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.stderr).toMatch(/status=1/);
  });

  test('a dangling link, a link loop and a missing path do not stop the files after them', () => {
    const dir = tempTree({ 'tree/a.yaml': configMap('fine', ''), 'tree/z-bad.yaml': BAD_CONFIGMAP });
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'tree', 'b-dangling.yaml'));
    symlinkSync(join(dir, 'tree'), join(dir, 'tree', 'c-loop'));
    mkdirSync(join(dir, 'tree', 'd-empty'));
    writeFileSync(join(dir, 'tree', 'notes.txt'), 'not yaml: [');
    const run = lint(['--format', 'json', join(dir, 'tree'), join(dir, 'missing.yaml')]);
    expectEnded(run, 2);
    const report = JSON.parse(run.stdout);
    expect(report.inputErrors).toEqual([
      { file: join(dir, 'tree', 'b-dangling.yaml'), message: `cannot read: a symbolic link to ${join(dir, 'nowhere.yaml')}, which does not exist` },
      { file: join(dir, 'missing.yaml'), message: 'cannot read: no such file or directory' },
    ]);
    expect(report.summary.files).toBe(2);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual([join(dir, 'tree', 'z-bad.yaml')]);
  });

  test('the same file named twice is linted once; /dev/null is an empty input', () => {
    const dir = tempTree({ 'cm.yaml': BAD_CONFIGMAP });
    const run = lint(['--format', 'json', join(dir, 'cm.yaml'), join(dir, '.', 'cm.yaml'), '/dev/null']);
    expectEnded(run, 1);
    expect(JSON.parse(run.stdout).findings).toHaveLength(1);
  });

  test('file names with newlines and colons are printed escaped, one finding per line', () => {
    const dir = tempTree({ 'odd\nname: x.yaml': BAD_CONFIGMAP });
    const run = lint([join(dir, 'odd\nname: x.yaml')]);
    expectEnded(run, 1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('odd\\u{a}name: x.yaml:4:3: error:');
  });
});

describe('the CLI as a process keeps its contract on bad command lines', () => {
  test('usage errors exit 2 without a stack trace', () => {
    for (const args of [['lint', '--max-warnings', 'many', 'x.yaml'], ['lint', '--disable', 'K8S-NAME', 'x.yaml'], ['lint', '--format'], ['lint', '--workflows-version', 'constructor', 'x.yaml']]) {
      const run = runCli(args);
      expect(run.status).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
