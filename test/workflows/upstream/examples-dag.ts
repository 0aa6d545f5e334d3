/** Upstream examples rebuilt with the typed API: DAGs, depends expressions, targets, conditional outputs, daemons. */
import { Duration } from 'cdk8s';
import {
  argoExpr, ContainerProbe, Depends, InputParameter, Loop, OutputArtifact, OutputParameter, OutputSource,
} from '../../../src';
import { UpstreamExample } from './compare';
import { printMessage, workflow } from './examples-steps';

const FLIP_SOURCE = 'import random\nresult = "heads" if random.randint(0,1) == 0 else "tails"\nprint(result)\n';

/** An `echo` template: `command: [echo, "{{inputs.parameters.message}}"]`. */
function echo(wf: ReturnType<typeof workflow>, image = 'busybox') {
  const message = new InputParameter('message');
  return { template: wf.addContainerTemplate('echo', { image, command: ['echo', message], inputs: [message] }), message };
}

export const DAG_EXAMPLES: UpstreamExample[] = [
  {
    file: 'dag-diamond.yaml', title: 'tasks depending on task objects',
    build: c => {
      const wf = workflow(c, 'dag-diamond-');
      const diamond = wf.addDagTemplate('diamond');
      const { template: e, message } = echo(wf);
      const a = diamond.addTask('A', e, { arguments: [message.set('A')] });
      const b = diamond.addTask('B', e, { depends: a, arguments: [message.set('B')] });
      const cc = diamond.addTask('C', e, { depends: a, arguments: [message.set('C')] });
      diamond.addTask('D', e, { depends: [b, cc], arguments: [message.set('D')] });
    },
  },
  {
    file: 'dag-enhanced-depends.yaml', title: 'depends expressions over task results',
    build: c => {
      const wf = workflow(c, 'dag-diamond-');
      const diamond = wf.addDagTemplate('diamond');
      const pass = wf.addContainerTemplate('pass', { image: 'busybox', command: ['sh', '-c', 'exit 0'] });
      const fail = wf.addContainerTemplate('fail', { image: 'busybox', command: ['sh', '-c', 'exit 1'] });
      const a = diamond.addTask('A', pass);
      const b = diamond.addTask('B', pass, { depends: a });
      const cc = diamond.addTask('C', fail, { depends: a });
      diamond.addTask('should-execute-1', pass, { depends: Depends.and(a, Depends.or(cc.succeeded, cc.failed)) });
      const se2 = diamond.addTask('should-execute-2', pass, { depends: Depends.or(b, cc) });
      const sne = diamond.addTask('should-not-execute', pass, { depends: Depends.and(b, cc) });
      diamond.addTask('should-execute-3', pass, { depends: Depends.or(se2.succeeded, sne) });
    },
  },
  {
    file: 'dag-targets.yaml', title: 'target from a workflow parameter object',
    build: c => {
      const wf = workflow(c, 'dag-target-');
      const target = wf.addArgument('target', { value: 'E' });
      const dag = wf.addDagTemplate('dag-target', { target });
      const { template: e, message } = echo(wf);
      const a = dag.addTask('A', e, { arguments: [message.set('A')] });
      const b = dag.addTask('B', e, { depends: a, arguments: [message.set('B')] });
      const cc = dag.addTask('C', e, { depends: a, arguments: [message.set('C')] });
      dag.addTask('D', e, { depends: [b, cc], arguments: [message.set('D')] });
      dag.addTask('E', e, { depends: cc, arguments: [message.set('E')] });
    },
  },
  {
    file: 'dag-multiroot.yaml', title: 'two root tasks',
    build: c => {
      const wf = workflow(c, 'dag-multiroot-');
      const { template: e, message } = echo(wf);
      const dag = wf.addDagTemplate('multiroot');
      wf.setEntrypoint(dag);
      const a = dag.addTask('A', e, { arguments: [message.set('A')] });
      const b = dag.addTask('B', e, { arguments: [message.set('B')] });
      dag.addTask('C', e, { depends: a, arguments: [message.set('C')] });
      dag.addTask('D', e, { depends: [a, b], arguments: [message.set('D')] });
    },
  },
  {
    file: 'dag-nested.yaml', title: 'a DAG whose tasks run another DAG',
    build: c => {
      const wf = workflow(c, 'dag-nested-');
      const { template: e, message } = echo(wf);
      const diamond = wf.addDagTemplate('diamond');
      wf.setEntrypoint(diamond);
      const outer = new InputParameter('message');
      const nested = wf.addDagTemplate('nested-diamond', { inputs: [outer] });
      const a = diamond.addTask('A', nested, { arguments: [outer.set('A')] });
      const b = diamond.addTask('B', nested, { depends: a, arguments: [outer.set('B')] });
      const cc = diamond.addTask('C', nested, { depends: a, arguments: [outer.set('C')] });
      diamond.addTask('D', nested, { depends: [b, cc], arguments: [outer.set('D')] });
      const na = nested.addTask('A', e, { arguments: [message.set(`${outer}A`)] });
      const nb = nested.addTask('B', e, { depends: na, arguments: [message.set(`${outer}B`)] });
      const nc = nested.addTask('C', e, { depends: na, arguments: [message.set(`${outer}C`)] });
      nested.addTask('D', e, { depends: [nb, nc], arguments: [message.set(`${outer}D`)] });
    },
  },
  {
    file: 'dag-diamond-steps.yaml', title: 'DAG tasks running a looped steps template',
    build: c => {
      const wf = workflow(c, 'dag-diamond-steps-');
      const { template: e, message } = echo(wf);
      const thrice = new InputParameter('message');
      const echoThrice = wf.addStepsTemplate('echo-thrice', { inputs: [thrice] });
      echoThrice.addStep('echo', e, { arguments: [message.set(`${thrice}${Loop.item}`)], loop: Loop.items([1, 2, 3]) });
      const diamond = wf.addDagTemplate('diamond');
      wf.setEntrypoint(diamond);
      const a = diamond.addTask('A', echoThrice, { arguments: [thrice.set('A')] });
      const b = diamond.addTask('B', echoThrice, { depends: a, arguments: [thrice.set('B')] });
      const cc = diamond.addTask('C', echoThrice, { depends: a, arguments: [thrice.set('C')] });
      diamond.addTask('D', echoThrice, { depends: [b, cc], arguments: [thrice.set('D')] });
    },
  },
  {
    file: 'dag-coinflip.yaml', title: 'DAG tasks running a recursive steps template',
    build: c => {
      const wf = workflow(c, 'dag-diamond-coinflip-');
      const diamond = wf.addDagTemplate('diamond');
      const coinflip = wf.addStepsTemplate('coinflip');
      const flipCoin = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: FLIP_SOURCE });
      const heads = wf.addContainerTemplate('heads', { image: 'busybox', command: ['sh', '-c'], args: ['echo "it was heads"'] });
      const a = diamond.addTask('A', coinflip);
      const b = diamond.addTask('B', coinflip, { depends: a });
      const cc = diamond.addTask('C', coinflip, { depends: a });
      diamond.addTask('D', coinflip, { depends: [b, cc] });
      const flip = coinflip.addStep('flip-coin', flipCoin);
      coinflip.addParallelSteps(['heads', heads, { when: flip.result.eq('heads') }], ['tails', coinflip, { when: flip.result.eq('tails') }]);
    },
  },
  {
    file: 'dag-continue-on-fail.yaml', title: 'a task depending on another task having failed',
    build: c => {
      const wf = workflow(c, 'dag-contiue-on-fail-');
      const dag = wf.addDagTemplate('workflow');
      const hello = wf.addContainerTemplate('hello-world', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const fail = wf.addContainerTemplate('intentional-fail', { image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] });
      const a = dag.addTask('A', hello);
      const b = dag.addTask('B', fail, { depends: a });
      const cc = dag.addTask('C', hello, { depends: a });
      dag.addTask('D', hello, { depends: Depends.and(b.failed, cc) });
      const e = dag.addTask('E', fail, { depends: a });
      const f = dag.addTask('F', hello, { depends: a });
      dag.addTask('G', hello, { depends: [e, f] });
    },
  },
  {
    file: 'dag-disable-failFast.yaml', title: 'failFast: false keeps scheduling after a failure; retries',
    build: c => {
      const wf = workflow(c, 'dag-primay-branch-');
      const a = wf.addContainerTemplate('a', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const b = wf.addContainerTemplate('b', { retryStrategy: { limit: '2' }, image: 'busybox', command: ['sh', '-c'], args: ['sleep 30; echo haha'] });
      const cT = wf.addContainerTemplate('c', { retryStrategy: { limit: '3' }, image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 2'] });
      const d = wf.addContainerTemplate('d', { image: 'busybox', command: ['echo'], args: ['hello world'] });
      const dag = wf.addDagTemplate('statis', { failFast: false });
      wf.setEntrypoint(dag);
      const ta = dag.addTask('A', a);
      const tb = dag.addTask('B', b, { depends: ta });
      dag.addTask('C', cT, { depends: ta });
      const td = dag.addTask('D', d, { depends: tb });
      dag.addTask('E', d, { depends: td });
    },
  },
  {
    file: 'dag-task-level-timeout.yaml', title: 'a template timeout set by each task',
    build: c => {
      const wf = workflow(c, 'dag-task-level-timeout-');
      const dag = wf.addDagTemplate('diamond');
      const timeout = new InputParameter('timeout');
      const e = wf.addContainerTemplate('echo', { timeout: `${timeout}`, inputs: [timeout], image: 'busybox', command: ['sleep', '15s'] });
      const a = dag.addTask('A', e, { arguments: [timeout.set('20s')] });
      dag.addTask('B', e, { depends: a, arguments: [timeout.set('10s')] });
      dag.addTask('C', e, { depends: a, arguments: [timeout.set('20s')] });
    },
  },
  {
    file: 'loops-dag.yaml', title: 'a looped DAG task between two tasks',
    build: c => {
      const wf = workflow(c, 'loops-dag-');
      const dag = wf.addDagTemplate('loops-dag');
      const { template: print, message } = printMessage(wf);
      const a = dag.addTask('A', print, { arguments: [message.set('A')] });
      const b = dag.addTask('B', print, { depends: a, arguments: [message.set(Loop.item)], loop: Loop.items(['foo', 'bar', 'baz']) });
      dag.addTask('C', print, { depends: b, arguments: [message.set('C')] });
    },
  },
  {
    file: 'resubmit.yaml', title: 'a DAG running a steps template of parallel groups',
    build: c => {
      const wf = workflow(c, 'resubmit-');
      const dag = wf.addDagTemplate('rand-fail-dag');
      const steps = wf.addStepsTemplate('rand-fail-steps');
      const random = wf.addContainerTemplate('random-fail', {
        image: 'python:alpine3.23', command: ['python', '-c'],
        args: ["import random; import sys; exit_code = random.choice([0, 0, 1]); print('exiting with code {}'.format(exit_code)); sys.exit(exit_code)"],
      });
      const a = dag.addTask('A', random);
      const b = dag.addTask('B', steps);
      dag.addTask('C', random, { depends: b });
      dag.addTask('D', random, { depends: [a, b] });
      steps.addParallelSteps(['randfail1a', random], ['randfail1b', random]);
      steps.addParallelSteps(['randfail2a', random], ['randfail2b', random], ['randfail2c', random], ['randfail2d', random]);
    },
  },
  {
    file: 'dag-conditional-parameters.yaml', title: 'a DAG output chosen by an expression over task objects',
    build: c => {
      const wf = workflow(c, 'dag-conditional-parameter-');
      const main = wf.addDagTemplate('main');
      const script = (name: string, source: string) => wf.addScriptTemplate(name, { image: 'python:alpine3.23', command: ['python'], source });
      const flip = main.addTask('flip-coin', script('flip-coin', 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n'));
      const heads = main.addTask('heads', script('heads', 'print("heads")\n'), { depends: flip, when: flip.result.eq('heads') });
      const tails = main.addTask('tails', script('tails', 'print("tails")\n'), { depends: flip, when: flip.result.eq('tails') });
      main.addOutput(new OutputParameter('stepresult', {
        valueFrom: OutputSource.fromExpression(argoExpr`${flip.result} == 'heads' ? ${heads.result} : ${tails.result}`),
      }));
    },
  },
  {
    file: 'dag-conditional-artifacts.yaml', title: 'a DAG output artifact chosen by an expression (fromExpression)',
    build: c => {
      const wf = workflow(c, 'dag-conditional-artifacts-');
      const main = wf.addDagTemplate('main');
      const flipT = wf.addScriptTemplate('flip-coin', { image: 'python:alpine3.23', command: ['python'], source: 'import random\nprint("heads" if random.randint(0,1) == 0 else "tails")\n' });
      const writer = (side: string) => {
        const result = new OutputArtifact('result', { path: '/result.txt' });
        const t = wf.addScriptTemplate(side, {
          image: 'python:alpine3.23', command: ['python'], source: `with open("result.txt", "w") as f:\n  f.write("it was ${side}")\n`, outputs: [result],
        });
        return { t, result };
      };
      const h = writer('heads');
      const t = writer('tails');
      const flip = main.addTask('flip-coin', flipT);
      const heads = main.addTask('heads', h.t, { depends: flip, when: flip.result.eq('heads') });
      const tails = main.addTask('tails', t.t, { depends: flip, when: flip.result.eq('tails') });
      main.addOutput(new OutputArtifact('result', {
        from: argoExpr`${flip.result} == 'heads' ? ${heads.outputArtifact(h.result)} : ${tails.outputArtifact(t.result)}`,
      }));
    },
  },
  {
    file: 'dag-daemon-task.yaml', title: 'a daemoned task with a readiness probe, others reaching it by its ip',
    build: c => {
      const wf = workflow(c, 'dag-daemon-task-');
      const dag = wf.addDagTemplate('daemon-example');
      const influxdb = wf.addContainerTemplate('influxdb', {
        daemon: true, image: 'influxdb:1.2',
        readinessProbe: ContainerProbe.httpGet('/ping', { port: 8086, initialDelay: Duration.seconds(5), timeout: Duration.seconds(1) }),
      });
      const cmd = new InputParameter('cmd');
      const client = wf.addContainerTemplate('influxdb-client', { inputs: [cmd], image: 'curlimages/curl:latest', command: ['sh', '-c'], args: [cmd] });
      const influx = dag.addTask('influx', influxdb);
      const ip = influx.ip;
      const init = dag.addTask('init-database', client, { depends: influx, arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/query' --data-urlencode "q=CREATE DATABASE mydb"`)] });
      const p1 = dag.addTask('producer-1', client, {
        depends: init, arguments: [cmd.set(`for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server01,region=uswest load=$i" ; sleep .5 ; done`)],
      });
      const p2 = dag.addTask('producer-2', client, {
        depends: init, arguments: [cmd.set(`for i in $(seq 1 20); do curl -XPOST 'http://${ip}:8086/write?db=mydb' -d "cpu,host=server02,region=uswest load=$((RANDOM % 100))" ; sleep .5 ; done`)],
      });
      const p3 = dag.addTask('producer-3', client, { depends: init, arguments: [cmd.set(`curl -XPOST 'http://${ip}:8086/write?db=mydb' -d 'cpu,host=server03,region=useast load=15.4'`)] });
      dag.addTask('consumer', client, {
        depends: [p1, p2, p3], arguments: [cmd.set(`curl --silent -G http://${ip}:8086/query?pretty=true --data-urlencode "db=mydb" --data-urlencode "q=SELECT * FROM cpu"`)],
      });
    },
  },
];
