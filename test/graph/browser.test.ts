/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML page and the Mermaid output opened in a real browser: Debian's Chromium, headless,
 * driven by playwright-core. Skipped (with the reason printed) when /usr/bin/chromium is absent,
 * unless GRAPH_TESTS_REQUIRE_TOOLS=1 (set by .ci/run, which installs it): then that is a failure.
 * Screenshots are kept in .scratch/graph-screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ArgoGraph, renderArgoGraph } from '../../src/graph';
import { graphOf, haveUpstream, loadDist, loadUpstream, repoRoot } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
/** Set by .ci/run after it installed Chromium: a missing browser is then a failure, not a skip. */
const required = process.env.GRAPH_TESTS_REQUIRE_TOOLS === '1';
const screenshots = join(repoRoot, '.scratch', 'graph-screenshots');

if (!haveChromium && !required) {
  // eslint-disable-next-line no-console
  console.log(`test/graph/browser: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

type Browser = import('playwright-core').BrowserContext;
type Page = import('playwright-core').Page;

(haveChromium || required ? describe : describe.skip)('in headless Chromium', () => {
  let browser: Browser;
  let profile: string;
  let pages: string;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`GRAPH_TESTS_REQUIRE_TOOLS=1 but there is no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium)`);
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'cdk8s-argo-chromium-'));
    pages = mkdtempSync(join(tmpdir(), 'cdk8s-argo-pages-'));
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    for (const dir of [profile, pages]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page, recording console errors, page errors and any request leaving the file. */
  async function open(html: string, name: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const file = join(pages, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', m => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', e => errors.push(String(e)));
    page.on('request', r => {
      if (r.url() !== `file://${file}`) requests.push(r.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    return { page, errors, requests };
  }

  /** Ids of nodes and edges drawn with a visible size, and texts that overflow their box. */
  async function drawn(page: Page) {
    return page.evaluate(() => {
      const visible = (el: Element) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return box.width > 0 && box.height > 0;
      };
      const nodes = [...document.querySelectorAll('svg .node, svg .row')].filter(visible).map(el => el.getAttribute('data-id'));
      const edges = [...document.querySelectorAll('svg path.edge')].filter(el => (el as SVGPathElement).getTotalLength() > 0).map(el => el.getAttribute('data-id'));
      const overflowing: string[] = [];
      for (const box of document.querySelectorAll('svg .node')) {
        const width = Number(box.querySelector('rect.box')!.getAttribute('width'));
        for (const text of box.querySelectorAll('text')) {
          if (text.closest('.badge')) continue;
          const b = (text as SVGTextElement).getBBox();
          if (b.x + b.width > width + 0.5) overflowing.push(`${box.getAttribute('data-id')}: ${text.textContent}`);
        }
      }
      return { nodes, edges, overflowing };
    });
  }

  describe('the example app\'s page', () => {
    let graph: ArgoGraph;
    let page: Page;
    let errors: string[];
    let requests: string[];
    beforeAll(async () => {
      graph = graphOf(loadDist());
      ({ page, errors, requests } = await open(renderArgoGraph(graph, 'html', { title: 'vector-pipeline' }), 'example'));
    });
    afterAll(() => page?.close());

    test('every node and edge is rendered, text stays inside its box, no console error, nothing fetched', async () => {
      const result = await drawn(page);
      expect([...result.nodes].sort()).toEqual(graph.nodes.map(n => n.id).sort());
      expect([...result.edges].sort()).toEqual(graph.edges.map(e => e.id).sort());
      expect(result.overflowing).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'example.png') });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    });

    test('it fits a 1440x900 laptop screen at a readable scale, showing the endpoints, sensors, templates, CronWorkflow, notifier and hand-off', async () => {
      const zoom = await page.textContent('#zoom');
      expect(Number(zoom!.replace('%', ''))).toBeGreaterThanOrEqual(75);
      const inView = await page.evaluate(() => {
        const canvas = document.getElementById('canvas')!.getBoundingClientRect();
        return [...document.querySelectorAll('svg .node')].filter(el => {
          const r = el.getBoundingClientRect();
          return r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom;
        }).map(el => el.getAttribute('data-id'));
      });
      for (const id of ['EventSource:vector-pipeline/webhook', 'Sensor:vector-pipeline/vendor-a', 'Sensor:vector-pipeline/vendor-b',
        'WorkflowTemplate:vector-pipeline/common', 'WorkflowTemplate:vector-pipeline/a-workflow', 'WorkflowTemplate:vector-pipeline/b-workflow',
        'CronWorkflow:vector-pipeline/a-workflow-daily']) {
        expect(inView).toContain(id);
      }
      expect(inView.some(id => id!.startsWith('Artifact:s3:'))).toBe(true);
      const labels = await page.$$eval('svg .row text', texts => texts.map(t => t.textContent));
      expect(labels).toEqual(expect.arrayContaining(['omega', 'POST :12000/omega', 'bitamin', 'POST :12000/bitamin', 'slack-notify']));
    });

    test('clicking the missing Secret shows the lint finding; a node links to its manifest line', async () => {
      await page.click('svg .node.missing');
      await page.waitForSelector('#panel.open');
      const panel = await page.textContent('#panel-body');
      expect(panel).toContain('Secret · missing from the manifests');
      expect(panel).toContain('warning K8S-REF');
      expect(panel).toContain('Secret "slack-webhook" is not among the linted manifests; assumed to exist in the cluster');
      expect(panel).toContain('dist/vector-pipeline.k8s.yaml:168');
      await page.screenshot({ path: join(screenshots, 'example-missing-secret.png') });
      await page.fill('#search', 'a-workflow-daily');
      await page.press('#search', 'Enter');
      await page.waitForFunction(() => document.querySelector('#panel-body h2')?.textContent === 'a-workflow-daily');
      expect(await page.textContent('#panel-body')).toContain('0 9 * * * · Asia/Seoul');
      expect(await page.getAttribute('#panel-body a.source', 'href')).toBe('dist/vector-pipeline.k8s.yaml');
      expect(await page.textContent('#panel-body a.source')).toBe('dist/vector-pipeline.k8s.yaml:372');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    });

    test('the wheel zooms at the pointer, a drag pans, 0 fits again', async () => {
      const zoom = async () => Number((await page.textContent('#zoom'))!.replace('%', ''));
      const viewBox = () => page.getAttribute('#canvas svg', 'viewBox');
      const fitted = await zoom();
      await page.mouse.move(700, 450);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(before => document.getElementById('zoom')!.textContent !== before, `${fitted}%`);
      expect(await zoom()).toBeGreaterThan(fitted);
      const before = await viewBox();
      await page.mouse.move(700, 450);
      await page.mouse.down();
      await page.mouse.move(500, 350, { steps: 5 });
      await page.mouse.up();
      expect(await viewBox()).not.toBe(before);
      await page.keyboard.press('0');
      expect(await zoom()).toBe(fitted);
      expect(errors).toEqual([]);
    });
  });

  describe('Mermaid, drawn by the mermaid package from node_modules', () => {
    async function renderMermaidIn(text: string, name: string): Promise<{ svg: string; errors: string[]; nodes: number; clusters: number }> {
      const { page, errors } = await open('<!DOCTYPE html><html><body><div id="out"></div><script>document.body.setAttribute("data-ready","true")</script></body></html>', name);
      await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      const result = await page.evaluate(async source => {
        const m = (window as any).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 1_000_000, maxEdges: 10_000 });
        try {
          const { svg } = await m.render('graph', source);
          document.getElementById('out')!.innerHTML = svg;
          return { svg, error: '' };
        } catch (e: any) {
          return { svg: '', error: String(e?.message ?? e) };
        }
      }, text);
      if (result.error) errors.push(result.error);
      const counts = await page.evaluate(() => ({ nodes: document.querySelectorAll('#out g.node').length, clusters: document.querySelectorAll('#out g.cluster').length }));
      await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
      await page.close();
      return { svg: result.svg, errors, ...counts };
    }

    test('the example app\'s flowchart renders without error, every node and subgraph drawn', async () => {
      const graph = graphOf(loadDist());
      const text = renderArgoGraph(graph, 'mermaid');
      const result = await renderMermaidIn(text, 'mermaid-example');
      expect(result.errors).toEqual([]);
      const clusters = new Set(graph.nodes.filter(n => n.parent).map(n => n.parent));
      expect(result.clusters).toBe(clusters.size);
      expect(result.nodes).toBe(graph.nodes.filter(n => !clusters.has(n.id)).length);
      expect(result.svg).toContain('slack-notify');
    });

    (haveUpstream ? test : test.skip)('every upstream example\'s names and labels render too (all in one flowchart)', async () => {
      const graph = graphOf(loadUpstream());
      const result = await renderMermaidIn(renderArgoGraph(graph, 'mermaid'), 'mermaid-upstream');
      expect(result.errors).toEqual([]);
      const clusters = new Set(graph.nodes.filter(n => n.parent).map(n => n.parent));
      expect(result.nodes).toBe(graph.nodes.filter(n => !clusters.has(n.id)).length);
    });
  });

  (haveUpstream ? test : test.skip)('the page of all upstream examples renders every node and edge without error', async () => {
    const graph = graphOf(loadUpstream());
    const { page, errors, requests } = await open(renderArgoGraph(graph, 'html'), 'upstream');
    const result = await drawn(page);
    expect(result.nodes.length).toBe(graph.nodes.length);
    expect(result.edges.length).toBe(graph.edges.length);
    expect(result.overflowing).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'upstream.png') });
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
