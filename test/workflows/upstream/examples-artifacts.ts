/** Upstream examples rebuilt with the typed API: artifacts (every location, passing, sub-paths, GC, archives), outputs and suspend inputs. */
import { Size } from 'cdk8s';
import {
  argoExpr, ArtifactArchive, ArtifactGcStrategy, ArtifactLocation, HttpArtifactAuth, InputArtifact, InputParameter, Loop, OutputArtifact,
  OutputParameter, OutputSource, SecretRef, Workflow, WorkflowVariables, WorkflowVolume,
} from '../../../src';
import { UpstreamExample } from './compare';
import { printMessage, workflow } from './examples-steps';

const secretKey = (name: string, key: string) => ({ secret: SecretRef.fromName(name), key });

/** hello-world-to-file writing /tmp/hello_world.txt, an output artifact at `location`; print-message-from-file reading it. */
function helloArtifact(wf: Workflow, options: { readonly output?: ConstructorParameters<typeof OutputArtifact>[1]; readonly input?: ConstructorParameters<typeof InputArtifact>[1]; readonly sleep?: boolean } = {}) {
  const helloArt = new OutputArtifact('hello-art', { path: '/tmp/hello_world.txt', ...options.output });
  const toFile = wf.addContainerTemplate('hello-world-to-file', {
    image: 'busybox', command: ['sh', '-c'], args: [`${options.sleep === false ? '' : 'sleep 1; '}echo hello world | tee /tmp/hello_world.txt`], outputs: [helloArt],
  });
  const message = new InputArtifact('message', { path: '/tmp/message', ...options.input });
  const fromFile = wf.addContainerTemplate('print-message-from-file', { image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'], inputs: [message] });
  return { helloArt, toFile, message, fromFile };
}

function inputArtifactExample(generateName: string, templateName: string, location: ArtifactLocation, name = 'my-art', path = '/my-artifact', container: { image: string; args: string[]; workingDir?: string } = { image: 'debian:latest', args: ['ls -l /my-artifact'] }): UpstreamExample['build'] {
  return c => {
    const wf = workflow(c, generateName);
    const art = new InputArtifact(name, { path, location });
    wf.addContainerTemplate(templateName, { inputs: [art], image: container.image, command: ['sh', '-c'], args: container.args, workingDir: container.workingDir });
  };
}

function outputArtifactExample(generateName: string, location: ArtifactLocation): UpstreamExample['build'] {
  return c => {
    const wf = workflow(c, generateName);
    wf.addContainerTemplate('hello-world-to-file', {
      image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'],
      outputs: [new OutputArtifact('message', { path: '/tmp', location })],
    });
  };
}

const MINIO = { bucket: 'my-bucket', endpoint: 'minio:9000', insecure: true, accessKey: secretKey('my-minio-cred', 'accesskey'), secretKey: secretKey('my-minio-cred', 'secretkey') };

export const ARTIFACT_EXAMPLES: UpstreamExample[] = [
  {
    file: 'artifact-passing.yaml', title: 'an output artifact passed to the next step',
    build: c => {
      const wf = workflow(c, 'artifact-passing-');
      const main = wf.addStepsTemplate('artifact-example');
      const { helloArt, toFile, message, fromFile } = helloArtifact(wf);
      const generate = main.addStep('generate-artifact', toFile);
      main.addStep('consume-artifact', fromFile, { arguments: [message.from(generate.outputArtifact(helloArt))] });
    },
  },
  {
    file: 'artifact-passing-subpath.yaml', title: 'an artifact argument taking a sub-path of a directory artifact',
    build: c => {
      const wf = workflow(c, 'artifact-passing-subpath-');
      const main = wf.addStepsTemplate('artifact-example');
      const helloArt = new OutputArtifact('hello-art', { path: '/tmp/', archive: ArtifactArchive.none() });
      const toFile = wf.addContainerTemplate('hello-world-to-file', { image: 'busybox', command: ['sh', '-c'], args: ['sleep 1; echo hello world | tee /tmp/hello_world.txt'], outputs: [helloArt] });
      const dirMessage = new InputArtifact('message', { path: '/tmp/message' });
      const listDir = wf.addContainerTemplate('print-message-dir', { inputs: [dirMessage], image: 'busybox', command: ['sh', '-c'], args: ['ls /tmp/message'] });
      const fileMessage = new InputArtifact('message', { path: '/tmp/message' });
      const fromFile = wf.addContainerTemplate('print-message-from-file', { inputs: [fileMessage], image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/message'] });
      const generate = main.addStep('generate-artifact', toFile);
      main.addStep('list-artifact', listDir, { arguments: [dirMessage.from(generate.outputArtifact(helloArt))] });
      main.addStep('consume-artifact', fromFile, { arguments: [fileMessage.from(generate.outputArtifact(helloArt), { subPath: 'hello_world.txt' })] });
    },
  },
  {
    file: 'artifact-passing-explicit-plugin.yaml', title: 'an output artifact stored by an artifact driver plugin',
    v4Only: 'artifact driver plugins (the plugin location) are new in Argo Workflows v4',
    build: c => {
      const wf = workflow(c, 'artifact-passing-');
      const main = wf.addStepsTemplate('artifact-example');
      const { helloArt, toFile, message, fromFile } = helloArtifact(wf, {
        output: {
          location: ArtifactLocation.plugin({
            name: 'test', key: 'hi',
            configuration: 'bucket: my-bucket\nendpoint: minio:9000\ninsecure: true\naccessKeySecret:\n  name: my-minio-cred\n  key: accesskey\nsecretKeySecret:\n  name: my-minio-cred\n  key: secretkey\n',
          }),
        },
      });
      const generate = main.addStep('generate-artifact', toFile);
      main.addStep('consume-artifact', fromFile, { arguments: [message.from(generate.outputArtifact(helloArt))] });
    },
  },
  {
    file: 'artifactory-artifact.yaml', title: 'Artifactory output and input artifacts with credentials from a Secret',
    build: c => {
      const wf = workflow(c, 'artifactory-artifact-');
      const main = wf.addStepsTemplate('artifact-example');
      const artifactory = () => ArtifactLocation.artifactory({
        url: 'http://artifactory:8081/artifactory/generic-local/hello_world.tgz',
        username: secretKey('my-artifactory-credentials', 'username'), password: secretKey('my-artifactory-credentials', 'password'),
      });
      const { helloArt, toFile, message, fromFile } = helloArtifact(wf, { output: { location: artifactory() }, input: { location: artifactory() }, sleep: false });
      const generate = main.addStep('generate-artifact', toFile);
      main.addStep('consume-artifact', fromFile, { arguments: [message.from(generate.outputArtifact(helloArt))] });
    },
  },
  {
    file: 'hdfs-artifact.yaml', title: 'HDFS output and input artifacts',
    build: c => {
      const wf = workflow(c, 'hdfs-artifact-');
      const main = wf.addStepsTemplate('artifact-example');
      const hdfs = () => ArtifactLocation.hdfs({
        addresses: ['my-hdfs-namenode-0.my-hdfs-namenode.default.svc.cluster.local:8020', 'my-hdfs-namenode-1.my-hdfs-namenode.default.svc.cluster.local:8020'],
        path: '/tmp/argo/foo', hdfsUser: 'root', force: true,
      });
      const helloArt = new OutputArtifact('hello-art', { path: '/tmp/hello_world.txt', location: hdfs() });
      const toFile = wf.addContainerTemplate('hello-world-to-file', { image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'], outputs: [helloArt] });
      const message = new InputArtifact('message', { path: '/tmp/message', location: hdfs() });
      const fromHdfs = wf.addContainerTemplate('print-message-from-hdfs', { inputs: [message], image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /tmp/message'] });
      const generate = main.addStep('generate-artifact', toFile);
      main.addStep('consume-artifact', fromHdfs, { arguments: [message.from(generate.outputArtifact(helloArt))] });
    },
  },
  {
    file: 'input-artifact-s3.yaml', title: 'an S3 input artifact, credentials from a Secret',
    build: inputArtifactExample('input-artifact-s3-', 'input-artifact-s3-example', ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', bucket: 'my-bucket-name', key: 'path/in/bucket', region: 'us-west-2',
      accessKey: secretKey('my-s3-credentials', 'accessKey'), secretKey: secretKey('my-s3-credentials', 'secretKey'),
    })),
  },
  {
    file: 'input-artifact-gcs.yaml', title: 'a GCS input artifact',
    build: inputArtifactExample('input-artifact-gcs-', 'input-artifact-gcs-example', ArtifactLocation.gcs({
      bucket: 'my-bucket-name', key: 'path/in/bucket', serviceAccountKey: secretKey('my-gcs-credentials', 'serviceAccountKey'),
    })),
  },
  {
    file: 'input-artifact-azure.yaml', title: 'an Azure Blob Storage input artifact',
    build: inputArtifactExample('input-artifact-s3-', 'input-artifact-s3-example', ArtifactLocation.azure({
      endpoint: 'https://myazurestorageaccountname.blob.core.windows.net', container: 'my-container', blob: 'path/in/container',
      accountKey: secretKey('my-azure-credentials', 'accountKey'),
    })),
  },
  {
    file: 'input-artifact-oss.yaml', title: 'an Alibaba OSS input artifact',
    build: inputArtifactExample('input-artifact-oss-', 'input-artifact-oss-example', ArtifactLocation.oss({
      endpoint: 'http://oss-cn-hangzhou-zmf.aliyuncs.com', bucket: 'test-bucket-name', key: 'test/mydirectory/',
      accessKey: secretKey('my-oss-credentials', 'accessKey'), secretKey: secretKey('my-oss-credentials', 'secretKey'),
    })),
  },
  {
    file: 'input-artifact-git.yaml', title: 'a Git checkout as input artifact, the container working in it',
    build: inputArtifactExample('input-artifact-git-', 'git-clone', ArtifactLocation.git({ repo: 'https://github.com/argoproj/argo-workflows.git', revision: 'v2.1.1' }),
      'argo-source', '/src', { image: 'golang:1.10', args: ['git status && ls && cat VERSION'], workingDir: '/src' }),
  },
  {
    file: 'input-artifact-http.yaml', title: 'an HTTP download with a file mode',
    build: c => {
      const wf = workflow(c, 'input-artifact-http-');
      const kubectl = new InputArtifact('kubectl', {
        path: '/bin/kubectl', mode: 0o755, location: ArtifactLocation.http({ url: 'https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl' }),
      });
      wf.addContainerTemplate('http-artifact-example', { inputs: [kubectl], image: 'alpine:3.23', command: ['sh', '-c'], args: ['kubectl version'] });
    },
  },
  {
    file: 'input-artifact-raw.yaml', title: 'literal file contents as input artifact',
    build: c => {
      const wf = workflow(c, 'input-artifact-raw-');
      const myfile = new InputArtifact('myfile', { path: '/tmp/file', location: ArtifactLocation.raw({ data: 'this is\nthe raw file\ncontents\n' }) });
      wf.addContainerTemplate('raw-contents', { inputs: [myfile], image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /tmp/file'] });
    },
  },
  {
    file: 'arguments-artifacts.yaml', title: 'a workflow argument gives the entrypoint\'s input artifact an HTTP location',
    build: c => {
      const kubectl = new InputArtifact('kubectl', { path: '/usr/local/bin/kubectl', mode: 0o755 });
      const wf = workflow(c, 'arguments-artifacts-', {
        arguments: [kubectl.from(ArtifactLocation.http({ url: 'https://storage.googleapis.com/kubernetes-release/release/v1.8.0/bin/linux/amd64/kubectl' }))],
      });
      wf.addContainerTemplate('kubectl-input-artifact', { inputs: [kubectl], image: 'busybox', command: ['sh', '-c'], args: ['kubectl version'] });
    },
  },
  {
    file: 'output-artifact-s3.yaml', title: 'an S3 output artifact',
    build: outputArtifactExample('output-artifact-s3-', ArtifactLocation.s3({
      endpoint: 's3.amazonaws.com', bucket: 'my-bucket', region: 'us-west-2', key: 'path/in/bucket/hello_world.txt.tgz',
      accessKey: secretKey('my-s3-credentials', 'accessKey'), secretKey: secretKey('my-s3-credentials', 'secretKey'),
    })),
  },
  {
    file: 'output-artifact-gcs.yaml', title: 'a GCS output artifact',
    build: outputArtifactExample('output-artifact-gcs-', ArtifactLocation.gcs({
      bucket: 'my-bucket', key: 'path/in/bucket/hello_world.txt.tgz', serviceAccountKey: secretKey('my-gcs-credentials', 'serviceAccountKey'),
    })),
  },
  {
    file: 'output-artifact-azure.yaml', title: 'an Azure output artifact',
    build: outputArtifactExample('output-artifact-s3-', ArtifactLocation.azure({
      endpoint: 'https://myazurestorageaccountname.blob.core.windows.net', container: 'my-container', blob: 'path/in/container/hello_world.txt.tgz',
      accountKey: secretKey('my-azure-credentials', 'accountKey'),
    })),
  },
  {
    file: 'webhdfs-input-output-artifacts.yaml', title: 'HTTP artifacts with OAuth2 and client-certificate authentication and headers',
    build: c => {
      const wf = workflow(c, 'input-output-artifact-webhdfs-');
      const input = new InputArtifact('my-art', {
        path: '/my-artifact',
        location: ArtifactLocation.http({
          url: 'https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=OPEN', headers: { CustomHeader: 'CustomValue' },
          auth: HttpArtifactAuth.oauth2({
            clientId: secretKey('oauth-sec', 'clientID'), clientSecret: secretKey('oauth-sec', 'clientSecret'), tokenUrl: secretKey('oauth-sec', 'tokenURL'),
            scopes: ['some', 'scopes'], endpointParams: { customkey: 'customvalue' },
          }),
        }),
      });
      const output = new OutputArtifact('my-art2', {
        path: '/my-artifact',
        location: ArtifactLocation.http({
          url: 'https://mywebhdfsprovider.com/webhdfs/v1/file.txt?op=CREATE&overwrite=true', headers: { CustomHeader: 'CustomValue' },
          auth: HttpArtifactAuth.clientCertificate({ certificate: secretKey('cert-sec', 'certificate.pem'), privateKey: secretKey('cert-sec', 'key.pem') }),
        }),
      });
      wf.addContainerTemplate('input-output-artifact-webhdfs-example', { inputs: [input], outputs: [output], image: 'debian:latest', command: ['sh', '-c'], args: ['cat /my-artifact'] });
    },
  },
  {
    file: 'key-only-artifact.yaml', title: 'artifacts named by key only, the bucket from the artifact repository',
    build: c => {
      const wf = workflow(c, 'key-only-artifacts-');
      const main = wf.addDagTemplate('main');
      const generate = wf.addContainerTemplate('generate', {
        image: 'argoproj/argosay:v2', args: ['echo', 'hello', '/mnt/file'], outputs: [new OutputArtifact('file', { path: '/mnt/file', location: ArtifactLocation.s3({ key: 'my-file' }) })],
      });
      const consume = wf.addContainerTemplate('consume', {
        image: 'argoproj/argosay:v2', args: ['cat', '/tmp/file'], inputs: [new InputArtifact('file', { path: '/tmp/file', location: ArtifactLocation.s3({ key: 'my-file' }) })],
      });
      const g = main.addTask('generate', generate);
      main.addTask('consume', consume, { depends: g });
    },
  },
  {
    file: 'artifact-disable-archive.yaml', title: 'output artifacts without tarball, or tarred without compression',
    build: c => {
      const wf = workflow(c, 'artifact-disable-archive-');
      const main = wf.addStepsTemplate('artifact-disable-archive');
      const etc = new OutputArtifact('etc', { path: '/etc', archive: ArtifactArchive.none() });
      const txt = new OutputArtifact('hello-txt', { path: '/tmp/hello_world.txt', archive: ArtifactArchive.none() });
      const nc = new OutputArtifact('hello-txt-nc', { path: '/tmp/hello_world_nc.txt', archive: ArtifactArchive.tar(0) });
      const toFile = wf.addContainerTemplate('hello-world-to-file', {
        image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt | tee /tmp/hello_world_nc.txt ; sleep 1'], outputs: [etc, txt, nc],
      });
      const inEtc = new InputArtifact('etc', { path: '/tmp/etc' });
      const inTxt = new InputArtifact('hello-txt', { path: '/tmp/hello.txt' });
      const inNc = new InputArtifact('hello-txt-nc', { path: '/tmp/hello_nc.txt' });
      const print = wf.addContainerTemplate('print-message-from-files', {
        inputs: [inEtc, inTxt, inNc], image: 'busybox', command: ['sh', '-c'], args: ['cat /tmp/hello.txt && cat /tmp/hello_nc.txt && cd /tmp/etc && find .'],
      });
      const g = main.addStep('generate-artifact', toFile);
      main.addStep('consume-artifact', print, { arguments: [inEtc.from(g.outputArtifact(etc)), inTxt.from(g.outputArtifact(txt)), inNc.from(g.outputArtifact(nc))] });
    },
  },
  {
    file: 'artifact-gc-workflow.yaml', title: 'artifact garbage collection for the workflow and per artifact',
    build: c => {
      const wf = workflow(c, 'artifact-gc-', { artifactGc: { strategy: ArtifactGcStrategy.ON_WORKFLOW_DELETION } });
      wf.addContainerTemplate('main', {
        image: 'argoproj/argosay:v2', command: ['sh', '-c'], args: ['echo "hello world" > /tmp/on-completion.txt\necho "hello world" > /tmp/on-deletion.txt\n'],
        outputs: [
          new OutputArtifact('on-completion', { path: '/tmp/on-completion.txt', location: ArtifactLocation.s3({ key: 'on-completion.txt' }), artifactGc: { strategy: ArtifactGcStrategy.ON_WORKFLOW_COMPLETION } }),
          new OutputArtifact('on-deletion', { path: '/tmp/on-deletion.txt', location: ArtifactLocation.s3({ key: 'on-deletion.txt' }) }),
        ],
      });
    },
  },
  {
    file: 'artifact-path-placeholders.yaml', title: 'the path variables of input and output artifacts and parameters; a raw workflow argument',
    build: c => {
      const lines = new InputParameter('lines-count');
      const text = new InputArtifact('text', { path: '/inputs/text/data' });
      const wf = workflow(c, 'artifact-path-placeholders-', { arguments: [text.from(ArtifactLocation.raw({ data: '1\n2\n3\n4\n5\n' }))] });
      wf.addArgument('lines-count', { value: '3' });
      const count = new OutputParameter('actual-lines-count', { valueFrom: OutputSource.fromPath('/outputs/actual-lines-count/data') });
      const out = new OutputArtifact('text', { path: '/outputs/text/data' });
      wf.addContainerTemplate('head-lines', {
        inputs: [lines, text], outputs: [count, out], image: 'busybox',
        command: ['sh', '-c', `mkdir -p "$(dirname "${out.pathVariable}")" "$(dirname "${count.pathVariable}")" ; head -n ${lines} < "${text.pathVariable}" | tee "${out.pathVariable}" | wc -l > "${count.pathVariable}"`],
      });
    },
  },
  {
    file: 'artifact-repository-ref.yaml', title: 'a key of the namespace\'s artifact-repositories ConfigMap',
    build: c => {
      const wf = workflow(c, 'artifact-repository-ref-', { artifactRepositoryRef: { key: 'my-key' } });
      wf.addContainerTemplate('main', {
        image: 'busybox', command: ['sh', '-c'], args: ['echo hello world | tee /tmp/hello_world.txt'], outputs: [new OutputArtifact('hello_world', { path: '/tmp/hello_world.txt' })],
      });
    },
  },
  {
    file: 'archive-location.yaml', title: 'archive the logs of one template',
    build: c => {
      const wf = workflow(c, 'archive-location-');
      wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'], archiveLogs: true });
    },
  },
  {
    file: 'work-avoidance.yaml', title: 'markers loaded from and saved to S3 around the work, an exit handler, a claim template',
    build: c => {
      const work = WorkflowVolume.fromClaimTemplate('work', { storage: Size.mebibytes(10) });
      const wf = workflow(c, 'work-avoidance-', { volumes: [work] });
      const main = wf.addStepsTemplate('main');
      const markers = () => ArtifactLocation.s3({ key: 'work-avoidance-markers', ...MINIO });
      const load = wf.addContainerTemplate('load-markers', {
        inputs: [new InputArtifact('markers', { path: '/work/markers', optional: true, location: markers() })],
        image: 'busybox', command: ['mkdir', '-p', '/work/markers'], volumeMounts: [{ volume: work, mountPath: '/work' }],
      });
      const num = new InputParameter('num');
      const echo = wf.addScriptTemplate('echo', {
        inputs: [num], image: 'busybox', command: ['sh', '-eux'], volumeMounts: [{ volume: work, mountPath: '/work' }],
        source: `marker=/work/markers/$(date +%Y-%m-%d)-echo-${num}\nif [ -e  \${marker} ]; then\n  echo "work already done"\n  exit 0\nfi\necho "working very hard"\n`
          + '# toss a virtual coin and exit 1 if 1\nif [ $(($(($RANDOM%10))%2)) -eq 1 ]; then\n  echo "oh no!"\n  exit 1\nfi\ntouch ${marker}\n',
      });
      const save = wf.addContainerTemplate('save-markers', {
        image: 'busybox', command: ['true'], volumeMounts: [{ volume: work, mountPath: '/work' }],
        outputs: [new OutputArtifact('markers', { path: '/work/markers', location: markers() })],
      });
      main.addStep('load-markers', load);
      main.addStep('echo', echo, { arguments: [num.set(Loop.item)], loop: Loop.sequence({ count: '3' }) });
      wf.setEntrypoint(main);
      wf.setOnExit(save);
    },
  },
  {
    file: 'map-reduce.yaml', title: 'map-reduce over key-only S3 artifacts',
    build: c => {
      const wf = workflow(c, 'map-reduce-');
      const numParts = wf.addArgument('numParts', { value: '4' });
      const main = wf.addDagTemplate('main');
      const n = new InputParameter('numParts');
      const split = wf.addScriptTemplate('split', {
        inputs: [n], image: 'python:alpine3.23', command: ['python'],
        source: `import json\nimport os\nimport sys\nos.mkdir("/mnt/out")\npartIds = list(map(lambda x: str(x), range(${n})))\nfor i, partId in enumerate(partIds, start=1):\n`
          + '  with open("/mnt/out/" + partId + ".json", "w") as f:\n    json.dump({"foo": i}, f)\njson.dump(partIds, sys.stdout)\n',
        outputs: [new OutputArtifact('parts', { path: '/mnt/out', archive: ArtifactArchive.none(), location: ArtifactLocation.s3({ key: `${WorkflowVariables.name}/parts/` }) })],
      });
      const partId = new InputParameter('partId');
      const part = new InputArtifact('part', { path: '/mnt/in/part.json' });
      const map = wf.addScriptTemplate('map', {
        inputs: [partId, part], image: 'python:alpine3.23', command: ['python'],
        source: 'import json\nimport os\nimport sys\nos.mkdir("/mnt/out")\nwith open("/mnt/in/part.json") as f:\n  part = json.load(f)\nwith open("/mnt/out/part.json", "w") as f:\n'
          + '  json.dump({"bar": part["foo"] * 2}, f)\n',
        outputs: [new OutputArtifact('part', { path: '/mnt/out/part.json', archive: ArtifactArchive.none(), location: ArtifactLocation.s3({ key: `${WorkflowVariables.name}/results/${partId}.json` }) })],
      });
      const reduce = wf.addScriptTemplate('reduce', {
        inputs: [new InputArtifact('results', { path: '/mnt/in', location: ArtifactLocation.s3({ key: `${WorkflowVariables.name}/results` }) })], image: 'python:alpine3.23', command: ['python'],
        source: 'import json\nimport os\nimport sys\ntotal = 0\nos.mkdir("/mnt/out")\nfor f in list(map(lambda x: open("/mnt/in/" + x), os.listdir("/mnt/in"))):\n'
          + '  result = json.load(f)\n  total = total + result["bar"]\nwith open("/mnt/out/total.json" , "w") as f:\n  json.dump({"total": total}, f)\n',
        outputs: [new OutputArtifact('total', { path: '/mnt/out/total.json', archive: ArtifactArchive.none(), location: ArtifactLocation.s3({ key: `${WorkflowVariables.name}/total.json` }) })],
      });
      const s = main.addTask('split', split, { arguments: [n.set(numParts)] });
      const m = main.addTask('map', map, {
        arguments: [partId.set(Loop.item), part.from(ArtifactLocation.s3({ key: `${WorkflowVariables.name}/parts/${Loop.item}.json` }))], depends: s, loop: Loop.fromParameter(s.result),
      });
      main.addTask('reduce', reduce, { depends: m });
    },
  },
  {
    file: 'conditional-artifacts.yaml', title: 'a steps output artifact chosen by an expression (fromExpression)',
    build: c => {
      const wf = workflow(c, 'conditional-artifacts-');
      const main = wf.addStepsTemplate('main');
      const flipT = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n' });
      const writer = (side: string) => {
        const result = new OutputArtifact('result', { path: '/result.txt' });
        return { t: wf.addScriptTemplate(side, { image: 'python:alpine3.23', command: ['python'], source: `with open("result.txt", "w") as f:\n  f.write("it was ${side}")\n`, outputs: [result] }), result };
      };
      const h = writer('heads');
      const t = writer('tails');
      const flip = main.addStep('flip-coin', flipT);
      const [heads, tails] = main.addParallelSteps(['heads', h.t, { when: flip.result.eq('heads') }], ['tails', t.t, { when: flip.result.eq('tails') }]);
      main.addOutput(new OutputArtifact('result', { from: argoExpr`${flip.result} == 'heads' ? ${heads.outputArtifact(h.result)} : ${tails.outputArtifact(t.result)}` }));
    },
  },
  {
    file: 'conditional-parameters.yaml', title: 'a steps output parameter chosen by an expression',
    build: c => {
      const wf = workflow(c, 'conditional-parameter-');
      const main = wf.addStepsTemplate('main');
      const script = (name: string, source: string) => wf.addScriptTemplate(name, { image: 'python:alpine3.23', command: ['python'], source });
      const flip = main.addStep('flip-coin', script('flip-coin', 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n'));
      const [heads, tails] = main.addParallelSteps(
        ['heads', script('heads', 'print("heads")\n'), { when: flip.result.eq('heads') }],
        ['tails', script('tails', 'print("tails")\n'), { when: flip.result.eq('tails') }]);
      main.addOutput(new OutputParameter('stepresult', { valueFrom: OutputSource.fromExpression(argoExpr`${flip.result} == 'heads' ? ${heads.result} : ${tails.result}`) }));
    },
  },
  {
    file: 'global-outputs.yaml', title: 'outputs exported with globalName and read through .global',
    build: c => {
      const wf = workflow(c, 'global-outputs-');
      const generateGlobals = wf.addStepsTemplate('generate-globals');
      const helloParam = new OutputParameter('hello-param', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt'), globalName: 'my-global-param' });
      const helloArt = new OutputArtifact('hello-art', { path: '/tmp/hello_world.txt', globalName: 'my-global-art' });
      const globalOutput = wf.addContainerTemplate('global-output', {
        image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 1; echo -n hello world > /tmp/hello_world.txt'], outputs: [helloParam, helloArt],
      });
      const consumeGlobals = wf.addStepsTemplate('consume-globals');
      const param = new InputParameter('param', { value: helloParam.global });
      const consumeParam = wf.addContainerTemplate('consume-global-param', { image: 'alpine:3.23', command: ['sh', '-c'], args: [`echo ${param}`], inputs: [param] });
      const art = new InputArtifact('art', { path: '/art' });
      const consumeArt = wf.addContainerTemplate('consume-global-art', { image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /art'], inputs: [art] });
      generateGlobals.addStep('generate', globalOutput);
      generateGlobals.addStep('consume-globals', consumeGlobals);
      consumeGlobals.addParallelSteps(['consume-global-param', consumeParam], ['consume-global-art', consumeArt, { arguments: [art.from(helloArt.global)] }]);
      wf.setEntrypoint(generateGlobals);
      wf.setOnExit(consumeGlobals);
    },
  },
  {
    file: 'nested-workflow.yaml', title: 'a steps template forwarding parameters and artifacts in and out',
    build: c => {
      const wf = workflow(c, 'nested-workflow-');
      const main = wf.addStepsTemplate('nested-workflow-example');
      const outParam = new OutputParameter('out-parameter', { valueFrom: OutputSource.fromPath('/tmp/my-output-parameter.txt') });
      const outArt = new OutputArtifact('out-artifact', { path: '/tmp/my-output-artifact.txt' });
      const generate = wf.addContainerTemplate('generate', {
        image: 'busybox', command: ['sh', '-c'], args: [" echo hello world | tee /tmp/my-output-artifact.txt && echo 'my-output-parameter' > /tmp/my-output-parameter.txt "],
        outputs: [outParam, outArt],
      });
      const nestedIn = new InputParameter('nested-in-parameter');
      const nestedArt = new InputArtifact('nested-in-artifact');
      const nested = wf.addStepsTemplate('nested-wf', { inputs: [nestedIn, nestedArt] });
      const inParam = new InputParameter('in-parameter');
      const inArt = new InputArtifact('in-artifact', { path: '/tmp/art' });
      const consume = wf.addContainerTemplate('consume', {
        inputs: [inParam, inArt], image: 'alpine:3.23', command: ['sh', '-c'],
        args: [` echo 'input parameter value: ${inParam}' && echo 'input artifact contents:' && cat /tmp/art `],
      });
      const g = main.addStep('generate', generate);
      const n = main.addStep('nested-wf', nested, { arguments: [nestedIn.set(g.output(outParam)), nestedArt.from(g.outputArtifact(outArt))] });
      const [, ng] = nested.addParallelSteps(['consume', consume, { arguments: [inParam.set(nestedIn), inArt.from(nestedArt)] }], ['generate', generate]);
      const nestedOutParam = new OutputParameter('nested-out-parameter', { valueFrom: OutputSource.fromParameter(ng.output(outParam)) });
      const nestedOutArt = new OutputArtifact('nested-out-artifact', { from: ng.outputArtifact(outArt) });
      nested.addOutput(nestedOutParam);
      nested.addOutput(nestedOutArt);
      main.addStep('consume', consume, { arguments: [inParam.set(n.output(nestedOutParam)), inArt.from(n.outputArtifact(nestedOutArt))] });
    },
  },
  {
    file: 'exit-handler-with-artifacts.yaml', title: 'an exit hook passing the step\'s output artifact',
    build: c => {
      const wf = workflow(c, 'exit-handler-with-artifacts-');
      const main = wf.addStepsTemplate('main');
      const result = new OutputArtifact('result', { path: '/result.txt' });
      const output = wf.addScriptTemplate('output', { image: 'python:alpine3.23', command: ['python'], source: 'with open("result.txt", "w") as f:\n  f.write("Welcome")\n', outputs: [result] });
      const message = new InputArtifact('message', { path: '/tmp/message' });
      const exit = wf.addContainerTemplate('exit', { inputs: [message], image: 'python:alpine3.23', command: ['sh', '-c'], args: ['cat /tmp/message'] });
      const step = main.addStep('step-1', output);
      step.addExitHook(exit, { arguments: [message.from(step.outputArtifact(result))] });
    },
  },
  {
    file: 'exit-handler-with-param.yaml', title: 'an exit hook passing the step\'s output parameter',
    build: c => {
      const wf = workflow(c, 'exit-handler-with-param-');
      const main = wf.addStepsTemplate('main');
      const result = new OutputParameter('result', { valueFrom: OutputSource.fromPath('/tmp/hello_world.txt'), default: 'Foobar' });
      const output = wf.addContainerTemplate('output', { image: 'python:alpine3.23', command: ['sh', '-c'], args: ['echo -n hello world > /tmp/hello_world.txt'], outputs: [result] });
      const message = new InputParameter('message');
      const exit = wf.addScriptTemplate('exit', { inputs: [message], image: 'python:alpine3.23', command: ['python'], source: `print("${message}")\n` });
      const step = main.addStep('step-1', output);
      step.addExitHook(exit, { arguments: [message.set(step.output(result))] });
    },
  },
  {
    file: 'intermediate-parameters.yaml', title: 'a suspend template whose input offers choices and whose output is supplied on resume',
    build: c => {
      const wf = workflow(c, 'intermediate-parameters-cicd-');
      const main = wf.addStepsTemplate('cicd-pipeline');
      const approveOut = new OutputParameter('approve', { valueFrom: OutputSource.supplied() });
      const approval = wf.addSuspendTemplate('approval', {
        inputs: [new InputParameter('approve', { default: 'NO', enum: ['YES', 'NO'], description: 'Choose YES to continue workflow and deploy to production' })],
        outputs: [approveOut],
      });
      const deploy = wf.addContainerTemplate('deploy', { image: 'argoproj/argosay:v2', command: ['/argosay'], args: ['echo', 'deploying'] });
      main.addStep('deploy-pre-prod', deploy);
      const a = main.addStep('approval', approval);
      main.addStep('deploy-prod', deploy, { when: a.output(approveOut).eq('YES') });
    },
  },
  {
    file: 'suspend-template-outputs.yaml', title: 'a suspend template\'s supplied output read by the next step',
    build: c => {
      const wf = new Workflow(c, 'wf', { metadata: { name: 'suspend-outputs' } });
      const main = wf.addStepsTemplate('suspend');
      const messageOut = new OutputParameter('message', { valueFrom: OutputSource.supplied() });
      const approve = wf.addSuspendTemplate('approve', { outputs: [messageOut] });
      const { template: print, message } = printMessage(wf);
      const a = main.addStep('approve', approve);
      main.addStep('release', print, { arguments: [message.set(a.output(messageOut))] });
    },
  },
];
