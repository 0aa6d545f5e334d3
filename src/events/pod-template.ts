import { EventsTemplate } from '../../imports/argo-events';
import { PodSecurity } from '../core/pod-security';
import { renderMounts, TemplateVolumeMount } from '../workflows/volumes';

/** The pod settings every Argo Events deployment (EventSource, Sensor) takes. */
export interface EventsPodProps {
  /**
   * Pod template of the deployment (node selector, resources, security context...), with the
   * generated types.
   * @default - Argo Events' defaults
   */
  readonly template?: Omit<EventsTemplate, 'serviceAccountName'>;
  /**
   * Volumes mounted into the pod's container, by object (`WorkflowVolume.emptyDir('data')`,
   * `WorkflowVolume.fromConfigMap(...)`): each is declared on the pod and mounted at its path.
   * @default - none
   */
  readonly volumeMounts?: TemplateVolumeMount[];
  /**
   * Environment variables of the pod's container (e.g. `LOG_LEVEL`).
   * @default - none
   */
  readonly env?: { readonly [name: string]: string };
  /**
   * Pod Security level of the pod (see `PodSecurity`): by default it meets "restricted" (user
   * 9731 unless set, RuntimeDefault seccomp, no privilege escalation, all capabilities dropped)
   * and a setting of `template` that breaks it fails the synth.
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
}

/** The pod template of a deployment: the given template, its service account and the volume mounts. @internal */
export function renderPodTemplate(props: EventsPodProps, serviceAccountName: string | undefined): EventsTemplate | undefined {
  const mounts = props.volumeMounts ?? [];
  const env = Object.entries(props.env ?? {}).map(([name, value]) => ({ name, value }));
  const t = env.length ? { ...props.template, container: { ...props.template?.container, env: [...props.template?.container?.env ?? [], ...env] } } : props.template;
  if (!t && serviceAccountName === undefined && !mounts.length) return undefined;
  if (!mounts.length) return { ...t, serviceAccountName };
  const volumes = [...new Set(mounts.map(m => m.volume))].map(v => {
    if (!v._volume) throw new Error(`volume "${v.name}" is a claim template, which only a workflow can declare: mount a PersistentVolumeClaim (WorkflowVolume.fromPersistentVolumeClaim) instead`);
    return v._volume;
  });
  return {
    ...t,
    serviceAccountName,
    volumes: [...t?.volumes ?? [], ...volumes],
    container: { ...t?.container, volumeMounts: [...t?.container?.volumeMounts ?? [], ...renderMounts(mounts)!] },
  };
}
