import { argoWorkflow, reported, sensor, trigger } from './helpers';

const dependencies = [
  { name: 'push', eventSourceName: 'github', eventName: 'push' },
  { name: 'tag', eventSourceName: 'github', eventName: 'tag' },
];
const param = (dependencyName: string, extra: { [key: string]: any } = {}) => ({ src: { dependencyName, dataKey: 'body.ref' }, dest: 'spec.arguments.parameters.0.value', ...extra });
const submit = (parameters: any[], template: { [key: string]: any } = {}) =>
  [sensor({ dependencies, triggers: [{ template: { name: 'build', argoWorkflow: argoWorkflow({ parameters }), ...template } }] })];

describe('E8 trigger parameters', () => {
  test('a parameter reading an unknown dependency is silently skipped: error', () => {
    expect(reported('E8', submit([param('pushh')]))).toEqual([
      'spec.triggers[0].template.argoWorkflow.parameters[0].src.dependencyName: parameter reads dependency "pushh", which this Sensor does not define (dependencies: "push", "tag"): '
      + 'Argo accepts it, but no event ever carries that name, so the parameter is silently skipped. Use a dependency name. Did you mean "push"?',
    ]);
    expect(reported('E8', submit([param('pushh', { src: { dependencyName: 'pushh', value: 'main' } })]))[0]).toContain('always takes its default value "main"');
    expect(reported('E8', submit([param('push'), param('tag')]))).toEqual([]);
  });

  test('names are matched exactly: "-" and "_" are different here', () => {
    const docs = [sensor({ dependencies: [{ name: 'git-push', eventSourceName: 'github', eventName: 'push' }], triggers: [trigger('build', 'argoWorkflow', argoWorkflow({ parameters: [param('git_push')] }))] })];
    expect(reported('E8', docs)[0]).toContain('Did you mean "git-push"?');
  });

  test('src, dependencyName, dest and operation as the controller requires', () => {
    expect(reported('E8', submit([{ dest: 'x' }, { src: { dataKey: 'a' }, dest: '' }, param('push', { operation: 'replace' })]))).toEqual([
      expect.stringMatching(/parameters\[0\]\.src: parameter has no src: the controller rejects the Sensor/),
      expect.stringMatching(/parameters\[1\]\.dest: parameter has no dest: the controller rejects the Sensor/),
      expect.stringMatching(/parameters\[1\]\.src\.dependencyName: parameter src has no dependencyName/),
      expect.stringMatching(/parameters\[2\]\.operation: parameter operation "replace" is not supported.*append, overwrite or prepend/),
    ]);
    expect(reported('E8', submit([param('push', { operation: 'prepend' })]))).toEqual([]);
  });

  test('an HTTP payload parameter may omit dest (the whole body)', () => {
    const http = (payload: any[]) => [sensor({ dependencies, triggers: [trigger('call', 'http', { url: 'http://x', payload })] })];
    expect(reported('E8', http([{ src: { dependencyName: 'push', dataKey: 'body' } }]))).toEqual([]);
    const kafka = [sensor({ dependencies, triggers: [trigger('send', 'kafka', { url: 'k', topic: 't', payload: [{ src: { dependencyName: 'push' } }] })] })];
    expect(reported('E8', kafka)).toEqual([expect.stringMatching(/kafka\.payload\[0\]\.dest: parameter has no dest/)]);
  });

  test('trigger-level parameters and dlqTriggers are checked too', () => {
    const docs = [sensor({ dependencies, triggers: [{
      template: { name: 'build', log: {} },
      parameters: [{ src: { dependencyName: 'nope' }, dest: 'log.intervalSeconds' }],
      atLeastOnce: true,
      dlqTrigger: { atLeastOnce: true, template: { name: 'dlq', http: { url: 'http://x', payload: [{ src: { dependencyName: 'gone' } }] } } },
    }] })];
    expect(reported('E8', docs).map(line => line.split(':')[0])).toEqual([
      'spec.triggers[0].dlqTrigger.template.http.payload[0].src.dependencyName',
      'spec.triggers[0].parameters[0].src.dependencyName',
    ]);
  });

  test('a dependencyName rewritten by a trigger-level parameter is not checked (upstream tutorial pattern)', () => {
    const docs = [sensor({ dependencies, triggers: [{
      template: { name: 'build', argoWorkflow: argoWorkflow({ parameters: [param('PLACEHOLDER')] }) },
      parameters: [{ src: { dependencyName: 'push', dataKey: 'body.dep' }, dest: 'argoWorkflow.parameters.0.src.dependencyName' }],
    }] })];
    expect(reported('E8', docs)).toEqual([]);
  });

  test('a dependency outside the trigger conditions never has an event: warning', () => {
    const docs = submit([param('tag')], { conditions: 'push' });
    expect(reported('E8', docs, 'warning')).toEqual([
      expect.stringMatching(/parameters\[0\]\.src\.dependencyName: parameter reads dependency "tag", but the conditions of trigger "build" never include it/),
    ]);
    expect(reported('E8', submit([param('tag')], { conditions: 'push || tag' }), 'warning')).toEqual([]);
  });
});
