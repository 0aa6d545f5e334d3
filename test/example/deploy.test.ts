import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'cdk8s-argo-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The paths the README's `kubectl apply -f <path>` commands read (stdin aside). */
function readmeApplyPaths(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/^kubectl apply -f (\S+)/gm)].map(m => m[1]).filter(p => p !== '-');
}

describe('the README\'s deploy command on what `cdk8s synth` writes (validation plugin configured)', () => {
  const out = join(work, 'dist');
  let synth: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    const env = { ...process.env };
    delete env.ARGO_SCHEMA_DIR;
    synth = spawnSync(process.execPath, [join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), 'synth', '--check-upgrade', 'false', '--output', out],
      { cwd: root, encoding: 'utf8', env, timeout: 120000 });
  }, 130000);

  test('the synth ran the plugin and succeeded', () => {
    expect({ status: synth.status, stderr: String(synth.stderr) }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(String(synth.stdout)).toContain('Validations ended succesfully');
  });

  test('every file `kubectl apply -f dist/` reads (*.json, *.yaml, *.yml) holds only Kubernetes objects', () => {
    expect(readmeApplyPaths()).toEqual(['dist/']);
    const files = readdirSync(out).filter(f => /\.(json|ya?ml)$/.test(f) && statSync(join(out, f)).isFile());
    expect(files).toEqual(['vector-pipeline.k8s.yaml']);
    for (const file of files) {
      const docs = parseAllDocuments(readFileSync(join(out, file), 'utf8')).map(d => d.toJS()).filter(d => d !== null);
      expect(docs.length).toBeGreaterThan(20);
      expect(docs.filter(d => typeof d.apiVersion !== 'string' || typeof d.kind !== 'string' || typeof d.metadata?.name !== 'string')).toEqual([]);
    }
    expect(existsSync(join(out, 'construct-metadata.json'))).toBe(false);
  });

  test('`cdk8s-argo lint dist/` exits 0 on it', () => {
    const lint = spawnSync(process.execPath, [join(root, 'bin', 'cdk8s-argo.js'), 'lint', out], { cwd: root, encoding: 'utf8', timeout: 60000 });
    expect({ status: lint.status, stderr: lint.stderr }).toEqual({ status: 0, stderr: expect.stringMatching(/0 errors/) });
  });
});
