/**
 * Checks for text the database cannot keep, run at the edges (request bodies, addresses),
 * so every route refuses it with a 400 naming where it is instead of failing in SQL.
 * PostgreSQL refuses the null character in `text` and `jsonb`, and a lone UTF-16 surrogate
 * (`"\ud800"` in JSON) in `jsonb`; a deeply nested body exhausts the stack of its parser.
 */

/** The deepest nesting of lists and objects a request body may have. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string, in words for the person who sent it, or null if it can be kept. */
export function unstorableCharacter(text: string): string | null {
  const kind = unstorableKind(text);
  return kind === 'null' ? 'a null character' : kind === 'half' ? 'half of a character pair, such as a broken emoji' : null;
}

/** Which character the database cannot keep `text` holds, if any: a null, or half of a surrogate pair. */
export function unstorableKind(text: string): 'null' | 'half' | null {
  if (text.includes('\u0000')) return 'null';
  if (LONE_SURROGATE.test(text)) return 'half';
  return null;
}

/** A problem found in a JSON value: what is wrong and where (a dot path, "" for the top). */
export interface JsonProblem {
  kind: 'character' | 'depth';
  /** "a null character", "half of a character pair, ...", or the depth limit. */
  problem: string;
  /** Which character (kind `character`): a null, or half of a surrogate pair. */
  character?: 'null' | 'half';
  path: string;
  /** True when the problem is in a field name rather than a value. */
  inKey: boolean;
}

/**
 * The first string (value or field name) in `value` the database cannot keep, or nesting
 * deeper than `maxDepth`. Iterative, so any depth JSON.parse accepted is safe to walk.
 */
export function findJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node === 'string') {
      const problem = unstorableCharacter(node);
      if (problem) return { kind: 'character', problem, character: unstorableKind(node)!, path: path.join('.'), inKey: false };
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= maxDepth) return { kind: 'depth', problem: `more than ${maxDepth} levels`, path: path.join('.'), inKey: false };
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    // Pushed in reverse so the first problem in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const keyProblem = unstorableCharacter(key);
      if (keyProblem) return { kind: 'character', problem: keyProblem, character: unstorableKind(key)!, path: path.join('.'), inKey: true };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/**
 * The deepest nesting of `[` and `{` in JSON text, stopping once past `limit` (strings are
 * skipped). Lets a body nested thousands deep be refused before it is parsed.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}
