import { Chart, ChartProps, Cron } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
// The package by name, as a user's app imports it (tsconfig.json maps it to src/index.ts for the
// type check and tests; compiled, Node resolves it to the package's own entry, lib/bundle/index.js).
import {
  ArtifactKey, ComputeResources, ConfigMapEnv, CronConcurrencyPolicy, CronWorkflow, EventBus, EventBusBackend, IamRoleServiceAccount, InputParameter,
  S3ArtifactStep, S3Credentials, S3Location, SecureNamespace, SlackExitHandler, SlackWebhook, WebhookEndpoint, WebhookEventSource, WorkflowSensor,
  WorkflowServiceAccount, WorkflowTemplate,
} from 'cdk8s-argo';

/** A key of a Secret that the cluster provides (created outside the app, never in a manifest). */
export interface SecretKeyReference {
  /** Name of the Secret. */
  readonly name: string;
  /** Key inside the Secret. */
  readonly key: string;
}

/** Public exposure of the webhook endpoints to the vendors. */
export interface VendorExposure {
  /** Host name the Ingress answers to, e.g. `hooks.example.com`. */
  readonly host: string;
  /** Secret key holding the bearer token vendors must send (`Authorization: Bearer ...`). */
  readonly token: SecretKeyReference;
}

/** Environment variables of the workflows, by group (each group becomes one ConfigMap). */
export interface PipelineEnvironment {
  /** Variables both workflows get. @default { COUNTRY: 'South Korea' } */
  readonly common?: { [name: string]: string };
  /** Variables of workflow A only. @default { SIZE: 'tall', DRINK: 'americano' } */
  readonly a?: { [name: string]: string };
  /** Variables of workflow B only. @default { SERVER_ADDRESS: 'localhost', S3_IMAGE_BUCKET_NAME: <bucket> } */
  readonly b?: { [name: string]: string };
}

/** What changes between environments: the typed equivalent of the story's Helm values. */
export interface VectorPipelineProps extends ChartProps {
  /** Namespace of every object. @default 'vector-pipeline' */
  readonly namespace?: string;
  /** Image of workflow A (creates the vectors), pinned by tag or digest. @default 'registry.example.com/vector/a-workflow:1.4.2' */
  readonly imageA?: string;
  /** Image of workflow B (loads the vectors), pinned by tag or digest. @default 'registry.example.com/vector/b-workflow:2.0.1' */
  readonly imageB?: string;
  /** S3 bucket of the hand-off from A to B. @default 'starbucks' */
  readonly bucket?: string;
  /** Region of the bucket. @default 'ap-northeast-2' */
  readonly region?: string;
  /** Key prefix of the hand-off; the run's date and `.tar.gz` are appended at run time. @default 'americano/tall' */
  readonly keyPrefix?: string;
  /** IAM role (IRSA) with access to the bucket. @default 'arn:aws:iam::123456789012:role/starbucks-artifacts' */
  readonly artifactsRoleArn?: string;
  /** Secret key holding the Slack incoming-webhook URL. @default { name: 'slack-webhook', key: 'url' } */
  readonly slackWebhook?: SecretKeyReference;
  /** Argo UI base URL, linked from the Slack message. @default - no link */
  readonly argoUiUrl?: string;
  /** When workflow A runs on its own. @default 09:00 every day */
  readonly schedule?: Cron;
  /** IANA time zone of the schedule. @default 'Asia/Seoul' */
  readonly timezone?: string;
  /** Port of the webhook endpoints. @default 12000 */
  readonly webhookPort?: number;
  /** Expose the endpoints through an Ingress with bearer-token auth. @default - cluster-internal Service only */
  readonly exposure?: VendorExposure;
  /** Environment variables of the workflows. @default - the story's values */
  readonly env?: PipelineEnvironment;
  /** CPU and memory of each workflow's container. @default - 500m CPU, 1Gi of memory */
  readonly workflowResources?: ComputeResources;
}

/** What the workflows' containers reserve, and the memory they may use at most. */
const WORKFLOW_RESOURCES: ComputeResources = { cpu: { request: '500m' }, memory: { request: '1Gi', limit: '1Gi' } };
/** The JetStream server of the bus (Argo Events' example values). */
const BUS_SERVER_RESOURCES = { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } };
/** The bus's config reloader and metrics exporter. */
const SIDECAR_RESOURCES = { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } };
/** The EventSource and Sensor pods. */
const EVENTS_POD_RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } };

/**
 * The story's system, done right: vendors call `/omega` (vendor A) and `/bitamin` (vendor B) on a
 * webhook EventSource; sensors submit workflow A or B, mapping `body.size` onto the workflows'
 * `size` parameter; A runs daily too; A hands its `/data` to B through S3 under an IAM role; every
 * run that fails posts to Slack through a notifier shared in the `common` WorkflowTemplate.
 */
export class VectorPipelineChart extends Chart {
  /** Vendor A's endpoint (`/omega`) and vendor B's (`/bitamin`). */
  public readonly omega: WebhookEndpoint;
  public readonly bitamin: WebhookEndpoint;
  /** Workflow A (creates the vectors) and workflow B (loads them). */
  public readonly workflowA: WorkflowTemplate;
  public readonly workflowB: WorkflowTemplate;
  /** The sensors submitting A on `/omega` and B on `/bitamin`. */
  public readonly vendorA: WorkflowSensor;
  public readonly vendorB: WorkflowSensor;

  constructor(scope: Construct, id: string, props: VectorPipelineProps = {}) {
    const namespace = props.namespace ?? 'vector-pipeline';
    super(scope, id, { ...props, namespace });
    const bucket = props.bucket ?? 'starbucks';
    // Every pod here meets Pod Security "restricted" (the constructs' default), and the namespace enforces it.
    // Workflow pods also hold Argo's init and wait containers: the controller's executor settings must
    // meet "restricted" too (docs/security.md).
    new SecureNamespace(this, 'namespace', { metadata: { name: namespace } });

    const env = new ConfigMapEnv(this, 'env');
    const commonEnv = env.addGroup('common', props.env?.common ?? { COUNTRY: 'South Korea' });
    const aEnv = env.addGroup('a-workflow', props.env?.a ?? { SIZE: 'tall', DRINK: 'americano' });
    const bEnv = env.addGroup('b-workflow', props.env?.b ?? { SERVER_ADDRESS: 'localhost', S3_IMAGE_BUCKET_NAME: bucket });

    const runner = new WorkflowServiceAccount(this, 'runner', { metadata: { name: 'workflow-runner' } });
    const artifactsRole = new IamRoleServiceAccount(this, 'artifacts-role', {
      metadata: { name: 'vector-artifacts' },
      roleArn: props.artifactsRoleArn ?? 'arn:aws:iam::123456789012:role/starbucks-artifacts',
    });
    const vectors = S3Location.of({
      endpoint: 's3.amazonaws.com',
      region: props.region ?? 'ap-northeast-2',
      bucket,
      key: ArtifactKey.join(props.keyPrefix ?? 'americano/tall', `${ArtifactKey.creationDate()}.tar.gz`),
      credentials: S3Credentials.fromServiceAccount(artifactsRole),
    });

    const common = new WorkflowTemplate(this, 'common', { metadata: { name: 'common' } });
    const slack = new SlackExitHandler(this, 'slack', {
      webhook: SlackWebhook.fromSecretName(props.slackWebhook?.name ?? 'slack-webhook', props.slackWebhook?.key ?? 'url'),
      sharedIn: common,
      argoUiUrl: props.argoUiUrl,
    });

    // Workflow A: creates the vectors and stores /data in S3.
    const a = new WorkflowTemplate(this, 'a', { metadata: { name: 'a-workflow' }, serviceAccount: runner });
    const aSize = a.addArgument('size', { value: 'tall', description: 'Cup size to build vectors for' });
    const sizeToCreate = new InputParameter('size', { default: 'tall' });
    const create = new S3ArtifactStep(a, 'create-vector', {
      image: props.imageA ?? 'registry.example.com/vector/a-workflow:1.4.2',
      resources: props.workflowResources ?? WORKFLOW_RESOURCES,
      command: ['python', '-m', 'app.create_vector'],
      args: ['--size', sizeToCreate],
      inputs: [sizeToCreate],
      envFrom: [commonEnv, aEnv],
    });
    const vector = create.store('/data', { name: 'vector', location: vectors });
    const aMain = a.addStepsTemplate('main');
    aMain.addStep('create-vector', create, { arguments: [sizeToCreate.set(aSize)] });
    a.setEntrypoint(aMain);
    slack.attachTo(a);

    // Workflow B: loads the vectors A stored into /data.
    const b = new WorkflowTemplate(this, 'b', { metadata: { name: 'b-workflow' }, serviceAccount: runner });
    const bSize = b.addArgument('size', { value: 'tall', description: 'Cup size the vectors are loaded for' });
    const sizeToLoad = new InputParameter('size', { default: 'tall' });
    const load = new S3ArtifactStep(b, 'load-vector', {
      image: props.imageB ?? 'registry.example.com/vector/b-workflow:2.0.1',
      resources: props.workflowResources ?? WORKFLOW_RESOURCES,
      command: ['python', '-m', 'app.load_vector'],
      args: ['--size', sizeToLoad],
      inputs: [sizeToLoad],
      envFrom: [commonEnv, bEnv],
    });
    load.load('/data', vector);
    const bMain = b.addStepsTemplate('main');
    bMain.addStep('load-vector', load, { arguments: [sizeToLoad.set(bSize)] });
    b.setEntrypoint(bMain);
    slack.attachTo(b);

    // A also runs every day, by templateRef; the exit handler posts to Slack when the run failed.
    const daily = new CronWorkflow(this, 'daily', {
      metadata: { name: 'a-workflow-daily' },
      schedules: [props.schedule ?? Cron.schedule({ minute: '0', hour: '9' })],
      timezone: props.timezone ?? 'Asia/Seoul',
      concurrencyPolicy: CronConcurrencyPolicy.FORBID,
      startingDeadlineSeconds: 0,
      suspend: false,
      serviceAccount: runner,
    });
    daily.addStepsTemplate('main').addStep('create-vector', create);
    slack.attachTo(daily);

    // Vendors trigger A and B through webhook endpoints; sensors submit the workflows.
    const bus = new EventBus(this, 'bus', { backend: EventBusBackend.jetStream({
      containerTemplate: { resources: BUS_SERVER_RESOURCES },
      reloaderContainerTemplate: { resources: SIDECAR_RESOURCES },
      metricsContainerTemplate: { resources: SIDECAR_RESOURCES },
    }) });
    const eventsPod = { container: { resources: EVENTS_POD_RESOURCES } };
    // The project's stack is cdk8s-plus-27: its Secret handle is accepted wherever the library takes a Secret.
    // Loaded only when the endpoints are exposed: requiring cdk8s-plus costs every synth about 40 ms.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const token = props.exposure && (require('cdk8s-plus-27') as typeof kplus).Secret.fromSecretName(this, 'vendor-token', props.exposure.token.name);
    const authSecret = token && { secret: token, key: props.exposure!.token.key };
    const webhook = new WebhookEventSource(this, 'webhook', {
      metadata: { name: 'webhook' },
      eventBus: bus,
      port: props.webhookPort ?? 12000,
      ingress: props.exposure && { host: props.exposure.host },
      template: eventsPod,
    });
    const omega = webhook.addEndpoint('omega', { path: '/omega', authSecret });
    const bitamin = webhook.addEndpoint('bitamin', { path: '/bitamin', authSecret });
    this.omega = omega;
    this.bitamin = bitamin;
    this.workflowA = a;
    this.workflowB = b;

    const vendorA = new WorkflowSensor(this, 'vendor-a', { metadata: { name: 'vendor-a' }, eventBus: bus, template: eventsPod });
    const onOmega = vendorA.addDependency(omega);
    vendorA.submitWorkflow('run-a-workflow', a, { arguments: [{ parameter: aSize, from: onOmega.body('size').withDefault('tall') }] });

    const vendorB = new WorkflowSensor(this, 'vendor-b', { metadata: { name: 'vendor-b' }, eventBus: bus, template: eventsPod });
    const onBitamin = vendorB.addDependency(bitamin);
    vendorB.submitWorkflow('run-b-workflow', b, { arguments: [{ parameter: bSize, from: onBitamin.body('size').withDefault('tall') }] });
    this.vendorA = vendorA;
    this.vendorB = vendorB;
  }
}
