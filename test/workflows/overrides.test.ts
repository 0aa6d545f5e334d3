/**
 * The escape hatch by construct: `addOverride()` on a template, a container, a step or task and a
 * workflow spec sets fields on that construct's part of the manifest, wherever the part is when
 * the manifest renders, with the manifest's own field names.
 */
import { ArtifactLocation, CronWorkflow, OutputArtifact, Workflow } from '../../src/workflows';
import { withRestrictedDefaults } from '../support/pod-security';
import { newChart, schemaViolations, synth, synthError } from './helpers';

function fixture() {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'wf-' });
  const main = wf.addStepsTemplate('main');
  const echo = wf.addContainerTemplate('echo', { image: 'busybox:1.36' });
  return { app, chart, wf, main, echo };
}

test('a template\'s override follows the template when another is added before it (no hand-counted index)', () => {
  const { app, wf, main, echo } = fixture();
  echo.addOverride('container.readinessProbe', { exec: { command: ['true'] }, periodSeconds: 5 });
  main.addStep('a', echo);
  // created later, rendered first: the override must not land on it
  const first = wf.addContainerTemplate('first', { image: 'busybox:1.36' });
  wf.setEntrypoint(main);
  void first;
  const templates = synth(app)[0].spec.templates;
  expect(templates.map((t: any) => t.name)).toEqual(['main', 'echo', 'first']);
  expect(templates[1].container.readinessProbe).toEqual({ exec: { command: ['true'] }, periodSeconds: 5 });
  expect(templates[2].container.readinessProbe).toBeUndefined();
});

test('containers (main, sidecar, init, container-set), steps, tasks and the spec have their own overrides, in manifest field names', () => {
  const { app, wf, main, echo } = fixture();
  echo.container.addOverride(['resources', 'limits', 'nvidia.com/gpu'], 1);
  echo.addSidecar('side', { image: 'busybox:1.36' }).addOverride('stdin', true);
  echo.addInitContainer('init', { image: 'busybox:1.36' }).addOverride('command', ['true']);
  const set = wf.addContainerSetTemplate('set');
  set.addContainer('main', { image: 'busybox:1.36' }).container.addOverride('tty', true);
  main.addStep('a', echo).addOverride('continueOn.error', true);
  const dag = wf.addDagTemplate('dag');
  dag.addTask('t', set).addOverride('hooks', { exit: { template: 'echo' } });
  main.addStep('b', dag);
  wf.setEntrypoint(main);
  wf.addOverride('hostNetwork', true);
  const doc = synth(app)[0];
  const t = (name: string) => doc.spec.templates.find((x: any) => x.name === name);
  expect(t('echo').container.resources).toEqual({ limits: { 'nvidia.com/gpu': 1 } });
  expect(t('echo').sidecars[0].stdin).toBe(true);
  expect(t('echo').initContainers[0].command).toEqual(['true']);
  expect(t('set').containerSet.containers[0].tty).toBe(true);
  expect(t('main').steps[0][0].continueOn).toEqual({ error: true });
  expect(t('dag').dag.tasks[0].hooks).toEqual({ exit: { template: 'echo' } });
  expect(doc.spec.hostNetwork).toBe(true);
  expect(schemaViolations(doc)).toEqual({ v4: [], v37: [] });
});

test('undefined removes a field; fields use the manifest\'s names (useSDKCreds, not the generated type\'s useSdkCreds); the rules and the schema see the result', () => {
  const { app, wf, main, echo } = fixture();
  main.addStep('a', echo);
  const t = wf.addContainerTemplate('t', { image: 'busybox:1.36', command: ['true'], outputs: [new OutputArtifact('o', { path: '/o', location: ArtifactLocation.s3({ key: 'k' }) })] });
  t.addOverride('container.command', undefined);
  t.addOverride('outputs.artifacts.0.s3.useSDKCreds', true);
  wf.addOverride('podGC', { strategy: 'OnPodSuccess' });
  const doc = synth(app)[0];
  const byName = (name: string) => doc.spec.templates.find((x: any) => x.name === name);
  expect(byName('t').container).toEqual({ image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } });
  expect(byName('t').outputs.artifacts[0].s3).toEqual({ key: 'k', useSDKCreds: true });
  expect(doc.spec.podGC).toEqual({ strategy: 'OnPodSuccess' });

  const typo = fixture();
  typo.main.addStep('a', typo.echo);
  typo.echo.addOverride('container.imagee', 'typo');
  expect(synthError(typo.app)).toMatch(/\[test\/wf\/echo\] Workflow\/wf-\*: spec\.templates\[1\]\.container\.imagee: unknown field "imagee" \(did you mean "image"\?\) \[SCHEMA\]/);

  const removed = fixture();
  removed.main.addStep('a', removed.echo);
  removed.echo.addOverride('container.image', undefined);
  expect(synthError(removed.app)).toMatch(/\[test\/wf\/echo\] Workflow\/wf-\*: spec\.templates\[1\]\.container\.image: template "echo" has no container\.image.* \[W10\]/);
});

test('a CronWorkflow\'s spec override lands in its workflowSpec; an inline template\'s in the step', () => {
  const { app, chart } = newChart();
  const cron = new CronWorkflow(chart, 'cron', { metadata: { name: 'c' }, schedules: ['0 9 * * *'] });
  const main = cron.addStepsTemplate('main');
  const inline = cron.addContainerTemplate('inline', { image: 'busybox:1.36', inline: true });
  inline.addOverride('container.workingDir', '/work');
  main.addStep('a', inline);
  cron.addOverride('parallelism', 2);
  const spec = synth(app)[0].spec;
  expect(spec.workflowSpec.parallelism).toBe(2);
  const expected = withRestrictedDefaults({ kind: 'CronWorkflow', spec: { workflowSpec: { templates: [{ container: { image: 'busybox:1.36', workingDir: '/work' } }] } } });
  expect(spec.workflowSpec.templates[0].steps[0][0].inline).toEqual(expected.spec.workflowSpec.templates[0]);
});

test('a path must name fields', () => {
  const { echo } = fixture();
  expect(() => echo.addOverride('', 1)).toThrow(/test\/wf\/echo: addOverride\(\) needs a path of field names/);
  expect(() => echo.addOverride('a..b', 1)).toThrow(/needs a path of field names/);
  expect(() => echo.addOverride(['__proto__', 'x'], 1)).toThrow(/needs a path of field names/);
});
