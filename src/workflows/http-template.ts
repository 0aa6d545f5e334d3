import * as l1 from '../../imports/argo-workflows';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { ArgoText, renderText } from './argo-variable';
import { Condition } from './condition';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';
import { checkInteger } from '../core/number-check';

/** Props of an HTTP template. */
export interface HttpTemplateProps extends LeafTemplateProps {
  /** The URL; may contain typed variables. */
  readonly url: ArgoText;
  /**
   * HTTP method.
   * @default 'GET'
   */
  readonly method?: string;
  /**
   * Request headers: text, or a Secret key (`{ secret, key }`) for credentials.
   * @default - none
   */
  readonly headers?: { [name: string]: ArgoText | SecretKeyRef };
  /**
   * Request body.
   * @default - none
   */
  readonly body?: ArgoText;
  /**
   * Succeed when this holds (read `HttpVariables.statusCode`...).
   * @default - a 2xx status
   */
  readonly successCondition?: Condition<'http' | 'inputs' | 'global'>;
  /**
   * Request timeout in seconds.
   * @default 30
   */
  readonly timeoutSeconds?: number;
  /**
   * Skip TLS verification.
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

/** A template that sends an HTTP request from the Argo agent (`http`), without a pod of its own. */
export class HttpTemplate extends Template {
  constructor(scope: ITemplateHost, id: string, private readonly props: HttpTemplateProps) {
    super(scope, id, props);
    checkInteger(this, 'timeoutSeconds', props.timeoutSeconds);
    for (const [name, value] of Object.entries(props.headers ?? {})) {
      if (isSecretKey(value)) expectSecretKey(value, `${this.node.path}: headers.${name}`);
    }
  }

  protected usedValues(): unknown[] {
    const p = this.props;
    return [p.url, p.body, p.successCondition, Object.values(p.headers ?? {}).filter(h => !isSecretKey(h))];
  }

  protected check(): string[] {
    const errors = super.check();
    for (const p of this.props.successCondition?._problems('http') ?? []) errors.push(this.error(p, '.http.successCondition'));
    return errors;
  }

  protected renderBody(): TemplateBody {
    const p = this.props;
    const headers = Object.entries(p.headers ?? {}).map(([name, value]): l1.HttpHeader =>
      isSecretKey(value) ? { name, valueFrom: { secretKeyRef: secretKeySelector(value) } } : { name, value: renderText(value) });
    return {
      http: {
        url: renderText(p.url),
        method: p.method,
        headers: headers.length ? headers : undefined,
        body: renderText(p.body),
        successCondition: p.successCondition?._render('http'),
        timeoutSeconds: p.timeoutSeconds,
        insecureSkipVerify: p.insecureSkipVerify,
      },
    };
  }
}

function isSecretKey(value: ArgoText | SecretKeyRef): value is SecretKeyRef {
  return typeof value === 'object' && 'secret' in value;
}
