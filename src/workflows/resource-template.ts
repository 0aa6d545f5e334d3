import { isPlainObject } from '../lint/util/walk';
import { yaml } from '../lint/util/yaml';
import { ArgoText, renderText } from './argo-variable';
import { InputArtifact } from './artifacts';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';

/** What a resource template does with its manifest (rule W14). */
export enum ResourceAction {
  /** `kubectl get`: wait for conditions on an existing object. */
  GET = 'get',
  /** `kubectl create`. */
  CREATE = 'create',
  /** `kubectl apply`. */
  APPLY = 'apply',
  /** `kubectl delete`. */
  DELETE = 'delete',
  /** `kubectl replace`. */
  REPLACE = 'replace',
  /** `kubectl patch`. */
  PATCH = 'patch',
}

/** Patch type of `patch` actions. */
export enum ResourceMergeStrategy {
  /** Strategic merge patch (the default). */
  STRATEGIC = 'strategic',
  /** JSON merge patch. */
  MERGE = 'merge',
  /** JSON patch. */
  JSON = 'json',
}

/** Props of a resource template. */
export interface ResourceTemplateProps extends LeafTemplateProps {
  /** What to do with the manifest. */
  readonly action: ResourceAction;
  /**
   * The object: YAML text (may contain `{{...}}` variables) or a plain manifest object, rendered
   * to YAML. Exactly one of manifest and manifestFrom.
   * @default - none: give manifestFrom
   */
  readonly manifest?: ArgoText | { [key: string]: any };
  /**
   * Read the manifest from an input artifact of this template.
   * @default - none: give manifest
   */
  readonly manifestFrom?: InputArtifact;
  /**
   * Succeed when this label-selector-like condition on the object holds, e.g. `status.succeeded > 2`.
   * @default - as soon as the action is done
   */
  readonly successCondition?: string;
  /**
   * Fail when this condition holds.
   * @default - never
   */
  readonly failureCondition?: string;
  /**
   * Make the workflow the owner of the object (deleted with it).
   * @default false
   */
  readonly setOwnerReference?: boolean;
  /**
   * Patch type for `patch`.
   * @default ResourceMergeStrategy.STRATEGIC
   */
  readonly mergeStrategy?: ResourceMergeStrategy;
  /**
   * Extra kubectl flags.
   * @default - none
   */
  readonly flags?: string[];
}

/** A template that creates, applies, patches, gets or deletes a Kubernetes object (`resource`). */
export class ResourceTemplate extends Template {
  constructor(scope: ITemplateHost, id: string, private readonly props: ResourceTemplateProps) {
    super(scope, id, props);
    if (props.manifestFrom) this.addInput(props.manifestFrom);
  }

  protected usedValues(): unknown[] {
    return [this.props.manifest];
  }

  protected renderBody(): TemplateBody {
    const p = this.props;
    const manifest = p.manifest === undefined ? undefined
      : typeof p.manifest === 'string' || !isPlainObject(p.manifest) ? renderText(p.manifest as ArgoText) : yaml().stringify(p.manifest);
    return {
      resource: {
        action: p.action,
        manifest,
        manifestFrom: p.manifestFrom ? { artifact: { name: p.manifestFrom.name } } : undefined,
        successCondition: p.successCondition,
        failureCondition: p.failureCondition,
        setOwnerReference: p.setOwnerReference,
        mergeStrategy: p.mergeStrategy,
        flags: p.flags,
      },
    };
  }
}
