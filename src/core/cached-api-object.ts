import { ApiObject, JsonPatch } from 'cdk8s';
import { markChanged, revision } from './revision';
import { sameJson } from './same-json';

/** A render and what it depended on. */
interface Render {
  readonly json: any;
  /** The library revision when it was made. */
  readonly revision: number;
  /** The object's metadata then: users change it without this library (addLabel, addAnnotation...). */
  readonly metadata: unknown;
  /** True once a toJson() caller got it: the next caller gets a new object (callers may modify theirs). */
  handedOut: boolean;
}

/**
 * An ApiObject that keeps its last render while nothing changed: the JSON depends only on the
 * constructs of this library (every mutator calls `markChanged()`), the object's JSON patches
 * (`addJsonPatch` is overridden to record them) and its metadata (compared, it is small). So the
 * synth session renders each object once per `app.synth()`: the JSON it linted is the JSON cdk8s
 * writes. `toJson()` never returns the same object twice.
 *
 * Subclasses shape the JSON in `render()` and leave `toJson()` alone; a subclass (or a test) that
 * overrides `toJson()` opts out: the session then renders and compares it like any other object.
 */
export abstract class CachedApiObject extends ApiObject {
  /** True when `apiObject` renders through this cache (its `toJson` is not overridden). @internal */
  public static isCached(apiObject: ApiObject): apiObject is CachedApiObject {
    // Not `instanceof`: cdk8s makes `x instanceof <any ApiObject class>` true for every ApiObject.
    return CachedApiObject.prototype.isPrototypeOf(apiObject) && apiObject.toJson === CachedApiObject.prototype.toJson;
  }

  private last?: Render;

  /** The manifest: the last render when nothing changed since and no caller got it yet, else a new render. */
  public override toJson(): any {
    const last = this.last;
    if (last && !last.handedOut && this.isCurrent(last)) {
      last.handedOut = true;
      return last.json;
    }
    return this.renderAndKeep(true).json;
  }

  /** Adds JSON patches applied to the rendered manifest (and drops the kept render). */
  public override addJsonPatch(...ops: JsonPatch[]): void {
    markChanged();
    super.addJsonPatch(...ops);
  }

  /**
   * The JSON the synth session lints: the kept render while it is current and no caller got it,
   * else a new render, kept for the serialization that follows. @internal
   */
  public _sessionJson(): any {
    const last = this.last;
    return last && !last.handedOut && this.isCurrent(last) ? last.json : this.renderAndKeep(false).json;
  }

  /** True when rendering now would give the kept render again. @internal */
  public _unchanged(): boolean {
    return this.last !== undefined && this.isCurrent(this.last);
  }

  /** The manifest JSON: cdk8s's rendering of the object (generated kind classes map it to the schema's field names). */
  protected render(): any {
    return super.toJson();
  }

  private isCurrent(render: Render): boolean {
    return render.revision === revision() && sameJson(render.metadata, this.metadata.toJson());
  }

  private renderAndKeep(handedOut: boolean): Render {
    const at = revision();
    const metadata = this.metadata.toJson();
    const render: Render = { json: this.render(), revision: at, metadata, handedOut };
    this.last = render;
    return render;
  }
}
