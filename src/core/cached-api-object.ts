import { ApiObject, ApiObjectProps, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { renderWithBuiltInResolvers } from './builtin-resolution';
import { matchesSnapshot, MetadataSnapshot, snapshotOf } from './metadata-snapshot';
import { markChanged, revision } from './revision';
import { sameJson } from './same-json';

/** What a render depended on: when it was made, and the object's metadata then. */
interface Stamp {
  /** The library revision. */
  readonly revision: number;
  /** The metadata (users change it without this library: addLabel, addAnnotation...): a snapshot, else its JSON. */
  readonly metadata: { readonly snapshot: MetadataSnapshot } | { readonly json: unknown };
}

/**
 * An ApiObject that keeps its last render while nothing changed: the JSON depends only on the
 * constructs of this library (every mutator calls `markChanged()`), the object's JSON patches
 * (`addJsonPatch` is overridden to record them) and its metadata (compared: metadata-snapshot.ts).
 * So the synth session renders each object once per `app.synth()`: the JSON it linted is the JSON
 * cdk8s writes. `toJson()` never returns the same object twice: the kept JSON goes to its first
 * caller, and only the stamp stays.
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

  private stamp?: Stamp;
  /** The last render, until a toJson() caller took it. */
  private kept?: any;
  /** The props cdk8s renders (its own field is private). */
  private readonly l1Props: ApiObjectProps;
  /** The JSON patches added (cdk8s's own list is private). */
  private readonly jsonPatches: JsonPatch[] = [];

  constructor(scope: Construct, id: string, props: ApiObjectProps) {
    super(scope, id, props);
    this.l1Props = props;
  }

  /** The manifest: the kept render when nothing changed since and no caller got it yet, else a new render. */
  public override toJson(): any {
    if (this.kept !== undefined && this._unchanged()) {
      const json = this.kept;
      this.kept = undefined;
      return json;
    }
    this.kept = undefined;
    this.stamp = this.stampNow();
    return this.render();
  }

  /** Adds JSON patches applied to the rendered manifest (and drops the kept render). */
  public override addJsonPatch(...ops: JsonPatch[]): void {
    markChanged();
    this.jsonPatches.push(...ops);
    super.addJsonPatch(...ops);
  }

  /**
   * The JSON the synth session lints: the kept render while it is current, else a new render,
   * kept for the serialization that follows. @internal
   */
  public _sessionJson(): any {
    if (this.kept === undefined || !this._unchanged()) {
      this.stamp = this.stampNow();
      this.kept = this.render();
    }
    return this.kept;
  }

  /** True when rendering now would give the last render again. @internal */
  public _unchanged(): boolean {
    const stamp = this.stamp;
    if (stamp === undefined || stamp.revision !== revision()) return false;
    const kept = stamp.metadata;
    if ('json' in kept) return sameJson(kept.json, this.metadata.toJson());
    return matchesSnapshot(this.metadata, kept.snapshot);
  }

  /**
   * The manifest JSON: cdk8s's rendering of the object (generated kind classes map it to the
   * schema's field names), in one pass while the app uses cdk8s's built-in resolvers only.
   */
  protected render(): any {
    return renderWithBuiltInResolvers(this, this.l1Props, this.jsonPatches) ?? super.toJson();
  }

  /** Taken before rendering, so that a change during the render makes the render stale. */
  private stampNow(): Stamp {
    const snapshot = snapshotOf(this.metadata);
    return { revision: revision(), metadata: snapshot ? { snapshot } : { json: this.metadata.toJson() } };
  }
}
