import { GoValue } from '../values';
import { BUILTINS, SHORT_CIRCUIT } from './builtins';
import { executeTemplate } from './exec';
import { TemplateFunction } from './functions';
import { parseTemplate, TemplateNode } from './parse';
import { SPRIG } from './sprig';

export { TemplateError } from './parse';

/** Template functions as Argo Events registers them: sprig's FuncMap over Go's builtins. */
const FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map([...BUILTINS, ...SPRIG]);
const NAMES: ReadonlySet<string> = new Set([...FUNCTIONS.keys(), ...SHORT_CIRCUIT]);
const parsed = new Map<string, TemplateNode[]>();

/**
 * Runs a Go text/template with sprig's functions, as Argo Events does for `dataTemplate`,
 * `contextTemplate` and data filter templates: `template.New("param").Funcs(sprig.FuncMap())`.
 * Throws TemplateError where Go's Parse or Execute fails, CannotSimulate for what is not
 * reproduced (nested templates, clock, random and environment functions...).
 */
export function runGoTemplate(text: string, data: GoValue): string {
  let nodes = parsed.get(text);
  if (!nodes) {
    nodes = parseTemplate(text, NAMES);
    if (parsed.size > 1000) parsed.clear();
    parsed.set(text, nodes);
  }
  return executeTemplate(nodes, data, FUNCTIONS);
}
