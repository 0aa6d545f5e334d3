import { ArtifactLocation } from './artifact-location';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';

/** What a data template reads. */
export class DataSource {
  /**
   * The keys (paths) of the objects at a location, e.g. every key of a bucket:
   * `DataSource.artifactPaths('logs', ArtifactLocation.s3({ bucket: 'my-bucket' }))`.
   */
  public static artifactPaths(name: string, location: ArtifactLocation): DataSource {
    return new DataSource(name, location);
  }

  private constructor(
    /** The name of the source. */
    public readonly name: string,
    /** Where the objects are. */
    public readonly location: ArtifactLocation) {}
}

/** Props of a data template. */
export interface DataTemplateProps extends LeafTemplateProps {
  /** What to read. */
  readonly source: DataSource;
  /**
   * expr-lang expressions applied in order to `data` (the list read), e.g.
   * `'filter(data, {# endsWith "main.log"})'`; the last result is the node's `result`.
   */
  readonly transformations: string[];
}

/**
 * A template that reads data (the keys of an artifact location) and transforms it with
 * expr-lang, run by Argo's agent without a pod of its own (`data`). Its `result` is a JSON list,
 * e.g. for `Loop.fromParameter(step.result)`.
 */
export class DataTemplate extends Template {
  constructor(scope: ITemplateHost, id: string, private readonly props: DataTemplateProps) {
    super(scope, id, props);
  }

  protected usedValues(): unknown[] {
    return [this.props.transformations];
  }

  protected renderBody(): TemplateBody {
    const p = this.props;
    return {
      data: {
        source: { artifactPaths: { name: p.source.name, ...p.source.location._location } },
        transformation: p.transformations.map(expression => ({ expression })),
      },
    };
  }
}
