/** Where a JSON text breaks RFC 8259, and why. */
export interface JsonProblem {
  readonly offset: number;
  readonly message: string;
}

/** Offsets of one top-level JSON value in the text: [start, end). */
export interface JsonValueRange {
  readonly start: number;
  readonly end: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const KUBECTL = 'kubectl reads a file that starts with "{" as JSON';

/** True when kubectl would read the text as JSON: its first character other than white space is "{". */
export function looksLikeJson(text: string): boolean {
  const match = /\S/.exec(text);
  return match !== null && match[0] === '{';
}

/**
 * Checks a stream of JSON values (what kubectl accepts in a file that starts with "{": values
 * one after the other) strictly, without recursion, and returns where each value is. Comments,
 * trailing commas, single quotes and unquoted keys (JSON5, JSONC) are problems, as for kubectl.
 */
export function splitJsonStream(text: string): { readonly values: JsonValueRange[] } | { readonly problem: JsonProblem } {
  const values: JsonValueRange[] = [];
  /** Open containers: '{' or '['. */
  const open: string[] = [];
  let i = 0;
  let start = 0;
  /** What may come next: a value (at the top level too), a key, a colon, a separator. */
  let expect = 'value' as 'value' | 'key' | 'key-or-end' | 'value-or-end' | 'colon' | 'comma-or-end';
  const fail = (offset: number, message: string) => ({ problem: { offset, message } });
  /** A value ended at i: a top-level one is recorded. */
  const completed = () => {
    if (open.length) {
      expect = 'comma-or-end';
    } else {
      values.push({ start, end: i });
      expect = 'value';
    }
  };
  const n = text.length;
  while (true) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    if (i >= n) {
      if (open.length) return fail(n, `unexpected end of the JSON text: ${open.length} ${open.length === 1 ? 'object or array is' : 'objects or arrays are'} not closed (a "${open[open.length - 1] === '{' ? '}' : ']'}" is missing)`);
      return { values };
    }
    const ch = text[i];
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail(i, `comments are not allowed in JSON (${KUBECTL} and rejects them): remove the comment, or write the file as YAML (# comments)`);
    }
    if (open.length === 0) {
      if (values.length > 0 && ch !== '{' && ch !== '[') {
        return fail(i, `unexpected ${describe(ch)} after a JSON value: a JSON file holds JSON values only (${KUBECTL})`);
      }
      start = i;
    }
    switch (expect) {
      case 'colon':
        if (ch !== ':') return fail(i, `expected ":" after the object key, found ${describe(ch)}`);
        i++;
        expect = 'value';
        continue;
      case 'comma-or-end': {
        const closer = open[open.length - 1] === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = closer === '}' ? 'key' : 'value';
          continue;
        }
        if (ch !== closer) return fail(i, `expected "," or "${closer}", found ${describe(ch)}`);
        i++;
        open.pop();
        completed();
        continue;
      }
      case 'key':
      case 'key-or-end': {
        if (ch === '}') {
          if (expect === 'key') return fail(i, 'trailing comma before "}": JSON does not allow it');
          i++;
          open.pop();
          completed();
          continue;
        }
        if (ch !== '"') return fail(i, ch === "'" ? 'strings must be in double quotes in JSON' : `object keys must be double-quoted strings in JSON, found ${describe(ch)}`);
        const end = scanString(text, i);
        if (typeof end !== 'number') return { problem: end };
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-end': {
        if (ch === ']' && expect === 'value-or-end') {
          i++;
          open.pop();
          completed();
          continue;
        }
        if (ch === ']' || ch === '}') return fail(i, afterComma(text, i) ? `trailing comma before "${ch}": JSON does not allow it` : `expected a value, found "${ch}"`);
        if (ch === '{' || ch === '[') {
          open.push(ch);
          i++;
          expect = ch === '{' ? 'key-or-end' : 'value-or-end';
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return { problem: end };
          i = end;
        } else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          if (!match) return fail(i, ch === "'" ? 'strings must be in double quotes in JSON' : `${describe(ch)} does not start a JSON value (string, number, object, array, true, false or null)`);
          i += match[0].length;
        }
        completed();
        continue;
      }
    }
  }
}

/** Scans a string starting at its opening quote; returns the offset after the closing quote. */
function scanString(text: string, from: number): number | JsonProblem {
  let i = from + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, message: c === 0x0a ? 'unterminated string (a string cannot span lines in JSON; write \\n)' : `control character U+${c.toString(16).padStart(4, '0')} in a string: JSON requires it escaped` };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { offset: i, message: 'invalid \\u escape in a string: JSON needs four hex digits' };
        i += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i, message: `invalid escape "\\${e ?? ''}" in a string` };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: from, message: 'unterminated string' };
}

function afterComma(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',';
}

function describe(ch: string): string {
  return /[\x21-\x7e]/.test(ch) ? `"${ch}"` : `character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
