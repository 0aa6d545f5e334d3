/** Container image references as the kubelet's runtime parses them (distribution/reference). */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME_LENGTH = 255;

/**
 * Why `image` is not a valid reference (`[registry[:port]/]path[:tag][@digest]`), or
 * undefined when it parses. The repository path must be lowercase; the registry host may not be.
 */
export function imageReferenceProblem(image: string): string | undefined {
  if (image.trim() !== image) return 'has leading or trailing whitespace';
  if (image === '') return 'is empty';
  let rest = image;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    if (!DIGEST.test(digest)) return `digest "${digest}" is not <algorithm>:<hex> (e.g. sha256: and 64 hex digits)`;
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    const tag = rest.slice(colon + 1);
    if (!TAG.test(tag)) return `tag "${tag}" must be 1-128 letters, digits, "_", "." and "-", not starting with "." or "-"`;
    rest = rest.slice(0, colon);
  }
  if (rest.length > MAX_NAME_LENGTH) return `repository name is longer than ${MAX_NAME_LENGTH} characters`;
  const parts = rest.split('/');
  if (parts.length > 1 && isDomain(parts[0])) {
    if (!DOMAIN.test(parts[0])) return `registry "${parts[0]}" is not a valid host[:port]`;
    parts.shift();
  }
  const path = parts.join('/');
  if (path !== path.toLowerCase()) return `repository name "${path}" must be lowercase`;
  const bad = parts.find(p => !PATH_COMPONENT.test(p));
  if (bad !== undefined) return `path component "${bad}" must be lowercase letters and digits, separated by ".", "_", "__" or "-"`;
  return undefined;
}

/** The same reference with the repository path lowercased (registry, tag and digest kept). */
export function suggestImage(image: string): string {
  const trimmed = image.trim();
  const at = trimmed.indexOf('@');
  const beforeDigest = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const digest = at >= 0 ? trimmed.slice(at) : '';
  const lastSlash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const name = colon > lastSlash ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = colon > lastSlash ? beforeDigest.slice(colon) : '';
  const parts = name.split('/');
  const domain = parts.length > 1 && isDomain(parts[0]) ? `${parts.shift()}/` : '';
  return domain + parts.join('/').toLowerCase() + tag + digest;
}

/** Docker's rule: the first component names a registry when it has "." or ":", is localhost, or has uppercase. */
function isDomain(component: string): boolean {
  return /[.:]/.test(component) || component === 'localhost' || component !== component.toLowerCase();
}
