export { HelmOutput } from './helm-output';
