/**
 * Upstream examples rebuilt with the typed API: the pod around a template (container sets,
 * sidecars, init containers, daemons and probes, volumes, secrets, pod metadata and resources,
 * scheduling, pod spec patches).
 */
import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  ContainerProbe, DagTemplate, EnvVarSource, InputParameter, Loop, OutputArtifact, OutputParameter, OutputSource, PersistentVolumeClaimRef, PodGcStrategy, SecretRef,
  ServiceAccountRef, Workflow, WorkflowMutex, WorkflowVariables, WorkflowVolume,
} from '../../../src';
import { PodSecurity } from '../../../src/core/pod-security';
import { UpstreamExample } from './compare';
import { printMessage, workflow } from './examples-steps';

const ARGOSAY = 'argoproj/argosay:v2';

/** The nginx server daemon the daemon examples share, and the client reaching it by IP. */
function nginxServer(wf: Workflow, extra: { readonly command?: string[]; readonly args?: string[]; readonly retryLimit?: string } = {}) {
  return wf.addContainerTemplate(extra.command ? 'server' : 'nginx-server', {
    retryStrategy: extra.retryLimit ? { limit: extra.retryLimit } : undefined,
    daemon: true, image: 'nginx:1.13', command: extra.command, args: extra.args,
    readinessProbe: ContainerProbe.httpGet('/', { port: 80, initialDelay: Duration.seconds(2), timeout: Duration.seconds(1) }),
  });
}

function nginxClient(wf: Workflow, name: string, mutex = false) {
  const ip = new InputParameter('server-ip');
  const template = wf.addContainerTemplate(name, {
    inputs: [ip], synchronization: mutex ? { mutexes: [WorkflowMutex.named(`client-${WorkflowVariables.uid}`)] } : undefined,
    image: 'curlimages/curl:latest', command: ['/bin/sh', '-c'], args: [`echo curl --silent -G http://${ip}:80/ && curl --silent -G http://${ip}:80/`],
  });
  return { template, ip };
}

export const POD_EXAMPLES: UpstreamExample[] = [
  {
    file: 'container-set-template/sequence-workflow.yaml', title: 'containers ordered by dependency objects',
    build: c => {
      const wf = workflow(c, 'sequence-');
      const set = wf.addContainerSetTemplate('main');
      const a = set.addContainer('a', { image: ARGOSAY });
      const b = set.addContainer('b', { image: ARGOSAY, dependencies: [a] });
      set.addContainer('c', { image: ARGOSAY, dependencies: [b] });
    },
  },
  {
    file: 'container-set-template/graph-workflow.yaml', title: 'a graph of containers in one pod',
    build: c => {
      const wf = workflow(c, 'graph-');
      const set = wf.addContainerSetTemplate('main');
      const a = set.addContainer('a', { image: ARGOSAY });
      const b = set.addContainer('b', { image: ARGOSAY, dependencies: [a] });
      const cc = set.addContainer('c', { image: ARGOSAY, dependencies: [a] });
      set.addContainer('d', { image: ARGOSAY, dependencies: [b, cc] });
    },
  },
  {
    file: 'container-set-template/parallel-workflow.yaml', title: 'parallel containers in one pod',
    build: c => {
      const set = workflow(c, 'parallel-').addContainerSetTemplate('main');
      set.addContainer('a', { image: ARGOSAY });
      set.addContainer('b', { image: ARGOSAY });
    },
  },
  {
    file: 'container-set-template/workspace-workflow.yaml', title: 'a volume shared by the containers of a set; outputs of the main container',
    build: c => {
      const wf = workflow(c, 'workspace-');
      const workspace = WorkflowVolume.emptyDir('workspace');
      const set = wf.addContainerSetTemplate('main', {
        volumes: [workspace], volumeMounts: [{ volume: workspace, mountPath: '/workspace' }],
        outputs: [new OutputParameter('out', { valueFrom: OutputSource.fromPath('/workspace/out') }), new OutputArtifact('out', { path: '/workspace/out' })],
      });
      set.addContainer('a', { image: ARGOSAY, args: ['echo', 'hi', '/workspace/out'] });
      set.addContainer('main', { image: ARGOSAY });
    },
  },
  {
    file: 'container-set-template/outputs-result-workflow.yaml', title: 'the result of a container set read by the next task',
    build: c => {
      const wf = workflow(c, 'outputs-result-');
      const main = wf.addDagTemplate('main');
      const group = wf.addContainerSetTemplate('group');
      group.addContainer('main', { image: 'python:alpine3.23', command: ['python', '-c'], args: ['print("hi")\n'] });
      const x = new InputParameter('x');
      const verify = wf.addScriptTemplate('verify', { inputs: [x], image: 'python:alpine3.23', command: ['python'], source: `assert "${x}" == "hi"\n` });
      const a = main.addTask('a', group);
      main.addTask('b', verify, { arguments: [x.set(a.result)] });
    },
    differences: [{
      reason: 'upstream lists task b\'s dependency in the older `dependencies` field; tasks emit `depends` (here derived from the a.result it reads), which Argo reads the same way and which cannot be mixed with `dependencies` (rule W26)',
      apply: (up) => {
        const b = up[0].spec.templates[0].dag.tasks[1];
        delete b.dependencies;
        b.depends = 'a';
      },
    }],
  },
  {
    file: 'artifacts-workflowtemplate.yaml', title: 'a container set producing artifacts of every kind from an HTTP input',
    build: c => {
      const { WorkflowTemplate, InputArtifact, ArtifactLocation, ArtifactArchive } = require('../../../src');
      const wt = new WorkflowTemplate(c, 'wt', { metadata: { name: 'artifacts' } });
      const vin = WorkflowVolume.emptyDir('in');
      const vout = WorkflowVolume.emptyDir('out');
      const s3 = (key: string, none = true) => ({ location: ArtifactLocation.s3({ key }), archive: none ? ArtifactArchive.none() : undefined });
      const set = wt.addContainerSetTemplate('main', {
        volumes: [vin, vout],
        inputs: [new InputArtifact('temps', { path: '/in/annual.csv', location: ArtifactLocation.http({ url: 'https://datahub.io/core/global-temp/r/annual.csv' }) })],
        volumeMounts: [{ volume: vin, mountPath: '/in' }, { volume: vout, mountPath: '/out' }],
        outputs: [
          new OutputArtifact('text-file', { path: '/out/hello.txt', ...s3('hello.txt') }),
          new OutputArtifact('json-file', { path: '/out/hello.json', ...s3('hello.json') }),
          new OutputArtifact('css-file', { path: '/out/assets/styles.css', ...s3('styles.css') }),
          new OutputArtifact('malicious-file', { path: '/out/malicious.html', ...s3('malicious.html') }),
          new OutputArtifact('report', { path: '/out', ...s3('report/') }),
          new OutputArtifact('tgz-file', { path: '/out/hello.txt', ...s3('file.tgz', false) }),
          new OutputArtifact('tgz-dir', { path: '/out', ...s3('dir.tgz', false) }),
        ],
      });
      wt.setEntrypoint(set);
      const setup = set.addContainer('setup', { image: ARGOSAY, command: ['sh', '-c'], args: ['mkdir -p /out/assets\n'] });
      set.addContainer('gnuplot', {
        image: 'remuslazar/gnuplot', dependencies: [setup],
        args: ['-e', "set xlabel 'Year'; set ylabel 'Mean';\nset grid;\nset datafile separator ',';\nset term png size 600,400;\nset output '/out/assets/global-temp.png';\n"
          + "plot '/in/annual.csv' every 2::0 skip 1 using 2:3 title 'Global Temperature' with lines linewidth 2;\n"],
      });
      set.addContainer('main', {
        image: ARGOSAY, dependencies: [setup], command: ['sh', '-c'],
        args: ['cowsay "hello world" > /out/hello.txt\n\ncat > /out/hello.json <<EOF\n{"hello": {"world": true}} \nEOF\n\n'
          + "echo '* {font-family: sans-serif}' > /out/assets/styles.css\n\ncat > /out/index.html <<EOF\n<html>\n  <head>\n"
          + "    <link rel='stylesheet' href='assets/styles.css' type='text/css'/>\n  </head>\n  <body>\n    <h1>Global Temperature</h1>\n"
          + "    <img src='assets/global-temp.png'/>\n  </body>\n</html>\nEOF\n\ncat > /out/malicious.html <<EOF\n<html>\n  <body>\n    <script>alert(1)</script>\n"
          + '    <p>This page attempts to run a script that shows an alert, but the Argo Server UI Content-Security-Policy will prevent that.</p>\n'
          + '    <p>To check, open your Web Console and see that "Blocked script execution ... because the document\'s frame is sandboxed." (or similar) is printed.</p>\n'
          + '  </body>\n</html>\nEOF\n'],
      });
    },
  },
  {
    file: 'sidecar-nginx.yaml', title: 'a sidecar next to the main container',
    build: c => {
      const wf = workflow(c, 'sidecar-nginx-');
      const t = wf.addContainerTemplate('sidecar-nginx-example', {
        image: 'curlimages/curl:latest', command: ['sh', '-c'], args: ["until `curl -G 'http://127.0.0.1/' >& /tmp/out`; do echo sleep && sleep 1; done && cat /tmp/out"],
      });
      t.addSidecar('nginx', { image: 'nginx:1.13', command: ['nginx', '-g', 'daemon off;'] });
    },
  },
  {
    file: 'sidecar.yaml', title: 'a database sidecar the main container writes to',
    build: c => {
      const wf = workflow(c, 'sidecar-');
      const t = wf.addContainerTemplate('sidecar-example', {
        image: 'alpine:3.23', command: ['sh', '-c'],
        args: [" apk update && apk add curl && until curl -XPOST 'http://127.0.0.1:8086/query' --data-urlencode 'q=CREATE DATABASE mydb' ; do sleep .5; done && "
          + "for i in $(seq 1 20); do curl -XPOST 'http://127.0.0.1:8086/write?db=mydb' -d \"cpu,host=server01,region=uswest load=$i\" ; sleep .5 ; done "],
      });
      t.addSidecar('influxdb', { image: 'influxdb:1.2', command: ['influxd'] });
    },
  },
  {
    file: 'sidecar-dind.yaml', title: 'a privileged Docker-in-Docker sidecar mirroring the main container\'s mounts',
    podSecurityOptOut: 'the Docker daemon of the sidecar runs privileged, which Pod Security "baseline" and "restricted" forbid: the template opts out with podSecurity: PodSecurity.PRIVILEGED',
    build: c => {
      const wf = workflow(c, 'sidecar-dind-');
      const t = wf.addContainerTemplate('dind-sidecar-example', {
        podSecurity: PodSecurity.PRIVILEGED,
        image: 'docker:19.03.13', command: ['sh', '-c'], args: ['until docker ps; do sleep 3; done; docker run --rm debian:latest cat /etc/os-release'],
        env: { DOCKER_HOST: '127.0.0.1' },
      });
      t.addSidecar('dind', {
        image: 'docker:19.03.13-dind', command: ['dockerd-entrypoint.sh'], env: { DOCKER_TLS_CERTDIR: '' },
        containerSecurityContext: { privileged: true }, mirrorVolumeMounts: true,
      });
    },
  },
  {
    file: 'init-container.yaml', title: 'an init container mirroring the main container\'s mounts',
    build: c => {
      const foo = WorkflowVolume.emptyDir('foo');
      const wf = workflow(c, 'init-container-', { volumes: [foo] });
      const t = wf.addContainerTemplate('init-container-example', { image: 'alpine:3.23', command: ['echo', 'bye'], volumeMounts: [{ volume: foo, mountPath: '/foo' }] });
      t.addInitContainer('hello', { image: 'alpine:3.23', command: ['echo', 'hello'], mirrorVolumeMounts: true });
    },
  },
  {
    file: 'daemon-nginx.yaml', title: 'a daemoned server ready by its probe, a client reaching it by IP',
    build: c => {
      const wf = workflow(c, 'daemon-nginx-');
      const main = wf.addStepsTemplate('daemon-nginx-example');
      const server = nginxServer(wf);
      const { template: client, ip } = nginxClient(wf, 'nginx-client');
      const s = main.addStep('nginx-server', server);
      main.addStep('nginx-client', client, { arguments: [ip.set(s.ip)] });
    },
  },
  {
    file: 'daemon-step.yaml', title: 'a daemoned database used by later steps',
    build: c => {
      const wf = workflow(c, 'daemon-step-');
      const main = wf.addStepsTemplate('daemon-example');
      const influxdb = wf.addContainerTemplate('influxdb', {
        daemon: true, image: 'influxdb:1.2', readinessProbe: ContainerProbe.httpGet('/ping', { port: 8086, initialDelay: Duration.seconds(5), timeout: Duration.seconds(1) }),
      });
      const cmd = new InputParameter('cmd');
      const client = wf.addContainerTemplate('influxdb-client', { inputs: [cmd], image: 'curlimages/curl:latest', command: ['sh', '-c'], args: [cmd] });
      const influx = main.addStep('influx', influxdb);
      const ip = influx.ip;
      main.addStep('init-database', client, { arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"`)] });
      main.addParallelSteps(
        ['producer-1', client, { arguments: [cmd.set(`for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`)] }],
        ['producer-2', client, { arguments: [cmd.set(`for i in $(seq 1 10); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`)] }],
        ['producer-3', client, { arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`)] }]);
      main.addStep('consumer', client, { arguments: [cmd.set(`curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`)] });
    },
  },
  ...(['steps', 'dag'] as const).map((kind): UpstreamExample => ({
    file: `${kind}-daemon-retry-strategy.yaml`, title: `a retried daemon reached by a looped ${kind === 'dag' ? 'task' : 'step'} holding a mutex`,
    build: c => {
      const count = kind === 'dag' ? '6' : '10';
      const wf = workflow(c, `${kind}-daemon-retry-`);
      const main = kind === 'dag' ? wf.addDagTemplate('main') : wf.addStepsTemplate('main');
      const server = nginxServer(wf, { command: ['nginx'], args: ['-g', 'daemon off;'], retryLimit: count });
      const { template: client, ip } = nginxClient(wf, 'client', true);
      if (main instanceof DagTemplate) {
        const s = main.addTask('server', server);
        main.addTask('client', client, { depends: s, arguments: [ip.set(s.ip)], loop: Loop.sequence({ count }) });
      } else {
        const s = main.addStep('server', server);
        main.addStep('client', client, { arguments: [ip.set(s.ip)], loop: Loop.sequence({ count }) });
      }
    },
  })),
  {
    file: 'volumes-emptydir.yaml', title: 'an emptyDir volume of the workflow',
    build: c => {
      const workdir = WorkflowVolume.emptyDir('workdir');
      const wf = workflow(c, 'volumes-emptydir-', { volumes: [workdir] });
      wf.addContainerTemplate('volumes-emptydir-example', {
        image: 'alpine:3.23', command: ['/bin/sh', '-c'], volumeMounts: [{ volume: workdir, mountPath: '/mnt/vol' }],
        args: [' if grep -q /mnt/vol /proc/mounts; then echo "Volume mounted and found"; else echo "Not found"; exit 1; fi '],
      });
    },
  },
  {
    file: 'volumes-existing.yaml', title: 'an existing PersistentVolumeClaim shared by two steps',
    build: c => {
      const workdir = WorkflowVolume.fromPersistentVolumeClaim('workdir', PersistentVolumeClaimRef.fromName('my-existing-volume'));
      const wf = workflow(c, 'volumes-existing-', { volumes: [workdir] });
      const main = wf.addStepsTemplate('volumes-existing-example');
      const mount = [{ volume: workdir, mountPath: '/mnt/vol' }];
      main.addStep('generate', wf.addContainerTemplate('append-to-accesslog', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo accessed at: $(date) | tee -a /mnt/vol/accesslog'], volumeMounts: mount }));
      main.addStep('print', wf.addContainerTemplate('print-accesslog', { image: 'alpine:3.23', command: ['sh', '-c'], args: ["echo 'Volume access log:'; cat /mnt/vol/accesslog"], volumeMounts: mount }));
    },
  },
  {
    file: 'volumes-pvc.yaml', title: 'a volume claim template created for each run',
    build: c => {
      const workdir = WorkflowVolume.fromClaimTemplate('workdir', { storage: Size.gibibytes(1) });
      const wf = workflow(c, 'volumes-pvc-', { volumes: [workdir] });
      const main = wf.addStepsTemplate('volumes-pvc-example');
      const mount = [{ volume: workdir, mountPath: '/mnt/vol' }];
      main.addStep('generate', wf.addContainerTemplate('hello-world-to-file', {
        image: 'busybox', command: ['sh', '-c'], args: ['echo generating message in volume; echo hello world | tee /mnt/vol/hello_world.txt'], volumeMounts: mount,
      }));
      main.addStep('print', wf.addContainerTemplate('print-message-from-file', {
        image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo getting message from volume; find /mnt/vol; cat /mnt/vol/hello_world.txt'], volumeMounts: mount,
      }));
    },
  },
  {
    file: 'testvolume.yaml', title: 'the PersistentVolumeClaim volumes-existing.yaml uses (a cdk8s-plus object)',
    build: c => {
      new kplus.PersistentVolumeClaim(c, 'pvc', {
        metadata: { name: 'my-existing-volume' }, accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE], storage: Size.gibibytes(1),
      });
    },
    differences: [{
      reason: 'cdk8s-plus renders its own default volumeMode (Filesystem, which is also Kubernetes\' default)',
      apply: (_up, ours) => { delete ours[0].spec.volumeMode; },
    }],
  },
  {
    file: 'secrets.yaml', title: 'a Secret as environment variable and as volume, by reference',
    build: c => {
      const secret = SecretRef.fromName('my-secret');
      const vol = WorkflowVolume.fromSecret('my-secret-vol', secret);
      const wf = workflow(c, 'secrets-', { volumes: [vol] });
      wf.addContainerTemplate('print-secret', {
        image: 'alpine:3.23', command: ['sh', '-c'],
        args: [' echo "secret from env: $MYSECRETPASSWORD"; echo "secret from file: `cat /secret/mountpath/mypassword`" '],
        env: { MYSECRETPASSWORD: EnvVarSource.fromSecretKey({ secret, key: 'mypassword' }) },
        volumeMounts: [{ volume: vol, mountPath: '/secret/mountpath' }],
      });
    },
  },
  {
    file: 'hello-windows.yaml', title: 'a node selector for Windows nodes',
    build: c => {
      workflow(c, 'hello-windows-').addContainerTemplate('hello-win', {
        nodeSelector: { 'kubernetes.io/os': 'windows' }, image: 'mcr.microsoft.com/windows/nanoserver:1809', command: ['cmd', '/c'], args: ['echo', 'Hello from Windows Container!'],
      });
    },
  },
  {
    file: 'hello-hybrid.yaml', title: 'steps on Windows and Linux nodes',
    build: c => {
      const wf = workflow(c, 'hello-hybrid-');
      const main = wf.addStepsTemplate('mytemplate');
      main.addStep('step1', wf.addContainerTemplate('hello-win', {
        nodeSelector: { 'kubernetes.io/os': 'windows' }, image: 'mcr.microsoft.com/windows/nanoserver:1809', command: ['cmd', '/c'], args: ['echo', 'Hello from Windows Container!'],
      }));
      main.addStep('step2', wf.addContainerTemplate('hello-linux', { nodeSelector: { 'kubernetes.io/os': 'linux' }, image: 'alpine', command: ['echo'], args: ['Hello from Linux Container!'] }));
    },
  },
  {
    file: 'node-selector.yaml', title: 'a node selector value from an input',
    build: c => {
      const wf = workflow(c, 'node-selector-');
      wf.addArgument('arch', { value: 'amd64' });
      const arch = new InputParameter('arch');
      wf.addContainerTemplate('print-arch', { inputs: [arch], nodeSelector: { 'beta.kubernetes.io/arch': `${arch}` }, image: 'alpine:3.23', command: ['sh', '-c'], args: ['uname -a'] });
    },
  },
  {
    file: 'image-pull-secrets.yaml', title: 'image pull secrets by reference',
    build: c => {
      const wf = workflow(c, 'hello-world-', { imagePullSecrets: [SecretRef.fromName('docker-registry-secret')] });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'pod-metadata.yaml', title: 'labels and annotations of one template\'s pods',
    build: c => {
      const wf = workflow(c, 'steps-');
      const main = wf.addStepsTemplate('hello-hello-hello');
      const message = new InputParameter('message');
      const print = wf.addContainerTemplate('print-message', {
        inputs: [message], image: 'busybox', command: ['echo'], args: [message],
        podMetadata: { annotations: { 'iam.amazonaws.com/role': 'role-arn' }, labels: { app: 'print-message', tier: 'demo' } },
      });
      main.addStep('hello1', print, { arguments: [message.set('hello1')] });
    },
  },
  {
    file: 'pod-metadata-wf-field.yaml', title: 'labels and annotations of every pod',
    build: c => {
      const wf = workflow(c, 'steps-', { podMetadata: { annotations: { 'iam.amazonaws.com/role': 'role-arn' }, labels: { app: 'print-message', tier: 'demo' } } });
      const main = wf.addStepsTemplate('hello-hello-hello');
      const { template: print, message } = printMessage(wf);
      main.addStep('hello1', print, { arguments: [message.set('hello1')] });
    },
  },
  {
    file: 'pod-resources.yaml', v4Only: 'pod-level resources (podResources) are new in Argo Workflows v4', title: 'pod-level requests and limits',
    build: c => {
      const wf = workflow(c, 'pod-resources-', { podResources: { cpu: { request: '100m', limit: '1' }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(512) } } });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'pod-resources-template-override.yaml', v4Only: 'pod-level resources (podResources) are new in Argo Workflows v4', title: 'pod-level limits of the workflow, raised by one template',
    build: c => {
      const wf = workflow(c, 'pod-resources-template-override-', { podResources: { cpu: { limit: '1' }, memory: { limit: Size.mebibytes(512) } } });
      const main = wf.addStepsTemplate('main');
      const small = wf.addContainerTemplate('small', { image: 'busybox', command: ['echo'], args: ['small step'] });
      const large = wf.addContainerTemplate('large', { podResources: { cpu: { limit: '2' }, memory: { limit: Size.gibibytes(1) } }, image: 'busybox', command: ['sh', '-c'], args: ['sleep 5; echo large step'] });
      large.addSidecar('helper', { image: 'busybox', command: ['sh', '-c'], args: ['sleep 10'] });
      main.addStep('small', small);
      main.addStep('large', large);
    },
  },
  {
    file: 'resource-claims.yaml', v4Only: 'dynamic resource claims (resourceClaims) are new in Argo Workflows v4', title: 'a dynamic resource claim of the workflow used by a container',
    build: c => {
      const wf = workflow(c, 'resource-claims-', { resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-device-claim-template' }] });
      wf.addContainerTemplate('show-devices', { image: 'busybox', command: ['sh', '-c'], args: ['echo using the allocated device'], resources: { claims: ['accelerator'] } });
    },
  },
  {
    file: 'resource-claims-template-override.yaml', v4Only: 'dynamic resource claims (resourceClaims) are new in Argo Workflows v4', title: 'a template replacing the workflow\'s resource claim',
    build: c => {
      const wf = workflow(c, 'resource-claims-template-override-', { resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-device-claim-template' }] });
      const main = wf.addStepsTemplate('main');
      main.addStep('default-device', wf.addContainerTemplate('default-device', { image: 'busybox', command: ['echo'], args: ['using the workflow default device'], resources: { claims: ['accelerator'] } }));
      main.addStep('other-device', wf.addContainerTemplate('other-device', {
        resourceClaims: [{ name: 'accelerator', resourceClaimTemplateName: 'example-large-device-claim-template' }],
        image: 'busybox', command: ['echo'], args: ['using a different device'], resources: { claims: ['accelerator'] },
      }));
    },
  },
  {
    file: 'pod-spec-patch.yaml', title: 'a template pod spec patch reading a workflow parameter',
    build: c => {
      const wf = workflow(c, 'pod-spec-patch-');
      const cpu = wf.addArgument('cpu-limit', { value: '100m' });
      wf.addContainerTemplate('hello-world', {
        podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits":{"cpu": "${cpu}" }}}]}`, image: 'busybox', command: ['echo'], args: ['hello world'],
      });
    },
  },
  {
    file: 'pod-spec-patch-wf-tmpl.yaml', title: 'pod spec patches of the workflow (YAML) and of a template (JSON)',
    build: c => {
      // The workflow prop is given before the parameter is declared: the parameter object renders the same variable.
      const memLimit = WorkflowVariables.parameter({ name: 'mem-limit' });
      const wf = workflow(c, 'pod-spec-patch-', { podSpecPatch: `containers:\n  - name: main\n    resources:\n      limits:\n        memory: "${memLimit}"\n` });
      const cpu = wf.addArgument('cpu-limit', { value: '100m' });
      wf.addArgument('mem-limit', { value: '100Mi' });
      wf.addContainerTemplate('hello-world', {
        podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits":{"cpu": "${cpu}" }}}]}`, image: 'busybox', command: ['echo'], args: ['hello world'],
      });
    },
  },
  {
    file: 'pod-spec-yaml-patch.yaml', title: 'a workflow pod spec patch in YAML',
    build: c => {
      const wf = new Workflow(c, 'wf', {
        generateName: 'pod-spec-patch-',
        podSpecPatch: `containers:\n  - name: main\n    resources:\n      limits:\n        memory: "${WorkflowVariables.parameter({ name: 'mem-limit' })}"\n`,
      });
      wf.addArgument('mem-limit', { value: '100Mi' });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
    },
  },
  {
    file: 'pod-spec-from-previous-step.yaml', title: 'resources of a pod patched from a previous task\'s output',
    build: c => {
      const wf = workflow(c, 'pod-spec-from-previous-step-');
      const dag = wf.addDagTemplate('workflow');
      const resourcesOut = new OutputParameter('resources', { valueFrom: OutputSource.fromPath('/tmp/resources.json') });
      const parse = wf.addScriptTemplate('parse-resources-tmpl', {
        outputs: [resourcesOut], image: 'alpine:3.23', command: ['sh'], source: 'echo \'{"memory": "10Gi", "cpu": "2000m"}\' > /tmp/resources.json && cat /tmp/resources.json\n',
      });
      const resources = new InputParameter('resources');
      const setup = wf.addScriptTemplate('setup-resources-tmpl', {
        inputs: [resources], podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits": ${resources}, "requests": ${resources} }}]}`,
        image: 'alpine:3.23', command: ['sh'], source: `echo ${resources}\n`,
      });
      const p = dag.addTask('parse-resources', parse);
      dag.addTask('setup-resources', setup, { arguments: [resources.set(p.output(resourcesOut))] });
    },
  },
  {
    file: 'pod-gc-strategy-with-label-selector.yaml', title: 'pods deleted on success, only those labelled for it',
    build: c => {
      const wf = workflow(c, 'pod-gc-strategy-with-label-selector-', { podGc: { strategy: PodGcStrategy.ON_POD_SUCCESS, deleteDelayDuration: '30s', matchLabels: { 'should-be-deleted': 'true' } } });
      const main = wf.addStepsTemplate('pod-gc-strategy-with-label-selector');
      const t = (name: string, code: string, deleted: string) => wf.addContainerTemplate(name, {
        podMetadata: { labels: { 'should-be-deleted': deleted } }, image: 'alpine:3.23', command: ['sh', '-c'], args: [`exit ${code}`],
      });
      main.addParallelSteps(['fail', t('fail', '1', 'true')], ['succeed-deleted', t('succeed-deleted', '0', 'true')], ['succeed-not-deleted', t('succeed-not-deleted', '0', 'false')]);
    },
  },
  {
    file: 'default-pdb-support.yaml', title: 'a PodDisruptionBudget for the workflow\'s pods',
    build: c => {
      const wf = workflow(c, 'default-pdb-support-', { serviceAccount: ServiceAccountRef.fromName('default'), podDisruptionBudget: { minAvailable: 9999 } });
      wf.addContainerTemplate('pdbcreate', { image: 'busybox', command: ['sh', '-c'], args: ['sleep 10'] });
    },
  },
  {
    file: 'dns-config.yaml', title: 'DNS settings of the pods, container limits',
    build: c => {
      const wf = workflow(c, 'test-dns-config-', { dnsConfig: { nameservers: ['1.2.3.4'], options: { ndots: '2' } } });
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'], resources: { memory: { limit: Size.mebibytes(32) }, cpu: { limit: '100m' } } });
    },
  },
];
