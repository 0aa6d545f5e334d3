import { ArgoDuration, renderDuration } from './duration';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';

/** Props of a suspend template. */
export interface SuspendTemplateProps extends LeafTemplateProps {
  /**
   * Resume automatically after this long (e.g. `"20"` seconds, `"2m"`, `Duration.minutes(2)`).
   * @default - wait until resumed (`argo resume`)
   */
  readonly duration?: ArgoDuration;
}

/**
 * A template that pauses the workflow (`suspend`), for a duration or until resumed. Output
 * parameters with `OutputSource.supplied()` are filled in by whoever resumes it.
 */
export class SuspendTemplate extends Template {
  constructor(scope: ITemplateHost, id: string, private readonly props: SuspendTemplateProps = {}) {
    super(scope, id, props);
  }

  protected usedValues(): unknown[] {
    return [this.props.duration];
  }

  protected renderBody(): TemplateBody {
    return { suspend: { duration: renderDuration(this.props.duration) } };
  }
}
