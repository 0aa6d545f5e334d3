import { CannotSimulate } from '../cannot-simulate';

interface Key {
  readonly name: string;
  /** Numeric component (array index, or `-1` to append), unless forced to a key with `:`. */
  readonly index?: number;
}

/** Splits an sjson path: `.`-separated, `\` escapes, `:5` forces the object key `5`. */
function parsePath(path: string): Key[] {
  if (path === '') throw new Error('path cannot be empty');
  const keys: Key[] = [];
  let name = '';
  let escaped = false;
  const push = () => {
    if (!escaped && name.startsWith(':')) keys.push({ name: name.slice(1) });
    else if (!escaped && /^(\d+|-1)$/.test(name)) keys.push({ name, index: Number(name) });
    else keys.push({ name });
    name = '';
    escaped = false;
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && i + 1 < path.length) {
      name += path[++i];
      escaped = true;
    } else if (c === '.') {
      push();
    } else if (c === '*' || c === '?' || c === '|' || c === '#') {
      throw new CannotSimulate(`dest path "${path}"`, `sjson does not set through "${c}" (Argo Events would leave the resource unchanged or fail)`);
    } else {
      name += c;
    }
  }
  push();
  return keys;
}

/**
 * `sjson.Set` / `sjson.SetRaw` on a parsed JSON value: sets `value` at `path`, creating objects
 * for missing keys and arrays for missing numeric keys (`a.0.b` on `{}` gives `{"a":[{"b":..}]}`),
 * padding arrays with null, appending with `-1`. Returns the updated copy; throws like sjson
 * for a non-numeric key into an array.
 */
export function sjsonSet(root: unknown, path: string, value: unknown): unknown {
  const keys = parsePath(path);
  return setIn(structuredClone(root ?? {}), keys, 0, value, path);
}

/** `sjsonSet` on a value the caller owns (a copy of its own): changed in place, no copy made. */
export function sjsonSetInPlace(root: unknown, path: string, value: unknown): unknown {
  return setIn(root ?? {}, parsePath(path), 0, value, path);
}

function setIn(container: unknown, keys: readonly Key[], i: number, value: unknown, path: string): unknown {
  const key = keys[i];
  const last = i === keys.length - 1;
  if (Array.isArray(container)) {
    if (key.index === undefined) throw new Error(`cannot set array element for non-numeric key '${key.name}'`);
    const at = key.index === -1 ? container.length : key.index;
    while (container.length < at) container.push(null);
    container[at] = last ? value : setIn(child(container[at], keys[i + 1]), keys, i + 1, value, path);
    return container;
  }
  const object: { [k: string]: unknown } = isObject(container) ? container : {};
  object[key.name] = last ? value : setIn(child(object[key.name], keys[i + 1]), keys, i + 1, value, path);
  return object;
}

/** The existing value to descend into, or a new container for the next key. */
function child(existing: unknown, nextKey: Key): unknown {
  if (Array.isArray(existing) || isObject(existing)) return existing;
  return nextKey.index !== undefined ? [] : {};
}

function isObject(value: unknown): value is { [k: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
