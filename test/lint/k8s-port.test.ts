/**
 * K8S-PORT: ports as Kubernetes' validation (pkg/apis/core/validation: validateContainerPorts,
 * validateHTTPGetAction/TCPSocketAction/GRPCAction, validateServicePort; IsValidPortNum,
 * IsValidPortName) accepts them. The cases follow those functions: the bounds 1 and 65535, a
 * missing or zero containerPort, hostPort 0 meaning unset, the IANA name rules one by one.
 */
import { App, Chart } from 'cdk8s';
import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';
import { WorkflowTemplate } from '../../src/workflows';
import { synthError } from '../blocks/helpers';

function check(manifests: Manifest[]): string[] {
  return lint(manifests, { schema: false, only: ['K8S-PORT'] }).map(f => `${f.severity} ${f.object} ${f.path}: ${f.message}`);
}

const deployment = (container: object): Manifest => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27', ...container }] } } },
});
const service = (ports: object[]): Manifest => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'd' }, ports } });
const PORTS = 'spec.template.spec.containers[0].ports';

describe('K8S-PORT', () => {
  test('container ports: 1 and 65535 pass; 0, 65536, a negative and a missing containerPort are refused at apply; hostPort 0 is unset', () => {
    expect(check([deployment({ ports: [{ containerPort: 1 }, { containerPort: 65535, hostPort: 0 }, { containerPort: 8080, hostPort: 80 }] })])).toEqual([]);
    expect(check([deployment({ ports: [{ containerPort: 0 }, { containerPort: 65536 }, { containerPort: -1 }, { name: 'http' }, { containerPort: 80, hostPort: 70000 }] })])).toEqual([
      `error Deployment/d ${PORTS}[0].containerPort: port 0 is not between 1 and 65535: kubectl apply rejects the Deployment ("Required value": 0 is no port).`,
      `error Deployment/d ${PORTS}[1].containerPort: port 65536 is not between 1 and 65535: kubectl apply rejects the Deployment ("must be between 1 and 65535, inclusive").`,
      `error Deployment/d ${PORTS}[2].containerPort: port -1 is not between 1 and 65535: kubectl apply rejects the Deployment ("must be between 1 and 65535, inclusive").`,
      `error Deployment/d ${PORTS}[3].containerPort: the port number is missing: kubectl apply rejects the Deployment ("Required value").`,
      `error Deployment/d ${PORTS}[4].hostPort: port 70000 is not between 1 and 65535: kubectl apply rejects the Deployment ("must be between 1 and 65535, inclusive").`,
    ]);
  });

  test('port names follow IsValidPortName, rule by rule, and are unique in a container (not across containers)', () => {
    const named = (...names: string[]) => deployment({ ports: names.map((name, i) => ({ name, containerPort: 8000 + i })) });
    expect(check([named('http', 'metrics-9090', 'a', 'abcdefghijklmno')])).toEqual([]);
    const findings = check([named('abcdefghijklmnop', 'HTTP', '8080', 'a--b', '-http', 'http-', 'grpc', 'grpc')]);
    expect(findings.map(f => f.replace(/: kubectl apply.*$/, ''))).toEqual([
      `error Deployment/d ${PORTS}[0].name: port name "abcdefghijklmnop" is longer than 15 characters`,
      `error Deployment/d ${PORTS}[1].name: port name "HTTP" holds a character other than a-z, 0-9 and "-"`,
      `error Deployment/d ${PORTS}[2].name: port name "8080" holds no letter`,
      `error Deployment/d ${PORTS}[3].name: port name "a--b" holds "--"`,
      `error Deployment/d ${PORTS}[4].name: port name "-http" begins or ends with "-"`,
      `error Deployment/d ${PORTS}[5].name: port name "http-" begins or ends with "-"`,
      `error Deployment/d ${PORTS}[7].name: port name "grpc" is also the name of ports[6] of this container`,
    ]);
    expect(findings[1]).toMatch(/Use e\.g\. "http"\.$/);
    const twoContainers: Manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [
      { name: 'a', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }, { name: 'b', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 81 }] }] } };
    expect(check([twoContainers])).toEqual([]);
  });

  test('probes and lifecycle hooks: a number in range or a valid name; grpc takes a number', () => {
    expect(check([deployment({ ports: [{ name: 'http', containerPort: 80 }], livenessProbe: { httpGet: { path: '/', port: 'http' } },
      readinessProbe: { tcpSocket: { port: 80 } }, startupProbe: { grpc: { port: 9090 } }, lifecycle: { preStop: { httpGet: { path: '/stop', port: 8080 } } } })])).toEqual([]);
    expect(check([deployment({ livenessProbe: { httpGet: { path: '/', port: 'Http_Port' } }, readinessProbe: { tcpSocket: { port: 0 } },
      startupProbe: { grpc: { port: 99999 } }, lifecycle: { postStart: { tcpSocket: { port: 65536 } } } })]).map(f => f.replace(/: kubectl apply.*$/, ''))).toEqual([
      'error Deployment/d spec.template.spec.containers[0].lifecycle.postStart.tcpSocket.port: port 65536 is not between 1 and 65535',
      'error Deployment/d spec.template.spec.containers[0].livenessProbe.httpGet.port: port "Http_Port" is neither a number nor a valid port name (it holds a character other than a-z, 0-9 and "-")',
      'error Deployment/d spec.template.spec.containers[0].readinessProbe.tcpSocket.port: port 0 is not between 1 and 65535',
      'error Deployment/d spec.template.spec.containers[0].startupProbe.grpc.port: port 99999 is not between 1 and 65535',
    ]);
  });

  test('Services: port and targetPort in range or named, names DNS labels, unique, required when there are several', () => {
    expect(check([service([{ port: 80 }])])).toEqual([]);
    expect(check([service([{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }])])).toEqual([]);
    expect(check([service([{ name: 'http', port: 0 }, { name: 'http', port: 443, targetPort: 70000 }, { port: 8080, targetPort: 'Web' }, { name: 'Web_1', port: 1 }])])
      .map(f => f.replace(/: kubectl apply rejects the Service.*$/, ''))).toEqual([
      'error Service/s spec.ports[0].port: port 0 is not between 1 and 65535',
      'error Service/s spec.ports[1].name: port name "http" is also the name of spec.ports[0]',
      'error Service/s spec.ports[1].targetPort: port 70000 is not between 1 and 65535',
      'error Service/s spec.ports[2]: the Service has 4 ports and this one has no name',
      'error Service/s spec.ports[2].targetPort: targetPort "Web" is neither a number nor a valid port name (it holds a character other than a-z, 0-9 and "-")',
      'error Service/s spec.ports[3].name: port name "Web_1" is not a DNS label (at most 63 of a-z, 0-9 and "-", starting and ending with a letter or digit)',
    ]);
  });

  test('Argo templates: the pod of the step is rejected when it runs; {{...}} names are left to run time', () => {
    const wt: Manifest = { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' }, spec: { entrypoint: 'main', templates: [
      { name: 'main', container: { image: 'nginx:1.27', ports: [{ containerPort: 100000 }, { name: '{{inputs.parameters.p}}', containerPort: 80 }],
        readinessProbe: { httpGet: { path: '/', port: '{{inputs.parameters.p}}' } } } }] } };
    expect(check([wt])).toEqual([
      'error WorkflowTemplate/w spec.templates[0].container.ports[0].containerPort: port 100000 is not between 1 and 65535: the WorkflowTemplate is accepted, '
      + 'but when a step runs Kubernetes rejects the pod, so the step fails ("must be between 1 and 65535, inclusive").',
    ]);
  });

  test('a container port out of range fails the synth of a WorkflowTemplate construct, on the template that declares it', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'serve' } });
    const serve = wt.addContainerTemplate('serve', {
      image: 'nginx:1.27', ports: [{ number: 80800, name: 'http' }],
    });
    wt.setEntrypoint(serve);
    expect(synthError(app)).toMatch(/\[c\/wt\/serve\] WorkflowTemplate\/serve: spec\.templates\[0\]\.container\.ports\[0\]\.containerPort: port 80800 is not between 1 and 65535: .*\[K8S-PORT\]/);
  });
});
