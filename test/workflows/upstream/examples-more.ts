/** Upstream examples rebuilt with the typed API: aggregation of loop outputs, CI pipelines, the variables showcase, WorkflowEventBindings. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Duration, Size } from 'cdk8s';
import {
  ArtifactArchive, ArtifactLocation, ContainerProbe, DagTask, DagTemplate, InvocationOptions, ITemplate, Step, Depends, InputArtifact, InputParameter, Loop, MetricVariables, OutputArtifact,
  OutputParameter, OutputSource, RetryPolicy, ServiceAccountRef, StepsTemplate, TemplateVariables, Workflow, WorkflowEventBinding, WorkflowMetric,
  WorkflowTemplate, WorkflowVariables, WorkflowVolume, SecretRef,
} from '../../../src';
import { UpstreamExample } from './compare';
import { printMessage, workflow } from './examples-steps';

/** A fixture derived from an upstream file: its first line names the origin, the rest is the text. */
function fixture(name: string): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8').split('\n').slice(1).join('\n');
}

const DEPENDENCIES = (tasks: string[][]) => ({
  reason: 'upstream lists dependencies in the older `dependencies` field; tasks emit `depends` (`a && b`), which Argo reads the same way and which cannot be mixed with `dependencies` (rule W26)',
  apply: (up: any[]) => {
    const list = up[0].spec.templates[0].dag.tasks;
    tasks.forEach(([name, ...deps]) => {
      const t = list.find((x: any) => x.name === name);
      delete t.dependencies;
      t.depends = deps.join(' && ');
    });
  },
});

/** parameter-aggregation.yaml and its DAG twin. */
function aggregation(kind: 'steps' | 'dag'): UpstreamExample['build'] {
  return c => {
    const wf = workflow(c, kind === 'dag' ? 'parameter-aggregation-dag-' : 'parameter-aggregation-');
    const main = kind === 'dag' ? wf.addDagTemplate('parameter-aggregation') : wf.addStepsTemplate('parameter-aggregation');
    const num = new InputParameter('num');
    const numOut = new OutputParameter('num', { valueFrom: OutputSource.fromPath('/tmp/num') });
    const evenness = new OutputParameter('evenness', { valueFrom: OutputSource.fromPath('/tmp/even') });
    const oddOrEven = wf.addContainerTemplate('odd-or-even', {
      inputs: [num], image: 'alpine:3.23', command: ['sh', kind === 'dag' ? '-c' : '-xc'], outputs: [numOut, evenness],
      args: [`sleep 1 &&\necho ${num} > /tmp/num &&\nif [ $((${num}%2)) -eq 0 ]; then\n  echo "even" > /tmp/even;\nelse\n  echo "odd" > /tmp/even;\nfi\n`],
    });
    const half = new InputParameter('num');
    const divide = kind === 'dag'
      ? wf.addContainerTemplate('divide-by-2', { inputs: [half], image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo $((${half}/2))`] })
      : wf.addScriptTemplate('divide-by-2', { inputs: [half], image: 'alpine:3.23', command: ['sh', '-x'], source: `#!/bin/sh\necho $((${half}/2))\n` });
    const { template: print, message } = printMessage(wf);
    const add = (name: string, template: ITemplate, options: InvocationOptions, after?: DagTask | Step) => (main instanceof DagTemplate
      ? main.addTask(name, template, { ...options, depends: after instanceof DagTask ? after : undefined }) : (main as StepsTemplate).addStep(name, template, options));
    const oe = add('odd-or-even', oddOrEven, { arguments: [num.set(Loop.item)], loop: Loop.items([1, 2, 3, 4]) });
    add('print-nums', print, { arguments: [message.set(oe.output(numOut))] }, oe);
    add('print-evenness', print, { arguments: [message.set(oe.output(evenness))] }, oe);
    const d = add('divide-by-2', divide, { arguments: [half.set(Loop.itemField('num'))], loop: Loop.fromParameter(oe.outputParametersJson), when: Loop.itemField('evenness').eq('even') }, oe);
    add('print', print, { arguments: [message.set(Loop.item)], loop: Loop.fromParameter(d.result) }, d);
  };
}

export const MORE_EXAMPLES: UpstreamExample[] = [
  { file: 'parameter-aggregation.yaml', title: 'a loop\'s outputs aggregated as JSON and looped over again', build: aggregation('steps') },
  { file: 'parameter-aggregation-dag.yaml', title: 'the same with DAG tasks', build: aggregation('dag') },
  {
    file: 'parameter-aggregation-script.yaml', title: 'a loop of scripts printing JSON, looped over by field',
    build: c => {
      const wf = workflow(c, 'parameter-aggregation-script-');
      const main = wf.addStepsTemplate('parameter-aggregation');
      const num = new InputParameter('num');
      const oddOrEven = wf.addScriptTemplate('odd-or-even', {
        inputs: [num], image: 'python:alpine3.23', command: ['python'],
        source: `import json\ni = ${num}\nres = {\n  "num": i,\n  "evenness": "even" if i % 2 == 0 else "odd"\n}\nprint(json.dumps(res))\n`,
      });
      const half = new InputParameter('num');
      const divide = wf.addScriptTemplate('divide-by-2', { inputs: [half], image: 'alpine:3.23', command: ['sh', '-x'], source: `echo $((${half}/2))\n` });
      const oe = main.addStep('odd-or-even', oddOrEven, { arguments: [num.set(Loop.item)], loop: Loop.items([1, 2, 3, 4]) });
      main.addStep('divide-by-2', divide, { arguments: [half.set(Loop.itemField('num'))], loop: Loop.fromParameter(oe.result), when: Loop.itemField('evenness').eq('even') });
    },
  },
  {
    file: 'parallelism-nested-dag.yaml', title: 'parallelism of a DAG whose tasks run DAGs',
    build: c => {
      const wf = workflow(c, 'parallelism-nested-dag-');
      const a = wf.addDagTemplate('A', { parallelism: 2 });
      const msg = new InputParameter('msg');
      const b = wf.addDagTemplate('B', { inputs: [msg] });
      const jobMsg = new InputParameter('msg');
      const job = wf.addContainerTemplate('one-job', { inputs: [jobMsg], image: 'alpine:3.23', command: ['/bin/sh', '-c'], args: [`echo ${jobMsg}; sleep 10`] });
      const b1 = a.addTask('b1', b, { arguments: [msg.set('1')] });
      const b2 = a.addTask('b2', b, { depends: b1, arguments: [msg.set('2')] });
      const b3 = a.addTask('b3', b, { depends: b1, arguments: [msg.set('3')] });
      const b4 = a.addTask('b4', b, { depends: b1, arguments: [msg.set('4')] });
      a.addTask('b5', b, { depends: [b2, b3, b4], arguments: [msg.set('5')] });
      const c1 = b.addTask('c1', job, { arguments: [jobMsg.set(`${msg} c1`)] });
      b.addTask('c2', job, { depends: c1, arguments: [jobMsg.set(`${msg} c2`)] });
      b.addTask('c3', job, { depends: c1, arguments: [jobMsg.set(`${msg} c3`)] });
    },
  },
  {
    file: 'fun-with-gifs.yaml', title: 'eight steps sharing a claim template volume',
    build: c => {
      const workdir = WorkflowVolume.fromClaimTemplate('workdir', { storage: Size.gibibytes(1) });
      const wf = new Workflow(c, 'wf', { generateName: 'fun-with-gifs-', volumes: [workdir] });
      const main = wf.addStepsTemplate('run-workflow');
      const mount = [{ volume: workdir, mountPath: '/mnt/data' }];
      const steps: [string, string, string[]][] = [
        ['create-output-dir', 'alpine:3.23', ['mkdir', '/mnt/data/output']],
        ['download-images', 'mesosphere/aws-cli', ['aws', '--no-sign-request', 's3', 'cp', '--recursive', 's3://ax-public/cricket_gif_images', '/mnt/data/']],
        ['create-gif', 'v4tech/imagemagick', ['convert', '-delay', '20', '-loop', '0', '/mnt/data/*.gif', '/mnt/data/output/orig.gif']],
        ['black-and-white', 'v4tech/imagemagick', ['convert', '/mnt/data/output/orig.gif', '-colorspace', 'Gray', '/mnt/data/output/black_white.gif']],
        ['combine-horizontal', 'v4tech/imagemagick', ['convert', '+append', '/mnt/data/*.gif', '/mnt/data/output/horizontal.gif']],
        ['combine-vertical', 'v4tech/imagemagick', ['convert', '-append', '/mnt/data/*.gif', '/mnt/data/output/vertical.gif']],
        ['make-bigger', 'starefossen/gifsicle', ['gifsicle', '/mnt/data/output/orig.gif', '--resize', '1000x800', '-o', '/mnt/data/output/orig_big.gif']],
        ['bundle-up', 'alpine:3.23', ['ls']],
      ];
      steps.forEach(([name, image, command], i) => {
        const outputs = name === 'bundle-up' ? [new OutputArtifact('output-gif', { path: '/mnt/data/output' })] : undefined;
        main.addStep(`step-${i + 1}`, wf.addContainerTemplate(name, { image, command, volumeMounts: mount, outputs }));
      });
    },
    differences: [{
      reason: 'upstream indents its generateName into metadata.labels, so the Workflow has no name and a label value Kubernetes rejects ("fun-with-gifs-" ends with "-", rule K8S-LABEL); the rebuilt Workflow is named by that generateName',
      apply: up => {
        up[0].metadata.generateName = up[0].metadata.labels.generateName;
        delete up[0].metadata.labels.generateName;
      },
    }],
  },
  {
    file: 'ci.yaml', title: 'a CI pipeline: a Git checkout into a claim template volume, tests over OS images',
    build: c => {
      const workdir = WorkflowVolume.fromClaimTemplate('workdir', { storage: Size.gibibytes(1) });
      const wf = workflow(c, 'ci-example-', { volumes: [workdir] });
      wf.addArgument('revision', { value: 'cfe12d6' });
      const revision = new InputParameter('revision');
      const main = wf.addStepsTemplate('ci-example', { inputs: [revision] });
      const buildRev = new InputParameter('revision');
      const build = wf.addContainerTemplate('build-golang-example', {
        inputs: [buildRev, new InputArtifact('code', { path: '/go/src/github.com/golang/example', location: ArtifactLocation.git({ repo: 'https://github.com/golang/example.git', revision: buildRev }) })],
        image: 'golang:1.8', command: ['sh', '-c'], args: [' cd /go/src/github.com/golang/example/hello && git status && go build -v . '],
        volumeMounts: [{ volume: workdir, mountPath: '/go' }],
      });
      const osImage = new InputParameter('os-image');
      const run = wf.addContainerTemplate('run-hello', {
        inputs: [osImage], image: osImage, command: ['sh', '-c'], args: [' uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello '],
        volumeMounts: [{ volume: workdir, mountPath: '/go' }],
      });
      main.addStep('build', build, { arguments: [buildRev.set(revision)] });
      main.addStep('test', run, {
        arguments: [osImage.set(`${Loop.itemField('image')}:${Loop.itemField('tag')}`)],
        loop: Loop.items([{ image: 'debian', tag: '9.1' }, { image: 'alpine', tag: '3.6' }, { image: 'ubuntu', tag: '17.10' }]),
      });
    },
  },
  {
    file: 'ci-output-artifact.yaml', title: 'a CI pipeline releasing its output as an artifact',
    build: c => {
      const workdir = WorkflowVolume.fromClaimTemplate('workdir', { storage: Size.gibibytes(1) });
      const wf = workflow(c, 'ci-output-artifact-', { volumes: [workdir] });
      const main = wf.addStepsTemplate('ci-example');
      const mount = [{ volume: workdir, mountPath: '/go' }];
      const build = wf.addContainerTemplate('build-golang-example', {
        inputs: [new InputArtifact('code', { path: '/go/src/github.com/golang/example', location: ArtifactLocation.git({ repo: 'https://github.com/golang/example.git', revision: 'cfe12d6' }) })],
        image: 'golang:1.8', command: ['sh', '-c'], args: [' cd /go/src/github.com/golang/example/hello && go build -v . '], volumeMounts: mount,
      });
      const osImage = new InputParameter('os-image');
      const run = wf.addContainerTemplate('run-hello', {
        inputs: [osImage], image: osImage, command: ['sh', '-c'], args: [' uname -a ; cat /etc/os-release ; /go/src/github.com/golang/example/hello/hello '], volumeMounts: mount,
      });
      const release = wf.addContainerTemplate('release-artifact', { image: 'alpine:3.23', volumeMounts: mount, outputs: [new OutputArtifact('release', { path: '/go' })] });
      main.addStep('build', build);
      main.addStep('test', run, {
        arguments: [osImage.set(`${Loop.itemField('image')}:${Loop.itemField('tag')}`)],
        loop: Loop.items([{ image: 'debian', tag: '9.1' }, { image: 'alpine', tag: '3.6' }, { image: 'ubuntu', tag: '17.10' }]),
      });
      main.addStep('release', release);
    },
  },
  {
    file: 'ci-workflowtemplate.yaml', title: 'a CI WorkflowTemplate restoring and storing a build cache in S3 around its DAG',
    differences: [DEPENDENCIES([['deps', 'clone', 'cache-restore'], ['build', 'deps'], ['test', 'build']])],
    build: c => {
      const work = WorkflowVolume.fromClaimTemplate('work', { storage: Size.mebibytes(64) });
      const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'ci' }, volumes: [work] });
      const branch = wt.addArgument('branch', { value: 'master' });
      const main = wt.addDagTemplate('main');
      wt.setEntrypoint(main);
      const src = { volume: work, mountPath: '/go/src/github.com/golang/example', subPath: 'src' };
      const mod = (subPath: string) => ({ volume: work, mountPath: '/go/pkg/mod', subPath });
      const cache = (subPath: string) => ({ volume: work, mountPath: '/root/.cache/go-build', subPath });
      const key = (name: string) => ArtifactLocation.s3({ key: `github.com/golang/examples/${branch}/${name}` });
      const dir = '/go/src/github.com/golang/example';
      const restore = wt.addContainerTemplate('cache-restore', {
        inputs: [
          new InputArtifact('GOMODCACHE', { path: '/mnt/GOMODCACHE', optional: true, location: key('GOMODCACHE') }),
          new InputArtifact('GOCACHE', { path: '/mnt/GOCACHE', optional: true, location: key('GOCACHE') }),
        ],
        volumeMounts: [mod('mod'), cache('cache')], image: 'golang:1.18', workingDir: dir, command: ['sh', '-euxc'],
        args: ['mkdir -p $(go env GOMODCACHE)\n[ -e /mnt/GOMODCACHE ] && cp -Rf /mnt/GOMODCACHE $(go env GOMODCACHE)\nmkdir -p $(go env GOCACHE)\n[ -e /mnt/GOCACHE ] &&  cp -Rf /mnt/GOCACHE $(go env GOCACHE)\n'],
      });
      const store = wt.addContainerTemplate('cache-store', {
        volumeMounts: [mod('GOMODCACHE'), cache('GOCACHE')], image: 'golang:1.18', workingDir: dir,
        outputs: [
          new OutputArtifact('GOMODCACHE', { path: '/go/pkg/mod', optional: true, location: key('GOMODCACHE') }),
          new OutputArtifact('GOCACHE', { path: '/root/.cache/go-build', optional: true, location: key('GOCACHE') }),
        ],
      });
      wt.setOnExit(store);
      const mounts = [src, mod('GOMODCACHE'), cache('GOCACHE')];
      const clone = wt.addContainerTemplate('clone', {
        volumeMounts: mounts, image: 'golang:1.18', workingDir: dir, command: ['sh', '-euxc'],
        args: [`git clone -v -b "${branch}" --single-branch --depth 1 https://github.com/golang/example.git .\n`],
      });
      const deps = wt.addContainerTemplate('deps', { image: 'golang:1.18', volumeMounts: mounts, workingDir: dir, command: ['sh', '-xuce'], args: ['go mod download -x\n'] });
      const build = wt.addContainerTemplate('build', { image: 'golang:1.18', volumeMounts: mounts, workingDir: dir, command: ['sh', '-xuce'], args: ['go build ./...\n'] });
      const test = wt.addContainerTemplate('test', {
        image: 'golang:1.18', volumeMounts: mounts, workingDir: dir, command: ['sh', '-euxc'],
        args: ['go install github.com/jstemmer/go-junit-report@latest\ngo install github.com/alexec/junit2html@v0.0.2\n\n'
          + "trap 'cat test.out | go-junit-report | junit2html > test-report.html' EXIT\n\ngo test -v ./... 2>&1 > test.out\n"],
        outputs: [new OutputArtifact('test-report', { path: '/go/src/github.com/golang/example/test-report.html', archive: ArtifactArchive.none(), location: ArtifactLocation.s3({ key: `${branch}/test-report.html` }) })],
      });
      const r = main.addTask('cache-restore', restore);
      const cl = main.addTask('clone', clone);
      const d = main.addTask('deps', deps, { depends: [cl, r] });
      const b = main.addTask('build', build, { depends: d });
      main.addTask('test', test, { depends: b });
    },
  },
  {
    file: 'buildkit-template.yaml', title: 'a WorkflowTemplate cloning, building and pushing an image with BuildKit',
    build: c => {
      const work = WorkflowVolume.fromClaimTemplate('work', { storage: Size.mebibytes(64) });
      const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'buildkit' }, volumes: [work] });
      const repo = wt.addArgument('repo', { value: 'https://github.com/argoproj/argo-workflows' });
      const branchArg = wt.addArgument('branch', { value: 'master' });
      const pathArg = wt.addArgument('path', { value: 'test/e2e/images/argosay/v2' });
      const imageArg = wt.addArgument('image', { value: 'alexcollinsintuit/argosay:v2' });
      const main = wt.addDagTemplate('main');
      wt.setEntrypoint(main);
      const [cloneRepo, cloneBranch] = [new InputParameter('repo'), new InputParameter('branch')];
      const clone = wt.addContainerTemplate('clone', {
        inputs: [cloneRepo, cloneBranch], volumeMounts: [{ volume: work, mountPath: '/work' }], image: 'alpine/git:v2.26.2', workingDir: '/work',
        args: ['clone', '--depth', '1', '--branch', cloneBranch, '--single-branch', cloneRepo, '.'],
      });
      const buildPath = new InputParameter('path');
      const build = wt.addContainerTemplate('build', {
        inputs: [buildPath], image: 'golang:1.18', volumeMounts: [{ volume: work, mountPath: '/work' }], workingDir: `/work/${buildPath}`,
        env: { GO111MODULE: 'off' }, command: ['go'], args: ['build', '-v', '-o', 'argosay', './...'],
      });
      const [imagePath, imageName] = [new InputParameter('path'), new InputParameter('image')];
      const dockerConfig = WorkflowVolume.fromSecret('docker-config', SecretRef.fromName('docker-config'));
      const image = wt.addContainerTemplate('image', {
        inputs: [imagePath, imageName], volumes: [dockerConfig],
        readinessProbe: ContainerProbe.exec(['sh', '-c', 'buildctl debug workers']), image: 'moby/buildkit:v0.9.3-rootless',
        volumeMounts: [{ volume: work, mountPath: '/work' }, { volume: dockerConfig, mountPath: '/.docker' }], workingDir: `/work/${imagePath}`,
        env: { BUILDKITD_FLAGS: '--oci-worker-no-process-sandbox', DOCKER_CONFIG: '/.docker' }, command: ['buildctl-daemonless.sh'],
        args: ['build', '--frontend', 'dockerfile.v0', '--local', 'context=.', '--local', 'dockerfile=.', '--output', `type=image,name=docker.io/${imageName},push=true`],
      });
      const cl = main.addTask('clone', clone, { arguments: [cloneRepo.set(repo), cloneBranch.set(branchArg)] });
      const b = main.addTask('build', build, { arguments: [buildPath.set(pathArg)], depends: cl });
      main.addTask('image', image, { arguments: [imagePath.set(pathArg), imageName.set(imageArg)], depends: b });
    },
  },
  {
    file: 'influxdb-ci.yaml', title: 'checkout, build and tests of InfluxDB passing artifacts between steps, a daemoned server fed by clients',
    build: c => {
      const wf = workflow(c, 'influxdb-ci-');
      const repo = wf.addArgument('repo', { value: 'https://github.com/influxdata/influxdb.git' });
      const revision = wf.addArgument('revision', { value: '1.6' });
      const main = wf.addStepsTemplate('influxdb-ci');
      const goSrc = '/go/src/github.com/influxdata/influxdb';
      const dep = ' cd /go/src/github.com/influxdata/influxdb && go get github.com/golang/dep/cmd/dep && dep ensure -vendor-only && ';
      const sourceOut = new OutputArtifact('source', { path: '/src' });
      const checkout = wf.addContainerTemplate('checkout', {
        inputs: [new InputArtifact('source', { path: '/src', location: ArtifactLocation.git({ repo, revision }) })], outputs: [sourceOut],
        image: 'golang:1.18', command: ['/bin/sh', '-c'], args: ['cd /src && git status && ls -l'],
      });
      const buildSource = new InputArtifact('source', { path: goSrc });
      const influxd = new OutputArtifact('influxd', { path: '/go/bin' });
      const build = wf.addContainerTemplate('build', {
        inputs: [buildSource], outputs: [influxd], image: 'golang:1.18', command: ['/bin/sh', '-c'], args: [`${dep}go install -v ./... `],
        resources: { memory: { request: '1024Mi' }, cpu: { request: '200m' } },
      });
      const unitSource = new InputArtifact('source', { path: goSrc });
      const unit = wf.addContainerTemplate('test-unit', { inputs: [unitSource], image: 'golang:1.18', command: ['/bin/sh', '-c'], args: [`${dep}go test -parallel=1 ./... `] });
      const covSource = new InputArtifact('source');
      const cov = wf.addStepsTemplate('test-cov', { inputs: [covSource] });
      const pkg = new InputParameter('package');
      const baseSource = new InputArtifact('source', { path: goSrc });
      const covBase = wf.addContainerTemplate('test-cov-base', {
        inputs: [pkg, baseSource], outputs: [new OutputArtifact('covreport', { path: '/tmp/index.html' })], image: 'golang:1.18', command: ['/bin/sh', '-c'],
        args: [`${dep}go test -v -coverprofile /tmp/cov.out ./${pkg} && go tool cover -html=/tmp/cov.out -o /tmp/index.html `],
        resources: { memory: { request: '4096Mi' }, cpu: { request: '200m' } },
      });
      cov.addParallelSteps(
        ['test-cov-query', covBase, { arguments: [pkg.set('query'), baseSource.from(covSource)] }],
        ['test-cov-tsm1', covBase, { arguments: [pkg.set('tsdb/engine/tsm1'), baseSource.from(covSource)] }]);
      const e2eInfluxd = new InputArtifact('influxd');
      const e2e = wf.addStepsTemplate('test-e2e', { inputs: [e2eInfluxd] });
      const serverInfluxd = new InputArtifact('influxd', { path: '/app' });
      const server = wf.addContainerTemplate('influxdb-server', {
        inputs: [serverInfluxd], daemon: true, outputs: [new OutputArtifact('data', { path: '/var/lib/influxdb/data' })], image: 'busybox',
        readinessProbe: ContainerProbe.httpGet('/ping', { port: 8086, initialDelay: Duration.seconds(5), timeout: Duration.seconds(1) }),
        command: ['/bin/sh', '-c'], args: ['chmod +x /app/influxd && /app/influxd'], resources: { memory: { request: Size.mebibytes(512) }, cpu: { request: '250m' } },
      });
      const cmd = new InputParameter('cmd');
      const client = wf.addContainerTemplate('influxdb-client', {
        inputs: [cmd], image: 'curlimages/curl:latest', command: ['/bin/sh', '-c'], args: [cmd], resources: { memory: { request: Size.mebibytes(32) }, cpu: { request: '100m' } },
      });
      const co = main.addStep('checkout', checkout);
      const [b] = main.addParallelSteps(
        ['build', build, { arguments: [buildSource.from(co.outputArtifact(sourceOut))] }],
        ['test-unit', unit, { arguments: [unitSource.from(co.outputArtifact(sourceOut))] }]);
      main.addParallelSteps(['test-cov', cov, { arguments: [covSource.from(co.outputArtifact(sourceOut))] }], ['test-e2e', e2e, { arguments: [e2eInfluxd.from(b.outputArtifact(influxd))] }]);
      const s = e2e.addStep('influxdb-server', server, { arguments: [serverInfluxd.from(e2eInfluxd)] });
      const ip = s.ip;
      e2e.addStep('initdb', client, { arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"`)] });
      e2e.addParallelSteps(
        ['producer1', client, { arguments: [cmd.set(`for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`)] }],
        ['producer2', client, { arguments: [cmd.set(`for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`)] }],
        ['producer3', client, { arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`)] }],
        ['consumer', client, { arguments: [cmd.set(`curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`)] }]);
    },
  },
  {
    file: 'workflow-event-binding/github-path-filter-workflowtemplate.yaml', title: 'a WorkflowTemplate run for GitHub pushes touching given paths',
    build: c => { githubPathFilter(c); },
  },
  {
    file: 'workflow-event-binding/github-path-filter-workfloweventbinding.yaml', title: 'a binding selecting GitHub push events by the paths they touch, the files as a parameter',
    pick: docs => docs.filter(d => d.kind === 'WorkflowEventBinding'),
    build: c => {
      const { wt, files } = githubPathFilter(c);
      new WorkflowEventBinding(c, 'binding', {
        metadata: { name: 'github-path-filter' }, selector: fixture('github-path-filter-selector.expr'), workflowTemplate: wt,
        arguments: [{ parameter: files, fromEvent: fixture('github-path-filter-files.expr') }],
      });
    },
  },
  {
    file: 'variables-showcase.yaml', title: 'every variable of Argo\'s catalogue but CronWorkflow\'s, each from the typed API',
    build: c => variablesShowcase(c),
  },
];

function githubPathFilter(c: import('constructs').Construct) {
  const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'github-path-filter' } });
  const files = wt.addArgument('files', { value: '[]' });
  const main = wt.addStepsTemplate('main');
  wt.setEntrypoint(main);
  const f = new InputParameter('files');
  const argosay = wt.addContainerTemplate('argosay', { inputs: [f], image: 'argoproj/argosay:v2', args: ['echo', `Files affected by commit: ${f}`] });
  main.addStep('a', argosay, { arguments: [f.set(files)] });
  return { wt, files };
}

/** variables-showcase.yaml: every non-cron variable of the catalogue, each from the typed API. */
function variablesShowcase(c: import('constructs').Construct): void {
  const w = WorkflowVariables;
  const t = TemplateVariables;
  const m = MetricVariables;
  const seed = new InputArtifact('seed');
  const wf = new Workflow(c, 'wf', {
    generateName: 'variables-showcase-',
    metadata: {
      annotations: { 'workflows.argoproj.io/scheduled-time': '2026-04-29T00:00:00Z', 'workflows.argoproj.io/description': 'Showcase of every non-cronworkflow variable', 'example.io/owner': 'platform-team' },
      labels: { app: 'variables-demo', tier: 'example' },
    },
    serviceAccount: ServiceAccountRef.fromName('default'), priority: 5,
    arguments: [seed.from(ArtifactLocation.raw({ data: 'seed-content' }))],
  });
  const greeting = wf.addArgument('greeting', { value: 'hello' });
  const target = wf.addArgument('target', { value: 'world' });

  const main = wf.addStepsTemplate('main', { inputs: [seed] });
  const greetingOut = new OutputParameter('greeting-out', { valueFrom: OutputSource.fromPath('/tmp/out.txt'), globalName: 'prepared-param' });
  const prepared = new OutputArtifact('prepared', { path: '/tmp/payload.txt', globalName: 'prepared' });
  const prepare = wf.addScriptTemplate('prepare', {
    metrics: [WorkflowMetric.gauge('prepare_seconds', {
      help: 'Elapsed seconds for the prepare node.', realtime: false, value: m.duration,
      labels: { phase: m.status, code: m.exitCode, param: m.outputParameter(greetingOut), result: m.result, cpu: m.resourcesDuration('cpu'), mem: m.resourcesDuration('memory') },
    })],
    outputs: [greetingOut, prepared], image: 'alpine:3.23', command: ['sh'],
    source: `set -eu
# ---- node-ctx ----
echo "node.name           = ${t.nodeName}"
echo "pod.name            = ${t.podName}"
echo "steps.name          = ${t.stepName}"
# ---- identity ----
echo "workflow.name       = ${w.name}"
echo "workflow.namespace  = ${w.namespace}"
echo "workflow.uid        = ${w.uid}"
echo "workflow.entrypoint = ${w.mainEntrypoint}"
echo "workflow.sa         = ${w.serviceAccountName}"
echo "workflow.priority   = ${w.priority}"
# ---- timestamps ----
echo "ts.raw              = ${w.creationTimestamp}"
echo "ts.RFC3339          = ${w.creationTimestamp.rfc3339}"
echo "ts.epoch-seconds    = ${w.creationTimestamp.unixSeconds}"
echo "ts.year (strftime)  = ${w.creationTimestamp.year}"
echo "ts.scheduled        = ${w.scheduledTime}"
# ---- metadata maps ----
echo "annotations.deprec  = ${w.annotationsAll}"
echo "annotations.json    = ${w.annotationsJson}"
echo "annotations.owner   = ${w.annotation('example.io/owner')}"
echo "labels.deprecated   = ${w.labelsAll}"
echo "labels.json         = ${w.labelsJson}"
echo "labels.app          = ${w.label('app')}"
# ---- parameters ----
echo "params.deprecated   = ${w.parametersAll}"
echo "params.json         = ${w.parametersJson}"
echo "params.greeting     = ${greeting}"
echo "params.target       = ${target}"
# ---- runtime ----
echo "workflow.duration   = ${w.duration}"
echo "workflow.status     = ${w.status}"
# ---- output declared paths (pod-side) ----
echo "out.param.path      = ${greetingOut.pathVariable}"
echo "out.artifact.path   = ${prepared.pathVariable}"
# The final stdout line is captured as outputs.result for this
# script node (exposed downstream as steps.prepare.outputs.result).
printf 'greeting=%s target=%s' '${greeting}' '${target}' > /tmp/out.txt
cp /tmp/out.txt /tmp/payload.txt
echo "PREPARED"
`,
  });

  const [msg, ctx] = [new InputParameter('msg'), new InputParameter('ctx')];
  const inArt = new InputArtifact('in-art', { path: '/work/in.txt' });
  const echoed = new OutputParameter('echoed', { valueFrom: OutputSource.fromPath('/work/echoed.txt') });
  const perItem = wf.addScriptTemplate('per-item', {
    inputs: [msg, ctx, inArt], retryStrategy: { limit: '2', retryPolicy: RetryPolicy.ON_ERROR }, outputs: [echoed], image: 'alpine:3.23', command: ['sh'],
    source: `# Loop aggregation parses each child's stdout as JSON, so
# diagnostics go to stderr and the final line on stdout is a
# JSON value.
{
  set -eu
  # \`item\` and \`item.<key>\` are referenced at the call site
  # (main → fanout arguments) — the static validator does not
  # propagate item scope into inner template bodies.
  # ---- inputs ----
  echo "inputs.parameters   = ${t.inputParametersJson}"
  echo "inputs.params.msg   = ${msg}"
  echo "inputs.params.ctx   = ${ctx}"
  echo "inputs.art.path     = ${inArt.pathVariable}"
  cat /work/in.txt
  # ---- retry ----
  echo "retries             = ${t.retries}"
  echo "lastRetry.status    = ${t.lastRetryStatus}"
  echo "lastRetry.exitCode  = ${t.lastRetryExitCode}"
  echo "lastRetry.duration  = ${t.lastRetryDuration}"
  echo "lastRetry.message   = ${t.lastRetryMessage}"
  # ---- node-ctx (also valid here) ----
  echo "node.name           = ${t.nodeName}"
  echo "pod.name            = ${t.podName}"
  # ---- output param path ----
  echo "out.param.path      = ${echoed.pathVariable}"
} >&2
printf '%s' '${msg}' > /work/echoed.txt
# outputs.result must be a JSON value for loop aggregation:
printf '{"msg":"%s"}\\n' '${msg}'
`,
  });

  const consumeNames = ['fanout-result', 'fanout-all-params', 'fanout-named-params', 'prep-id', 'prep-status', 'prep-host', 'svc-ip', 'prep-started', 'prep-finished', 'prep-exit', 'prep-result', 'prep-param', 'step-name'];
  const ci = Object.fromEntries(consumeNames.map(n => [n, new InputParameter(n)]));
  const seedArt = new InputArtifact('seed-art', { path: '/tmp/seed.txt' });
  const consume = wf.addContainerTemplate('consume', {
    inputs: [...Object.values(ci), seedArt], image: 'alpine:3.23', command: ['sh', '-c'],
    args: [`echo "fanout.result        = ${ci['fanout-result']}"
echo "fanout.all-params    = ${ci['fanout-all-params']}"
echo "fanout.echoed-param  = ${ci['fanout-named-params']}"
echo "prepare.id           = ${ci['prep-id']}"
echo "prepare.status       = ${ci['prep-status']}"
echo "prepare.host         = ${ci['prep-host']}"
echo "svc.ip               = ${ci['svc-ip']}"
echo "prepare.startedAt    = ${ci['prep-started']}"
echo "prepare.finishedAt   = ${ci['prep-finished']}"
echo "prepare.exitCode     = ${ci['prep-exit']}"
echo "prepare.result       = ${ci['prep-result']}"
echo "prepare.param        = ${ci['prep-param']}"
echo "current step.name    = ${ci['step-name']}"
echo "seed-art.path        = ${seedArt.pathVariable}"
cat /tmp/seed.txt
`],
  });

  const dag = wf.addDagTemplate('dag');
  const leafNames = ['a-id', 'a-status', 'a-host', 'svc-ip', 'a-started', 'a-finished', 'a-exit', 'a-result', 'a-param'];
  const tag = new InputParameter('tag');
  const li = Object.fromEntries(leafNames.map(n => [n, new InputParameter(n, { value: '' })]));
  const leafArt = new InputArtifact('in-art', { path: '/work/in', optional: true });
  const leafEchoed = new OutputParameter('echoed', { valueFrom: OutputSource.fromPath('/work/out.txt') });
  const bundle = new OutputArtifact('bundle', { path: '/work/bundle.txt' });
  const leaf = wf.addScriptTemplate('dag-leaf', {
    inputs: [tag, ...Object.values(li), leafArt], outputs: [leafEchoed, bundle], image: 'alpine:3.23', command: ['sh'],
    source: `# Same JSON-on-stdout convention as per-item: c-loop calls this
# template via withParam, so its result is loop-aggregated.
{
  set -eu
  mkdir -p /work
  # tasks.name is substituted by the controller's local-params pass
  # to the calling task's name (e.g. "a", "b", "c-loop[0]").
  echo "tag=${tag} tasks.name=${t.taskName}"
  echo "a-id=${li['a-id']} status=${li['a-status']}"
  echo "a-host=${li['a-host']} svc-ip=${li['svc-ip']}"
  echo "a-started=${li['a-started']} finished=${li['a-finished']}"
  echo "a-exit=${li['a-exit']} result=${li['a-result']}"
  echo "a-param=${li['a-param']}"
} >&2
printf 'tag=%s' '${tag}' > /work/out.txt
cp /work/out.txt /work/bundle.txt
printf '{"tag":"%s"}\\n' '${tag}'
`,
  });
  const [loopResult, loopAll, loopNamed] = ['loop-result', 'loop-all-params', 'loop-named-params'].map(n => new InputParameter(n));
  const gather = wf.addContainerTemplate('dag-gather', {
    inputs: [loopResult, loopAll, loopNamed], image: 'alpine:3.23', command: ['sh', '-c'],
    args: [`echo "c-loop.result       = ${loopResult}"\necho "c-loop.all-params   = ${loopAll}"\necho "c-loop.named-params = ${loopNamed}"\n`],
  });
  const svc = wf.addContainerTemplate('svc-daemon', {
    daemon: true, image: 'alpine:3.23', command: ['sh', '-c'], args: ['nc -lk -p 9999 -e /bin/true'],
    readinessProbe: ContainerProbe.tcpSocket(9999, { initialDelay: Duration.seconds(1), timeout: Duration.seconds(1) }),
  });

  const exitHandler = wf.addStepsTemplate('exit-handler');
  const [finalStatus, finalDuration, failures, globalParam] = ['final-status', 'final-duration', 'failures', 'global-param'].map(n => new InputParameter(n));
  const globalArt = new InputArtifact('global-art', { path: '/tmp/global.txt' });
  const report = wf.addContainerTemplate('exit-report', {
    inputs: [finalStatus, finalDuration, failures, globalParam, globalArt], image: 'alpine:3.23', command: ['sh', '-c'],
    args: [`echo "workflow.status                  = ${finalStatus}"\necho "workflow.duration                = ${finalDuration}"\n`
      + `echo "workflow.failures                = ${failures}"\necho "workflow.outputs.params.prepared = ${globalParam}"\ncat /tmp/global.txt\n`],
  });

  const [p, s] = main.addParallelSteps(['prepare', prepare], ['svc', svc]);
  const fanout = main.addStep('fanout', perItem, {
    arguments: [msg.set(`${Loop.itemField('k')}=${Loop.itemField('v')}`), ctx.set(Loop.item), inArt.from(p.outputArtifact(prepared))],
    loop: Loop.items([{ k: 'alpha', v: '1' }, { k: 'beta', v: '2' }]),
  });
  main.addStep('consume', consume, {
    arguments: [
      ci['fanout-result'].set(fanout.result), ci['fanout-all-params'].set(fanout.outputParametersJson), ci['fanout-named-params'].set(fanout.output(echoed)),
      ci['prep-id'].set(p.id), ci['prep-status'].set(p.status), ci['prep-host'].set(p.hostNodeName), ci['svc-ip'].set(s.ip), ci['prep-started'].set(p.startedAt),
      ci['prep-finished'].set(p.finishedAt), ci['prep-exit'].set(p.exitCode), ci['prep-result'].set(p.result), ci['prep-param'].set(p.output(greetingOut)),
      ci['step-name'].set(t.stepName), seedArt.from(seed),
    ],
  });
  main.addStep('dag-stage', dag);

  const ts = dag.addTask('svc', svc);
  const a = dag.addTask('a', leaf, { arguments: [tag.set('a')] });
  const b = dag.addTask('b', leaf, {
    depends: Depends.and(a, ts),
    arguments: [
      tag.set('b'), li['a-id'].set(a.id), li['a-status'].set(a.status), li['a-host'].set(a.hostNodeName), li['svc-ip'].set(ts.ip), li['a-started'].set(a.startedAt),
      li['a-finished'].set(a.finishedAt), li['a-exit'].set(a.exitCode), li['a-result'].set(a.result), li['a-param'].set(a.output(leafEchoed)), leafArt.from(a.outputArtifact(bundle)),
    ],
  });
  const cLoop = dag.addTask('c-loop', leaf, { depends: b, arguments: [tag.set(Loop.item)], loop: Loop.fromParameter('["x","y","z"]') });
  dag.addTask('gather', gather, {
    depends: cLoop, arguments: [loopResult.set(cLoop.result), loopAll.set(cLoop.outputParametersJson), loopNamed.set(cLoop.output(leafEchoed))],
  });

  exitHandler.addStep('report', report, {
    arguments: [finalStatus.set(w.status), finalDuration.set(w.duration), failures.set(w.failures), globalParam.set(greetingOut.global), globalArt.from(prepared.global)],
  });
  wf.setEntrypoint(main);
  wf.setOnExit(exitHandler);
}
