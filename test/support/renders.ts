import { ApiObject } from 'cdk8s';
import { CachedApiObject } from '../../src/core/cached-api-object';

/**
 * Renders per object while `fn` runs. An object of this library renders in CachedApiObject's
 * render() (in one pass, or through cdk8s when the app has resolvers of its own); any other
 * object through cdk8s's ApiObject.toJson.
 */
export function rendersDuring(fn: () => void): Map<ApiObject, number> {
  const counts = new Map<ApiObject, number>();
  const count = (o: ApiObject) => counts.set(o, (counts.get(o) ?? 0) + 1);
  const cached = CachedApiObject.prototype as unknown as { render: (this: CachedApiObject) => unknown };
  const render = cached.render;
  const toJson = ApiObject.prototype.toJson;
  cached.render = function (this: CachedApiObject) {
    count(this);
    return render.call(this);
  };
  ApiObject.prototype.toJson = function (this: ApiObject) {
    if (!CachedApiObject.isCached(this)) count(this);
    return toJson.call(this);
  };
  try {
    fn();
    return counts;
  } finally {
    cached.render = render;
    ApiObject.prototype.toJson = toJson;
  }
}
