import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoWorkflowTemplate } from '../imports/argo-workflows';

/** Minimal example: a WorkflowTemplate written against the generated types. */
export class HelloChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ArgoWorkflowTemplate(this, 'hello', {
      metadata: { name: 'hello' },
      spec: {
        entrypoint: 'main',
        templates: [{
          name: 'main',
          retryStrategy: { limit: 3, retryPolicy: 'OnFailure' },
          container: { image: 'busybox:1.36', command: ['echo', 'hello'] },
        }],
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new HelloChart(app, 'hello');
  app.synth();
}
