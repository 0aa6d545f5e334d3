/** Kubernetes name formats (k8s.io/apimachinery/pkg/util/validation). */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A name format with what Kubernetes says about it. */
export interface NameFormat {
  /** e.g. `DNS-1123 subdomain`. */
  readonly label: string;
  /** The characters and shape allowed, for messages. */
  readonly rule: string;
  readonly maxLength: number;
  test(name: string): boolean;
}

export const DNS1123_SUBDOMAIN_FORMAT: NameFormat = {
  label: 'DNS-1123 subdomain',
  rule: 'lowercase letters, digits, "-" and ".", starting and ending with a letter or digit',
  maxLength: 253,
  test: name => DNS1123_SUBDOMAIN.test(name),
};

export const DNS1123_LABEL_FORMAT: NameFormat = {
  label: 'DNS-1123 label',
  rule: 'lowercase letters, digits and "-", starting and ending with a letter or digit',
  maxLength: 63,
  test: name => DNS1123_LABEL.test(name),
};

export const DNS1035_LABEL_FORMAT: NameFormat = {
  label: 'DNS-1035 label',
  rule: 'lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
  maxLength: 63,
  test: name => DNS1035_LABEL.test(name),
};

/** Why `name` breaks `format`, or undefined when it is valid. */
export function nameProblem(name: string, format: NameFormat): string | undefined {
  if (name.length > format.maxLength) return `is ${name.length} characters long; a ${format.label} has at most ${format.maxLength}`;
  if (!format.test(name)) return `is not a valid ${format.label} (${format.rule})`;
  return undefined;
}

/**
 * The nearest valid name: lowercased, other characters replaced by "-", trimmed to the
 * allowed length and to a letter or digit at both ends. Empty when nothing is left.
 */
export function suggestName(name: string, format: NameFormat): string {
  const allowed = format === DNS1123_SUBDOMAIN_FORMAT ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g;
  let out = name.toLowerCase().replace(allowed, '-').replace(/-+/g, '-');
  if (format === DNS1123_SUBDOMAIN_FORMAT) out = out.replace(/-?\.-?/g, '.').replace(/\.+/g, '.');
  out = out.slice(0, format.maxLength);
  const edge = format === DNS1035_LABEL_FORMAT ? /^[^a-z]+|[^a-z0-9]+$/g : /^[^a-z0-9]+|[^a-z0-9]+$/g;
  return out.replace(edge, '');
}

/** Why a label or annotation key is invalid (`[prefix/]name`), or undefined. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one "/"; the form is [prefix/]name';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    const problem = nameProblem(prefix, DNS1123_SUBDOMAIN_FORMAT);
    if (problem) return `prefix "${prefix}" ${problem}`;
  }
  if (name.length === 0 || name.length > 63) return `name part "${name}" must be 1-63 characters`;
  if (!QUALIFIED_NAME_PART.test(name)) return `name part "${name}" must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit`;
  return undefined;
}

/** Why a label value is invalid, or undefined (empty is valid). */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `is ${value.length} characters long; a label value has at most 63`;
  if (!QUALIFIED_NAME_PART.test(value)) return 'must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** True when the text holds an Argo/Helm `{{...}}` expression (resolved later, not checkable now). */
export function hasTemplateExpression(text: string): boolean {
  return text.includes('{{');
}
