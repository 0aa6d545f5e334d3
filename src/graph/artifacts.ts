import { asArray, isObject, str, TemplateSite } from '../lint/rules/workflows/model';
import { GraphBuilder } from './builder';
import { joinPath } from './paths';
import { DrawnWorkflow } from './workflows';

/** One artifact a template stores or loads at an explicit location. */
interface ArtifactUse {
  readonly template: string;
  readonly manifestIndex: number;
  readonly path: string;
  readonly artifact: string;
}

/** How each storage names a location: the fields that, together, say where the bytes are. */
const LOCATIONS: { readonly [storage: string]: (l: any) => { where: string; key: string } | undefined } = {
  s3: l => (str(l.key) ? { where: `S3 ${str(l.bucket) ?? '(artifact repository)'}`, key: l.key } : undefined),
  gcs: l => (str(l.key) ? { where: `GCS ${str(l.bucket) ?? '(artifact repository)'}`, key: l.key } : undefined),
  oss: l => (str(l.key) ? { where: `OSS ${str(l.bucket) ?? '(artifact repository)'}`, key: l.key } : undefined),
  azure: l => (str(l.blob) ? { where: `Azure ${str(l.container) ?? '(artifact repository)'}`, key: l.blob } : undefined),
  hdfs: l => (str(l.path) ? { where: 'HDFS', key: l.path } : undefined),
  artifactory: l => (str(l.url) ? { where: 'Artifactory', key: l.url } : undefined),
};

/**
 * Draws an Artifact node for each storage location (bucket and key) that one template stores as
 * an output artifact and another loads as an input artifact: a hand-off between workflows that
 * no reference in the manifests names.
 */
export function drawArtifactHandOffs(builder: GraphBuilder, workflows: readonly DrawnWorkflow[]): void {
  const writers = new Map<string, ArtifactUse[]>();
  const readers = new Map<string, ArtifactUse[]>();
  const labels = new Map<string, { where: string; key: string; storage: string }>();
  for (const drawn of workflows) {
    for (const [site, template] of drawn.templates) {
      collect(site, 'outputs', drawn, template, writers, labels);
      collect(site, 'inputs', drawn, template, readers, labels);
    }
  }
  for (const [location, stores] of writers) {
    const loads = readers.get(location);
    if (!loads) continue;
    const { where, key, storage } = labels.get(location)!;
    const id = builder.addNode({
      id: `Artifact:${location}`, kind: 'Artifact', name: where, details: [key],
      properties: [['storage', storage], ['location', where], ['key', key],
        ['stored by', stores.map(s => `${builder.node(s.template)?.name} (${s.artifact})`).join(', ')],
        ['loaded by', loads.map(s => `${builder.node(s.template)?.name} (${s.artifact})`).join(', ')]],
    });
    for (const s of stores) builder.addEdge(s.template, id, 'stores', { label: s.artifact, source: { manifestIndex: s.manifestIndex, path: s.path } });
    for (const l of loads) builder.addEdge(id, l.template, 'loads', { label: l.artifact, source: { manifestIndex: l.manifestIndex, path: l.path } });
  }
}

function collect(site: TemplateSite, side: 'inputs' | 'outputs', drawn: DrawnWorkflow, template: string,
  into: Map<string, ArtifactUse[]>, labels: Map<string, { where: string; key: string; storage: string }>): void {
  asArray(site.template[side]?.artifacts).forEach((artifact, i) => {
    if (!isObject(artifact)) return;
    for (const [storage, locate] of Object.entries(LOCATIONS)) {
      if (!isObject(artifact[storage])) continue;
      const location = locate(artifact[storage]);
      if (!location) continue;
      const endpoint = str(artifact[storage].endpoint) ?? '';
      const id = `${storage}:${endpoint}:${location.where}/${location.key}`;
      labels.set(id, { ...location, storage });
      const list = into.get(id) ?? [];
      list.push({ template, manifestIndex: drawn.manifestIndex, path: joinPath(drawn.basePath, `${site.path}.${side}.artifacts[${i}]`), artifact: str(artifact.name) ?? `artifacts[${i}]` });
      into.set(id, list);
    }
  });
}
