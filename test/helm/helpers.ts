import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { parseAllDocuments } from 'yaml';
import { Binary, helmBinary } from '../support/helm';

/** A seeded pseudo-random generator (mulberry32): the same strings on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings over the characters that matter to Go templates and YAML quoting, and beyond. */
export const TRICKY = ['{', '}', '`', '"', "'", '\\', '-', ' ', '\n', '\t', '\r', '/', '*', '=', '.', '$', '|', '#', ':', 'a', 'é', '한', '😀', '\u2028', '\u0007', '\u00a0'];

/** `count` random strings of up to `max` characters from `alphabet`, with `{{` made frequent. */
export function randomStrings(count: number, max: number, seed: number, alphabet: readonly string[] = TRICKY): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = Math.floor(next() * (max + 1));
    while (s.length < length) s += next() < 0.2 ? ['{{', '}}', '{{-', ' -}}', '{{/*', '*/}}', '{{`', '`}}', '{{"', '"}}'][Math.floor(next() * 10)] : alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out;
}

/** Every string of length 0..max over `alphabet`. */
export function allStrings(alphabet: readonly string[], max: number): string[] {
  const out = [''];
  let level = [''];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap(prefix => alphabet.map(c => prefix + c));
    out.push(...level);
  }
  return out;
}

/** A temporary chart folder with Chart.yaml and the given files (relative path -> content). */
export function tempChart(files: { readonly [path: string]: string }, name = 'test-chart'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdk8s-argo-helm-'));
  const chart = join(dir, name);
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(chart, path)), { recursive: true });
    writeFileSync(join(chart, path), content);
  }
  return chart;
}

export function removeChart(chart: string): void {
  rmSync(dirname(chart), { recursive: true, force: true });
}

/** The documents of YAML text (YAML 1.1, as cdk8s writes it), empty ones left out. */
export function documents(text: string): any[] {
  return parseAllDocuments(text, { version: '1.1' }).map(d => d.toJS()).filter(d => d !== null && d !== undefined);
}

/**
 * `describe` for tests that run the real helm: skipped, with the reason printed, only when the
 * binary cannot run on this platform.
 */
export function describeWithHelm(name: string, body: (helm: () => string) => void): void {
  const binary: Binary = helmBinary();
  if ('skip' in binary) {
    // eslint-disable-next-line no-console
    console.warn(`Skipping "${name}": ${binary.skip}`);
    describe.skip(name, () => body(() => ''));
    return;
  }
  describe(name, () => body(() => binary.path));
}
