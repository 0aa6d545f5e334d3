/**
 * Draws the example app's flow from dist/ for the documentation: docs/images/example-graph.svg
 * (shown in the README) and the Mermaid block of docs/graph.md (between the graph markers).
 * CI runs it and fails when the checked-in files differ (`npm run readme-graph && git diff --exit-code`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildArgoGraph, renderArgoGraph } from '../src/graph';
import { parseManifests } from '../src/lint/load';

const root = join(__dirname, '..');
const BEGIN = '<!-- graph:mermaid:begin (npm run readme-graph) -->';
const END = '<!-- graph:mermaid:end -->';

const files = readdirSync(join(root, 'dist')).filter(f => /\.ya?ml$/.test(f)).sort().map(f => `dist/${f}`);
const loaded = files.flatMap(file => {
  const parsed = parseManifests(readFileSync(join(root, file), 'utf8'), file);
  if (parsed.problems.length) throw new Error(`${file}: ${parsed.problems.map(p => `line ${p.line}: ${p.message}`).join('; ')}`);
  return parsed.manifests;
});
// Semantic rules only: the picture does not depend on where the schemas come from.
const graph = buildArgoGraph(loaded.map(l => l.manifest), { sources: loaded, lint: { schema: false } });

writeFileSync(join(root, 'docs', 'images', 'example-graph.svg'), renderArgoGraph(graph, 'svg', { title: 'The example app (dist/): cdk8s-argo graph dist/ --format svg' }));

const docPath = join(root, 'docs', 'graph.md');
const doc = readFileSync(docPath, 'utf8');
const start = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (start < 0 || end < start) throw new Error(`docs/graph.md has no ${BEGIN} ... ${END} section`);
const block = `${BEGIN}\n\`\`\`mermaid\n${renderArgoGraph(graph, 'mermaid')}\`\`\`\n`;
writeFileSync(docPath, doc.slice(0, start) + block + doc.slice(end));
process.stdout.write(`docs/images/example-graph.svg and docs/graph.md: ${graph.nodes.length} nodes, ${graph.edges.length} edges from ${files.join(', ')}\n`);
