/**
 * The documentation's links and imports: every relative link of README.md, CONTRIBUTING.md and
 * docs/*.md points at a file or folder of the repository, every #anchor at a heading of its page
 * (slugged as GitHub does), and no example imports the library from its sources instead of
 * `'cdk8s-argo'` as a user's app does. External links are not fetched (no network).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { codeBlocks, root } from './snippets';

const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`)];

/** The text outside fenced code blocks and inline code spans, with line numbers kept. */
function prose(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  return lines.map(line => {
    const f = /^(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && line.startsWith(fence)) fence = undefined;
      return '';
    }
    if (f) {
      fence = f[1];
      return '';
    }
    return line.replace(/(`+)(?:(?!\1).)+?\1/g, m => ' '.repeat(m.length));
  }).join('\n');
}

/** Heading text as GitHub renders it into an anchor: lowercase, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/`/g, '')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Anchors of a page: one per heading outside code blocks, repeats numbered as GitHub does (`x`, `x-1`, `x-2`). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const blanked = prose(markdown).split('\n');
  markdown.split('\n').forEach((line, i) => {
    if (!/^#{1,6}\s/.test(blanked[i])) return; // not a heading, or inside a code block
    const base = slug(/^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)![1]);
    const n = seen.get(base) ?? 0;
    anchors.add(n ? `${base}-${n}` : base);
    seen.set(base, n + 1);
  });
  return anchors;
}

interface Link {
  readonly page: string;
  readonly line: number;
  readonly target: string;
}

function linksOf(page: string): Link[] {
  const text = prose(readFileSync(join(root, page), 'utf8'));
  const links: Link[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ page, line: i + 1, target: m[1] });
    const ref = /^\s*\[[^\]]+\]:\s*(\S+)/.exec(line);
    if (ref) links.push({ page, line: i + 1, target: ref[1] });
  });
  return links;
}

/** What is wrong with a link, or undefined when it resolves. */
function brokenBecause(link: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined; // https:, mailto: ... (not fetched)
  const [pathPart, anchor] = link.target.split('#', 2) as [string, string | undefined];
  const file = pathPart ? join(dirname(join(root, link.page)), decodeURIComponent(pathPart)) : join(root, link.page);
  if (relative(root, file).startsWith('..')) return `points outside the repository (${relative(root, file)}): a user reading the package cannot follow it`;
  if (!existsSync(file)) return `no such file: ${relative(root, file)}`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md')) return `an anchor into a file that is not Markdown: ${relative(root, file)}`;
  const anchors = anchorsOf(readFileSync(file, 'utf8'));
  return anchors.has(anchor) ? undefined : `no heading "#${anchor}" in ${relative(root, file)}`;
}

/** Folders of src/ that are the library (the example app is not). */
const LIBRARY_DIRS = readdirSync(join(root, 'src'), { withFileTypes: true }).filter(d => d.isDirectory() && d.name !== 'example').map(d => d.name);
const SOURCE_IMPORT = new RegExp(`from\\s+'((?:\\.\\.?/)+src(?:/(?:index|${LIBRARY_DIRS.join('|')})\\b[^']*)?)'`);

describe('the documentation', () => {
  test('slugs follow GitHub', () => {
    expect(slug("Rule CRD: the constraints of Argo's full CRDs (Argo Workflows v4.1.2)")).toBe('rule-crd-the-constraints-of-argos-full-crds-argo-workflows-v412');
    expect(slug('Deploying `dist/`')).toBe('deploying-dist');
    expect(slug('Kubernetes objects: Secrets, ConfigMaps, ServiceAccounts, PVCs')).toBe('kubernetes-objects-secrets-configmaps-serviceaccounts-pvcs');
    expect(slug('Use it in your app')).toBe('use-it-in-your-app');
  });

  test('finds the links of every page', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md', 'docs/architecture.md', 'docs/lint.md']));
    expect(linksOf('README.md').map(l => l.target)).toEqual(expect.arrayContaining(['docs/images/example-graph.svg', 'CONTRIBUTING.md', 'docs/README.md']));
  });

  test.each(PAGES)('every relative link and anchor of %s resolves', page => {
    const broken = linksOf(page).flatMap(l => {
      const why = brokenBecause(l);
      return why ? [`${l.page}:${l.line}: (${l.target}) ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  test.each(PAGES)('the examples of %s import the library as a user does (from \'cdk8s-argo\')', page => {
    const blocks = codeBlocks(readFileSync(join(root, page), 'utf8')).filter(b => ['ts', 'typescript', 'js', 'javascript'].includes(b.lang));
    const wrong = blocks.flatMap(b => b.code.split('\n').flatMap((line, i) => {
      const m = SOURCE_IMPORT.exec(line);
      return m ? [`${page}:${b.line + i}: imports '${m[1]}': write from 'cdk8s-argo' (or 'cdk8s-argo/jest'), as a user's app imports the package`] : [];
    }));
    expect(wrong).toEqual([]);
  });
});
