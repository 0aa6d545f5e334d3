import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';

/** JSON a plugin template passes to its executor plugin. */
export type PluginConfiguration = { readonly [key: string]: PluginValue };
/** A JSON value. */
export type PluginValue = string | number | boolean | null | readonly PluginValue[] | PluginConfiguration;

/** Props of a plugin template. */
export interface PluginTemplateProps extends LeafTemplateProps {
  /** The key the executor plugin answers to, e.g. `hello` for a plugin handling `plugin.hello`. */
  readonly plugin: string;
  /**
   * What the template passes to the plugin under that key.
   * @default {}
   */
  readonly configuration?: PluginConfiguration;
}

/**
 * A template run by an executor plugin (`plugin: { <name>: <configuration> }`): a sidecar of
 * Argo's agent pod, installed in the controller or added to the workflow with
 * `addExecutorPlugin()`. Rules W41 and W43 check plugins and plugin templates.
 */
export class PluginTemplate extends Template {
  constructor(scope: ITemplateHost, id: string, private readonly props: PluginTemplateProps) {
    super(scope, id, props);
  }

  protected usedValues(): unknown[] {
    return [this.props.configuration];
  }

  protected renderBody(): TemplateBody {
    return { plugin: { [this.props.plugin]: JSON.parse(JSON.stringify(this.props.configuration ?? {})) } };
  }
}
