import { readFileSync } from 'fs';
import { join } from 'path';
import { CLEAN_TEMPLATE, removeTempTrees, runCli, tempTree, TEMPLATE_USING_SETTINGS } from '../cli/helpers';
import { distFile } from './helpers';

afterAll(removeTempTrees);

const dist = readFileSync(distFile, 'utf8');

describe('cdk8s-argo graph (run as a process)', () => {
  test('mermaid on standard output by default, exit 0; the usage lists the command', () => {
    const dir = tempTree({ 'dist/app.k8s.yaml': dist });
    const result = runCli(['graph', 'dist'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(result.stdout).toContain('subgraph n14["EventSource webhook · webhook"]');
    expect(result.stderr).toBe('');
    expect(runCli(['--help']).stdout).toMatch(/^  graph +draw the system/m);
    expect(runCli(['graph', '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('--focus NAME') });
  });

  test('-o writes the file, the format follows its extension, links point at the manifests relative to it', () => {
    const dir = tempTree({ 'dist/app.k8s.yaml': dist });
    const result = runCli(['graph', 'dist', '-o', 'out/graph.html'], { cwd: dir });
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(result.stderr).toBe('wrote out/graph.html (html: 32 nodes, 35 edges)\n');
    const html = readFileSync(join(dir, 'out', 'graph.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('"source":{"manifestIndex":10,"path":"","file":"dist/app.k8s.yaml","line":111,"href":"../dist/app.k8s.yaml"}');
    // Nothing is fetched: no external script, style, font or image.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  test('--source-url links every node to a URL with the file and line', () => {
    const dir = tempTree({ 'dist/app.k8s.yaml': dist });
    const result = runCli(['graph', 'dist', '--format', 'html', '--source-url', 'https://git.example.com/repo/blob/main/{file}#L{line}'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"href":"https://git.example.com/repo/blob/main/dist/app.k8s.yaml#L111"');
  });

  test('json with --focus and --expand; lint findings included unless --no-lint', () => {
    const dir = tempTree({ 'dist/app.k8s.yaml': dist });
    const focused = JSON.parse(runCli(['graph', 'dist', '--format', 'json', '--focus', 'a-workflow/main', '--expand'], { cwd: dir }).stdout);
    expect(focused.focus).toEqual(['WorkflowTemplate:vector-pipeline/a-workflow#template:main']);
    expect(focused.nodes.map((n: any) => n.kind)).toContain('Step');
    const full = JSON.parse(runCli(['graph', 'dist', '--format=json'], { cwd: dir }).stdout);
    const secret = (g: any) => g.nodes.find((n: any) => n.id === 'Secret:vector-pipeline/slack-webhook');
    expect(secret(full).findings.map((f: any) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['K8S-REF dist/app.k8s.yaml:168']);
    expect(secret(JSON.parse(runCli(['graph', 'dist', '--format=json', '--no-lint'], { cwd: dir }).stdout)).findings).toEqual([]);
    const strict = JSON.parse(runCli(['graph', 'dist', '--format=json', '--strict-refs', '--no-schema'], { cwd: dir }).stdout);
    expect(secret(strict).findings.map((f: any) => f.severity)).toEqual(['error']);
  });

  test('standard input with "-"', () => {
    const result = runCli(['graph', '-', '--format', 'dot'], { input: `${CLEAN_TEMPLATE}---\n${TEMPLATE_USING_SETTINGS}` });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('digraph argo {');
    expect(result.stdout).toContain('n4 [label="ConfigMap settings\\nmissing from the manifests\\n1 warning", color="#d32f2f", style="rounded,dashed,filled"');
  });

  test('usage errors exit 2 with the reason and the usage', () => {
    for (const [args, message] of [
      [['graph'], 'no file or directory given'],
      [['graph', 'x.yaml', '--format', 'png'], '--format must be one of mermaid, dot, json, svg, html, got "png"'],
      [['graph', 'x.yaml', '--colour'], 'unknown option --colour'],
      [['graph', 'x.yaml', '--focus'], '--focus needs a value (--focus NAME)'],
    ] as const) {
      const result = runCli([...args]);
      expect({ args, status: result.status, stdout: result.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(result.stderr).toContain(`cdk8s-argo graph: ${message}\n\nUsage: cdk8s-argo graph`);
    }
  });

  test('a focus that matches nothing exits 2 and names the closest node', () => {
    const dir = tempTree({ 'app.yaml': dist });
    const result = runCli(['graph', 'app.yaml', '--focus', 'vendor-x'], { cwd: dir });
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toContain('cdk8s-argo graph: focus "vendor-x" matches no node of the graph (did you mean "vendor-a"?)');
  });

  test('unreadable input exits 2 with file and line, and the graph of what could be read is still written', () => {
    const dir = tempTree({ 'good.yaml': CLEAN_TEMPLATE, 'broken.yaml': 'kind: ConfigMap\nmetadata: {name: "x}\n' });
    const result = runCli(['graph', '.', '--format', 'mermaid', '--no-lint'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^broken\.yaml:2:\d+: error: YAML syntax error/m);
    expect(result.stdout).toContain('subgraph n0["WorkflowTemplate hello"]');
    expect(runCli(['graph', 'missing-dir'], { cwd: dir })).toMatchObject({ status: 2, stderr: expect.stringContaining('missing-dir: error: cannot read: no such file or directory') });
  });
});
