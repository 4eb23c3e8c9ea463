import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Where each valibot function takes its message: the index of that argument (`v.string(message)`,
 * `v.minLength(1, message)`, `v.variant('type', options, message)`). Functions not listed take none.
 */
const MESSAGE_AT: Readonly<Record<string, number>> = Object.fromEntries([
  ...['string', 'number', 'boolean', 'bigint', 'date', 'null', 'undefined', 'never', 'url', 'email', 'uuid', 'isoTimestamp', 'isoDate', 'isoDateTime', 'integer', 'finite', 'safeInteger', 'nonEmpty', 'empty', 'hexColor', 'emoji'].map((name) => [name, 0] as const),
  ...['minLength', 'maxLength', 'length', 'notLength', 'minValue', 'maxValue', 'value', 'notValue', 'minSize', 'maxSize', 'size', 'minWords', 'maxWords', 'regex', 'check', 'custom', 'literal', 'picklist', 'enum', 'union', 'array', 'object', 'strictObject', 'looseObject', 'tuple', 'strictTuple', 'looseTuple', 'startsWith', 'endsWith', 'includes', 'excludes', 'multipleOf', 'instance', 'set', 'someItem', 'everyItem', 'checkItems', 'intersect'].map((name) => [name, 1] as const),
  ...['variant', 'record', 'map', 'objectWithRest', 'tupleWithRest', 'partialCheck'].map((name) => [name, 2] as const),
]);

/** A message given to a valibot schema or action in source code. */
export interface SchemaMessage {
  /** File, relative to the folder searched, and line. */
  where: string;
  /** The valibot function, such as `minLength`. */
  fn: string;
  /** The literal text, or null when the message is not a plain string literal (a template, a name, a call). */
  text: string | null;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every message passed to a `v.<fn>(…)` call in one file's source. */
export function schemaMessagesIn(name: string, source: string): SchemaMessage[] {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true);
  const found: SchemaMessage[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'v') {
      const fn = node.expression.name.text;
      const at = MESSAGE_AT[fn];
      const arg = at === undefined ? undefined : node.arguments[at];
      if (arg) {
        const line = file.getLineAndCharacterOfPosition(arg.getStart(file)).line + 1;
        const text = ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : null;
        found.push({ where: `${name}:${line}`, fn, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every valibot message in the TypeScript files under `root` (tests left out), named relative to `base`. */
export function schemaMessagesUnder(root: string, base: string): SchemaMessage[] {
  return typeScriptFiles(root).flatMap((path) => schemaMessagesIn(relative(base, path), readFileSync(path, 'utf8')));
}
