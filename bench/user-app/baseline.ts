// The same kind of app written with cdk8s alone (no library): the type-check cost of cdk8s itself.
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';

class PipelineChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ApiObject(this, 'pipeline', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'pipeline' },
      spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36', command: ['echo', 'hello'] } }] },
    });
  }
}

const app = new App();
new PipelineChart(app, 'pipeline');
app.synth();
