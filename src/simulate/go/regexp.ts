import { CannotSimulate } from '../cannot-simulate';

const POSIX_CLASSES: { readonly [name: string]: string } = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/**
 * Compiles a Go (RE2) regular expression as an equivalent JavaScript RegExp (unicode mode).
 * Handles leading flag groups `(?i)`/`(?s)`/`(?m)`, `(?P<name>...)`, `\A`, `\z`, `\Q...\E`,
 * POSIX classes `[[:alpha:]]`, `\pL`, punctuation escapes and literal braces. Throws a
 * SyntaxError where Go's regexp.Compile fails, and CannotSimulate for RE2 features with no
 * JavaScript equivalent (flags in the middle of a pattern, `(?U)`).
 */
export function goRegExp(pattern: string, extraFlags = ''): RegExp {
  const key = `${extraFlags}\u0000${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const { source, flags } = translate(pattern);
    re = new RegExp(source, `u${flags}${extraFlags}`);
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

function translate(pattern: string): { source: string; flags: string } {
  let flags = '';
  let rest = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(rest);
  if (lead) {
    if (lead[1].includes('U')) throw new CannotSimulate(`regular expression flag (?U) in "${pattern}"`);
    flags = [...new Set(lead[1])].join('');
    rest = rest.slice(lead[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') {
      const n = rest[i + 1];
      if (n === undefined) throw new SyntaxError('trailing backslash at end of expression');
      if (n === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = end < 0 ? rest.slice(i + 2) : rest.slice(i + 2, end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      if (n === 'A' && !inClass) { out += '^'; i++; continue; }
      if (n === 'z' && !inClass) { out += '$'; i++; continue; }
      if ((n === 'p' || n === 'P') && rest[i + 2] !== '{') {
        out += `\\${n}{${rest[i + 2]}}`;
        i += 2;
        continue;
      }
      if (n === 'C') throw new CannotSimulate(`regular expression escape \\C in "${pattern}"`);
      if (/[A-Za-z0-9]/.test(n)) {
        out += `\\${n}`;
        i++;
        continue;
      }
      // Go accepts any escaped punctuation; unicode-mode JavaScript only syntax characters.
      out += /[\\^$.*+?()[\]{}|/]/.test(n) || (inClass && n === '-') ? `\\${n}` : n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && rest[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(rest.slice(i));
        if (!m || !POSIX_CLASSES[m[2]]) throw new SyntaxError(`invalid character class range: ${rest.slice(i, i + 10)}`);
        if (m[1]) throw new CannotSimulate(`negated POSIX class in "${pattern}"`);
        out += POSIX_CLASSES[m[2]];
        i += m[0].length - 1;
        continue;
      }
      if (c === '[') { out += '\\['; continue; }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (rest[i + 1] === '^') { out += '^'; i++; }
      if (rest[i + 1] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '(' && rest[i + 1] === '?') {
      if (rest.startsWith('(?P<', i)) { out += '(?<'; i += 3; continue; }
      if (rest.startsWith('(?:', i) || rest.startsWith('(?<', i)) { out += c; continue; }
      throw new CannotSimulate(`regular expression group "${rest.slice(i, i + 6)}..." in "${pattern}"`);
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest.slice(i));
      if (!m) { out += '\\{'; continue; }
      if (Number(m[1]) > 1000 || Number(m[3] || 0) > 1000) throw new SyntaxError(`invalid repeat count: ${m[0]}`);
      out += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (c === '}') { out += '\\}'; continue; }
    out += c;
  }
  return { source: out, flags };
}
