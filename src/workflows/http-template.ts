import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { ArgoText, Condition, renderText } from './expressions';
import { LeafTemplateProps, Template } from './template';

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
  readonly headers?: { [name: string]: ArgoText | kplus.SecretValue };
  /**
   * Request body.
   * @default - none
   */
  readonly body?: ArgoText;
  /**
   * Succeed when this holds (read `HttpVariables.statusCode`...).
   * @default - a 2xx status
   */
  readonly successCondition?: Condition;
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
  constructor(scope: Construct, id: string, private readonly props: HttpTemplateProps) {
    super(scope, id, props);
  }

  protected usedValues(): unknown[] {
    const p = this.props;
    return [p.url, p.body, p.successCondition, Object.values(p.headers ?? {}).filter(h => typeof h === 'string' || !('secret' in (h as object)))];
  }

  protected renderBody(): Partial<l1.Template> {
    const p = this.props;
    const headers = Object.entries(p.headers ?? {}).map(([name, value]): l1.HttpHeader =>
      typeof value === 'object' && 'secret' in value
        ? { name, valueFrom: { secretKeyRef: { name: value.secret.name, key: value.key } } }
        : { name, value: renderText(value as ArgoText) });
    return {
      http: {
        url: renderText(p.url),
        method: p.method,
        headers: headers.length ? headers : undefined,
        body: renderText(p.body),
        successCondition: p.successCondition?.renderExpression(),
        timeoutSeconds: p.timeoutSeconds,
        insecureSkipVerify: p.insecureSkipVerify,
      },
    };
  }
}
