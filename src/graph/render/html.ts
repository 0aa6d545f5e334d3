import { ArgoGraph, ArgoGraphFinding, ArgoGraphSourceRef } from '../model';
import { HTML_SCRIPT } from './html-script';
import { buildScene } from './scene';
import { MISSING_COLOR, NODE_COLORS } from './styles';
import { edgeKindText, esc, svgDocument } from './svg';

export interface HtmlOptions {
  /** Page title and heading. @default 'cdk8s-argo graph' */
  readonly title?: string;
  /**
   * Link target of a manifest source shown on nodes and findings (`file` as the graph's sources
   * name it, 1-based `line`). Return undefined for no link.
   * @default - the file path itself, as a relative link
   */
  readonly sourceHref?: (file: string, line: number) => string | undefined;
}

/**
 * One self-contained page (inline SVG, style and script; nothing fetched): the laid-out graph
 * with pan and zoom, a panel with the selected node's details, its manifest source and its lint
 * findings, search, and the list of all findings.
 */
export function renderHtml(graph: ArgoGraph, options: HtmlOptions = {}): string {
  const title = options.title ?? 'cdk8s-argo graph';
  const { svg } = svgDocument(graph, buildScene(graph), {});
  const href = options.sourceHref ?? ((file: string) => encodeURI(file.replace(/\\/g, '/')));
  const withHref = <T extends { file?: string; line?: number }>(s: T): T & { href?: string } => (s.file ? { ...s, href: href(s.file, s.line ?? 1) } : s);
  const finding = (f: ArgoGraphFinding) => withHref(f);
  const source = (s?: ArgoGraphSourceRef) => (s ? withHref(s) : undefined);
  const data = {
    nodes: graph.nodes.map(n => ({
      id: n.id, kind: n.kind, name: n.name, namespace: n.namespace, parent: n.parent, details: n.details, properties: n.properties,
      roles: n.roles, missing: n.missing, source: source(n.source), findings: n.findings.map(finding),
      color: n.missing ? MISSING_COLOR : NODE_COLORS[n.kind],
    })),
    edges: graph.edges.map(e => ({
      id: e.id, from: e.from, to: e.to, kind: e.kind, kindText: edgeKindText(e.kind), label: e.label, missing: e.missing, message: e.message,
      source: source(e.source), findings: e.findings.map(finding),
    })),
    otherFindings: graph.otherFindings.map(finding),
  };
  const counts = countFindings(graph);
  const missing = graph.nodes.filter(n => n.missing).length;
  const stats = [`${graph.nodes.length} nodes`, `${graph.edges.length} edges`, `${counts.errors} errors`, `${counts.warnings} warnings`, `${missing} missing`].join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<span class="stats">${esc(stats)}</span>
<input id="search" type="search" placeholder="Find a node ( / )" aria-label="Find a node">
<button id="fit" type="button" title="Fit to window (0)">Fit</button>
<button id="actual" type="button" title="Actual size">100%</button>
<span id="zoom"></span>
<button id="show-findings" type="button">Findings${counts.errors + counts.warnings ? ` (${counts.errors + counts.warnings})` : ''}</button>
</header>
<main id="canvas">
${svg}</main>
<aside id="panel" aria-live="polite"><button id="close" type="button" aria-label="Close">×</button><div id="panel-body"></div></aside>
<script type="application/json" id="graph-data">${jsonForScript(data)}</script>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function countFindings(graph: ArgoGraph): { errors: number; warnings: number } {
  const seen = new Set<string>();
  let errors = 0;
  let warnings = 0;
  const count = (f: ArgoGraphFinding) => {
    const key = `${f.manifestIndex}|${f.path}|${f.ruleId}|${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (f.severity === 'error') errors++;
    else warnings++;
  };
  graph.nodes.forEach(n => n.findings.forEach(count));
  graph.otherFindings.forEach(count);
  return { errors, warnings };
}

/** JSON that cannot end the script element it sits in. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; overflow: hidden; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #1f2933; }
header { position: absolute; top: 0; left: 0; right: 0; height: 44px; display: flex; align-items: center; gap: 10px; padding: 0 14px; background: #1f2933; color: #f5f7fa; }
header h1 { font-size: 15px; margin: 0; white-space: nowrap; }
header .stats { color: #cbd2d9; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1; }
header input { width: 200px; padding: 4px 8px; border: 1px solid #52606d; border-radius: 4px; background: #323f4b; color: #f5f7fa; }
header button { padding: 4px 10px; border: 1px solid #52606d; border-radius: 4px; background: #323f4b; color: #f5f7fa; cursor: pointer; }
header button:hover { background: #3e4c59; }
#zoom { color: #cbd2d9; min-width: 40px; text-align: right; }
#canvas { position: absolute; top: 44px; left: 0; right: 0; bottom: 0; overflow: hidden; background: #ffffff; cursor: grab; touch-action: none; }
#canvas.panning { cursor: grabbing; }
#canvas svg { display: block; width: 100%; height: 100%; user-select: none; }
svg .node, svg .row, svg .edge { cursor: pointer; }
svg .edge { transition: opacity .15s; }
svg .edge:hover { stroke-width: 4px; }
svg .row:hover .row-bg { fill: #f0f4f8; fill-opacity: 1; }
svg.focused .node:not(.selected):not(.near) { opacity: .28; }
svg.focused .edge:not(.selected):not(.near) { opacity: .1; }
svg .node.selected > rect.box { stroke-width: 3.5px; }
svg .row.selected .row-bg { fill: #fff4c2; fill-opacity: 1; }
svg .edge.selected { stroke-width: 3.5px; }
svg .match > rect.box { stroke: #f5a623; stroke-width: 4px; }
svg .row.match .row-bg { fill: #ffe8b0; fill-opacity: 1; }
#panel { position: absolute; top: 44px; right: 0; bottom: 0; width: min(420px, 90vw); background: #ffffff; border-left: 1px solid #d9dee3; box-shadow: -4px 0 16px rgba(31, 41, 51, .12);
  overflow-y: auto; padding: 14px 18px 24px; display: none; }
#panel.open { display: block; }
#close { position: absolute; top: 8px; right: 10px; border: 0; background: none; font-size: 22px; cursor: pointer; color: #52606d; }
#panel h2 { margin: 2px 0 6px; font-size: 17px; word-break: break-all; }
#panel h3 { margin: 16px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #52606d; }
#panel .kind { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: #52606d; }
#panel .in { color: #3e4c59; margin: 2px 0; }
#panel .roles { margin: 6px 0; font-style: italic; color: #00796b; }
#panel ul { margin: 0; padding-left: 18px; }
#panel ul.details { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
#panel table.props { border-collapse: collapse; margin-top: 10px; width: 100%; font-size: 12px; }
#panel table.props th { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; color: #52606d; font-weight: 600; white-space: nowrap; }
#panel table.props td { padding: 3px 0; font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; word-break: break-all; }
#panel ul.findings { list-style: none; padding: 0; }
#panel ul.findings li { border-left: 4px solid #b26a00; background: #fff8e6; padding: 6px 8px; margin: 6px 0; border-radius: 0 4px 4px 0; }
#panel ul.findings li.error { border-color: #d32f2f; background: #fdecea; }
#panel ul.links li.missing, #panel a.missing, #panel .why { color: #d32f2f; }
#panel .edge-kind { color: #52606d; }
#panel code { font-size: 12px; background: #f0f4f8; padding: 0 3px; border-radius: 3px; word-break: break-all; }
#panel a { color: #0b6fa4; text-decoration: none; }
#panel a:hover { text-decoration: underline; }
#panel .source { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
`;
