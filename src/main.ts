import { App } from 'cdk8s';
import { VectorPipelineChart } from './example/vector-pipeline-chart';

// The example app `cdk8s synth` runs: the story's system with its default values.
// Per environment, pass props instead: new VectorPipelineChart(app, 'staging', { namespace: 'vector-staging', ... }).
const app = new App();
new VectorPipelineChart(app, 'vector-pipeline');
app.synth();
