import { spawnSync } from 'child_process';
import { ArgoGraph, ARGO_GRAPH_JSON_VERSION, renderArgoGraph } from '../../src/graph';
import { layeredLayout } from '../../src/graph/render/layout';
import { parseManifests } from '../../src/lint/load';
import { graphOf, loadDist } from './helpers';

/** A WorkflowTemplate calling a missing one, with text that needs escaping in every format. */
const TRICKY = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: tricky, namespace: ns}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: call
            templateRef: {name: elsewhere, template: print}
    - name: quote
      container: {image: 'registry.example.com/a"b<c>#1{x}:1.0', command: [echo]}
`;

function tricky(): ArgoGraph {
  return graphOf(parseManifests(TRICKY, 'tricky.yaml').manifests);
}

describe('mermaid', () => {
  test('objects with parts are subgraphs, parts are nodes, missing references dashed red with their own class', () => {
    const text = renderArgoGraph(tricky(), 'mermaid');
    expect(text.split('\n').slice(0, 11)).toEqual([
      'flowchart LR',
      '  subgraph n0["WorkflowTemplate tricky"]',
      // W7's warning about the missing reference is on the template making the call.
      '    n1["<b>main · entrypoint</b><br/>steps: call<br/>1 warning"]',
      // The image's quote, angle brackets, hash and braces as Mermaid entity codes (K8S-IMAGE rejects the name).
      // Its 5 warnings: Pod Security "restricted" (4 controls) and no resources.
      '    n2["<b>quote</b><br/>container a#quot;b#lt;c#gt;#35;1#123;x#125;:1.0<br/>1 error, 5 warnings"]',
      '  end',
      '  subgraph n3["WorkflowTemplate elsewhere (missing)"]',
      '    n4["<b>print</b><br/>missing from the manifests<br/>1 warning"]',
      '  end',
      '  n1 -.->|"templateRef"| n4',
      '  linkStyle 0 stroke:#d32f2f,stroke-width:2px,stroke-dasharray:6 4,color:#d32f2f',
      '  style n0 fill:#f7f9fa,stroke:#00796b',
    ]);
    expect(text).toContain('  classDef missing fill:#fdecea,stroke:#d32f2f,stroke-dasharray:6 4,color:#d32f2f\n  class n4 missing\n');
  });
});

describe('dot', () => {
  const haveDot = spawnSync('dot', ['-V']).status === 0;
  const required = process.env.GRAPH_TESTS_REQUIRE_TOOLS === '1';
  if (!haveDot && !required) console.log('test/graph/renderers: Graphviz "dot" is not installed, the DOT output is checked without it (apt-get install graphviz)');

  test('clusters for objects with parts; an edge to a cluster ends at its border (lhead); missing dashed red with the finding as tooltip', () => {
    const text = renderArgoGraph(tricky(), 'dot');
    expect(text).toContain('  subgraph cluster_n0 {\n    label="WorkflowTemplate tricky";');
    expect(text).toMatch(/ {2}n1 -> n4 \[color="#d32f2f", penwidth=1\.6, style=dashed, fontcolor="#d32f2f", tooltip="WorkflowTemplate \\"elsewhere\\" is not among the linted manifests; (?:[^"\\]|\\.)*", label="templateRef"\];/);
    expect(text).toContain('label="quote\\ncontainer a\\"b<c>#1{x}:1.0\\n1 error, 5 warnings"');
    const example = renderArgoGraph(graphOf(loadDist()), 'dot');
    // The sensor's trigger submits the WorkflowTemplate: drawn to its first template, clipped at the cluster.
    expect(example).toMatch(/n\d+ -> n3 \[color="#7b3fa0", penwidth=2.2, label="submit Workflow", lhead=cluster_n2\];/);
  });

  (haveDot || required ? test : test.skip)('Graphviz lays out the example app and the tricky names without a warning', () => {
    expect({ dot: haveDot }).toEqual({ dot: true });
    for (const graph of [graphOf(loadDist()), tricky()]) {
      const result = spawnSync('dot', ['-Tsvg'], { input: renderArgoGraph(graph, 'dot'), encoding: 'utf8' });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(result.stdout).toContain('<svg');
    }
  });
});

describe('json', () => {
  test('nodes, edges and findings as the graph has them, with a format version', () => {
    const graph = graphOf(loadDist());
    const parsed = JSON.parse(renderArgoGraph(graph, 'json'));
    expect(parsed.version).toBe(ARGO_GRAPH_JSON_VERSION);
    expect(parsed.nodes).toEqual(JSON.parse(JSON.stringify(graph.nodes)));
    expect(parsed.edges).toEqual(JSON.parse(JSON.stringify(graph.edges)));
    expect(parsed.nodes.find((n: any) => n.id === 'Secret:vector-pipeline/slack-webhook')).toMatchObject({ missing: true, findings: [{ ruleId: 'K8S-REF', severity: 'warning' }] });
  });
});

describe('svg', () => {
  test('every node, part and edge is drawn once, with its id; text is escaped; missing parts dashed red', () => {
    const graph = tricky();
    const svg = renderArgoGraph(graph, 'svg', { title: 'a <b> & "c"' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const n of graph.nodes) expect(svg.split(`data-id="${n.id}"`).length - 1).toBe(1);
    for (const e of graph.edges) expect(svg).toContain(`data-id="${e.id.replace(/>/g, '&gt;')}"`);
    expect(svg).toContain('>a &lt;b&gt; &amp; &quot;c&quot;</text>');
    expect(svg).toContain('container a&quot;b&lt;c&gt;#1{x}:1.0');
    expect(svg).toMatch(/<g class="node kind-WorkflowTemplate missing" data-id="WorkflowTemplate:ns\/elsewhere"/);
    expect(svg).toMatch(/<path class="edge edge-calls missing"[^>]* stroke="#d32f2f" stroke-width="1.6" stroke-dasharray="6 4"/);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  test('the same graph gives the same bytes, whatever the object identities', () => {
    const first = renderArgoGraph(graphOf(loadDist()), 'svg');
    expect(renderArgoGraph(graphOf(loadDist()), 'svg')).toBe(first);
    expect(renderArgoGraph(graphOf(loadDist()), 'html')).toBe(renderArgoGraph(graphOf(loadDist()), 'html'));
  });
});

describe('layered layout', () => {
  const box = (id: string, height = 40) => ({ id, width: 100, height });

  test('a chain goes left to right; a link back to the start is routed backwards; boxes of a layer do not overlap', () => {
    const result = layeredLayout([box('a'), box('b'), box('c'), box('d')], [
      { id: 'ab', from: 'a', to: 'b' }, { id: 'bc', from: 'b', to: 'c' }, { id: 'ad', from: 'a', to: 'd' }, { id: 'ca', from: 'c', to: 'a' },
    ]);
    const x = (id: string) => result.boxes.get(id)!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(result.links.get('ca')!.shape).toBe('backward');
    expect(result.links.get('ab')!.shape).toBe('forward');
    const [b, d] = [result.boxes.get('b')!, result.boxes.get('d')!];
    expect(b.x).toBe(d.x);
    expect(Math.abs(b.y - d.y)).toBeGreaterThanOrEqual(40 + 22);
  });

  test('a link spanning layers passes through each, straight inside a layer and curved across gaps', () => {
    const result = layeredLayout([box('a'), box('b'), box('c')], [
      { id: 'ab', from: 'a', to: 'b' }, { id: 'bc', from: 'b', to: 'c' }, { id: 'ac', from: 'a', to: 'c' },
    ]);
    const route = result.links.get('ac')!;
    expect(route.points[0]).toEqual({ x: result.boxes.get('a')!.x + 100, y: expect.any(Number) });
    expect(route.points[route.points.length - 1].x).toBe(result.boxes.get('c')!.x);
    expect(route.curved).toEqual([false, true, false, true, false]);
  });

  test('ports: a link attaches at its row; disconnected parts are packed without overlapping', () => {
    const ports = new Map([['row2', 70]]);
    const result = layeredLayout([{ id: 'r', width: 120, height: 90, ports }, box('t'), box('x'), box('y')],
      [{ id: 'rt', from: 'r', fromPort: 'row2', to: 't' }, { id: 'xy', from: 'x', to: 'y' }]);
    expect(result.links.get('rt')!.points[0].y).toBe(result.boxes.get('r')!.y + 70);
    const rects = [...result.boxes.values()];
    for (const a of rects) {
      for (const b of rects) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(result.width).toBeGreaterThanOrEqual(Math.max(...rects.map(r => r.x + r.width)));
    expect(result.height).toBeGreaterThanOrEqual(Math.max(...rects.map(r => r.y + r.height)));
  });
});

describe('credentials written in the manifests', () => {
  test('are not copied into the graph: a Slack webhook URL an HTTP trigger calls, a password in a URL', () => {
    const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Sensor
metadata: {name: notify}
spec:
  dependencies: [{name: d, eventSourceName: es, eventName: e}]
  triggers:
    - template:
        name: post
        http: {url: 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop', method: POST}
---
apiVersion: argoproj.io/v1alpha1
kind: EventSource
metadata: {name: es}
spec:
  generic:
    e: {url: 'https://user:hunter22@events.example.com:443', config: x, insecure: true}
`;
    const graph = graphOf(parseManifests(yaml, 'creds.yaml').manifests);
    for (const format of ['json', 'mermaid', 'dot', 'svg', 'html'] as const) {
      const text = renderArgoGraph(graph, format);
      expect(text).not.toContain('abcdefghijklmnop');
      expect(text).not.toContain('hunter22');
    }
    expect(graph.nodes.find(n => n.kind === 'External')!.name).toBe('POST (a Slack webhook URL, redacted)');
    expect(graph.nodes.find(n => n.name === 'e')!.details).toEqual(['generic (a URL with a password, redacted)']);
  });
});

describe('references of referenced objects', () => {
  test('a ServiceAccount drawn because a template uses it shows the pull Secret it names, wherever it sits in the input', () => {
    const yaml = `apiVersion: v1
kind: ServiceAccount
metadata: {name: runner}
imagePullSecrets: [{name: registry}]
---
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: t}
spec:
  serviceAccountName: runner
  entrypoint: main
  templates: [{name: main, container: {image: 'alpine:3.20'}}]
`;
    const graph = graphOf(parseManifests(yaml, 'sa.yaml').manifests);
    expect(graph.edges.filter(e => e.kind === 'uses').map(e => `${e.from} -> ${e.to}${e.missing ? ' (missing)' : ''}`)).toEqual([
      'WorkflowTemplate:t -> ServiceAccount:runner',
      'ServiceAccount:runner -> Secret:registry (missing)',
    ]);
  });
});
