import { App } from 'cdk8s';
import { VectorPipelineChart } from './example/vector-pipeline-chart';

// The example app `cdk8s synth` runs: the story's system with its default values.
// Per environment, pass props instead: new VectorPipelineChart(app, 'staging', { namespace: 'vector-staging', ... }).
// recordConstructMetadata: false keeps dist/ to Kubernetes objects, so `kubectl apply -f dist/` works:
// with a validation plugin configured, cdk8s would also write dist/construct-metadata.json there.
const app = new App({ recordConstructMetadata: false });
new VectorPipelineChart(app, 'vector-pipeline');
app.synth();
