import * as ts from 'typescript';

/** A property of a generated props interface: its TypeScript name and type, by manifest key. */
export interface GeneratedProperty {
  readonly tsName: string;
  readonly type: ts.TypeNode;
}

/**
 * What `cdk8s import` generated for a CRD file, read from its TypeScript output: the props
 * interfaces (manifest key -> property, from the `@schema Type#key` tags), the string enums and
 * the int-or-string wrapper classes (`X.fromNumber(3)`), and the kind classes by kind.
 */
export interface ImportModel {
  readonly interfaces: ReadonlyMap<string, ReadonlyMap<string, GeneratedProperty>>;
  /** enum name -> value -> member name */
  readonly enums: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** class name -> its static factory names (`fromNumber`, `fromString`) */
  readonly wrappers: ReadonlyMap<string, ReadonlySet<string>>;
  /** kind (`WorkflowTemplate`) -> { class name, props interface name } */
  readonly kinds: ReadonlyMap<string, { readonly className: string; readonly propsName: string }>;
}

export function readImportModel(fileName: string, text: string): ImportModel {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const interfaces = new Map<string, Map<string, GeneratedProperty>>();
  const enums = new Map<string, Map<string, string>>();
  const wrappers = new Map<string, Set<string>>();
  const kinds = new Map<string, { className: string; propsName: string }>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      interfaces.set(statement.name.text, readInterface(statement));
    } else if (ts.isEnumDeclaration(statement)) {
      const members = new Map<string, string>();
      for (const m of statement.members) {
        if (m.initializer && ts.isStringLiteral(m.initializer)) members.set(m.initializer.text, m.name.getText(source));
      }
      enums.set(statement.name.text, members);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const kind = gvkKind(statement);
      if (kind) {
        kinds.set(kind, { className: statement.name.text, propsName: `${statement.name.text}Props` });
        continue;
      }
      const factories = new Set<string>();
      for (const m of statement.members) {
        if (ts.isMethodDeclaration(m) && isStatic(m) && ts.isIdentifier(m.name)) factories.add(m.name.text);
      }
      wrappers.set(statement.name.text, factories);
    }
  }
  return { interfaces, enums, wrappers, kinds };
}

function readInterface(node: ts.InterfaceDeclaration): Map<string, GeneratedProperty> {
  const props = new Map<string, GeneratedProperty>();
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
    const schemaTag = ts.getJSDocTags(member).find(t => t.tagName.text === 'schema');
    const comment = typeof schemaTag?.comment === 'string' ? schemaTag.comment : '';
    const key = comment.includes('#') ? comment.slice(comment.lastIndexOf('#') + 1).trim() : member.name.text;
    props.set(key, { tsName: member.name.text, type: member.type });
  }
  return props;
}

/** The kind of a kind class (`public static readonly GVK = { apiVersion, kind }`), if it is one. */
function gvkKind(node: ts.ClassDeclaration): string | undefined {
  for (const m of node.members) {
    if (!ts.isPropertyDeclaration(m) || !ts.isIdentifier(m.name) || m.name.text !== 'GVK') continue;
    if (!m.initializer || !ts.isObjectLiteralExpression(m.initializer)) continue;
    for (const p of m.initializer.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'kind' && ts.isStringLiteral(p.initializer)) {
        return p.initializer.text;
      }
    }
  }
  return undefined;
}

function isStatic(node: ts.MethodDeclaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Static) !== 0;
}
