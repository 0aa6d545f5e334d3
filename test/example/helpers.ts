import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { VectorPipelineChart, VectorPipelineProps } from '../../src/example/vector-pipeline-chart';

/** Synthesizes charts of the example into one app, with validation, as `cdk8s synth` does; warnings are swallowed. */
export function synthExample(...instances: [string, VectorPipelineProps?][]): { yaml: string; docs: any[] } {
  const app = new App({ outdir: '/nonexistent' });
  for (const [id, props] of instances) new VectorPipelineChart(app, id, props);
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const yaml = app.synthYaml();
    return { yaml, docs: parseAllDocuments(yaml).map(d => d.toJS()).filter(Boolean) };
  } finally {
    spy.mockRestore();
  }
}

/** `Kind/namespace/name` of a manifest. */
export function key(doc: any): string {
  return `${doc.kind}/${doc.metadata?.namespace ?? '-'}/${doc.metadata?.name}`;
}
