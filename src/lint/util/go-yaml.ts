import type { ScalarTag, Tags } from 'yaml';

/**
 * Plain scalars that Go's YAML parser (go-yaml v2, behind kubectl, `argo submit` and
 * sigs.k8s.io/yaml) resolves differently from YAML 1.2, added in front of the YAML 1.2 core
 * schema so that a manifest reads as Kubernetes reads it: `mode: 0755` is the octal 493 (not 755),
 * `enabled: yes` and `on` are true, `no` and `off` false, `1_000` is 1000.
 */
export const GO_YAML_SCALARS: readonly ScalarTag[] = [
  {
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/,
    resolve: text => /^(?:y|yes|on)$/i.test(text),
  },
  {
    // Go's strconv.ParseInt(text, 0, 64) after dropping underscores: a leading 0 is octal, 0b binary.
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?(?:0[0-7_]*[0-7][0-7_]*|0b[01_]+|[1-9][0-9]*(?:_[0-9]+)+)$/,
    resolve: text => {
      const sign = text.startsWith('-') ? -1 : 1;
      const digits = text.replace(/^[-+]/, '').replace(/_/g, '');
      const value = digits.startsWith('0b') ? parseInt(digits.substring(2), 2) : digits.startsWith('0') ? parseInt(digits, 8) : parseInt(digits, 10);
      return sign * value;
    },
  },
];

/** The YAML 1.2 core schema's tags with Go's readings in front (the `customTags` of every reader here). */
export const withGoScalars = (tags: Tags): Tags => [...GO_YAML_SCALARS, ...tags];
