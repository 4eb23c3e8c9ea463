/**
 * Finds words a person would see that are written in code instead of coming from the
 * catalogue (utils/i18n): JSX text, text-bearing attributes (aria-label, title, placeholder,
 * alt, label …) and any string that reads like a sentence ("Add a comment", "Saved."). Run as
 * `npx tsx tests/support/find-literal-strings.ts <files…>` to list them; i18n-literals.test.ts
 * fails while any remain in the UI files.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'heading', 'description', 'emptyText', 'buttonLabel', 'summary']);

/** Looks like words for people: a capital then a lower-case word, or two words, with letters. */
function readsLikeWords(text: string): boolean {
  const t = text.trim();
  if (!/[A-Za-z]{2,}/.test(t)) return false;
  // Code-ish strings: identifiers, keys, paths, CSS classes, MIME types, URLs, selectors.
  if (/^(https?:|mailto:|data:|\/|\.|#|\[)/.test(t)) return false;
  if (/^[a-z0-9]+([-_:./][a-z0-9]+)*$/i.test(t) && !/^[A-Z][a-z]+$/.test(t)) return false;
  if (/^[a-z][\w-]*(\s+[a-z0-9:[\]\/.%#()!-][\w:[\]\/.%#()!,-]*)*$/.test(t) && !/\s(a|an|the|to|of|and|or|is|are|you|your|this|it|in|on|for)\s/.test(` ${t} `)) return false;
  return /^[A-Z][a-z’']+(\s|$|[.,:!?…])/.test(t) || /[a-z]\s+[a-z]+.*\s[a-z]+/i.test(t) || /[.?!…:]$/.test(t);
}

/** Calls that take keys, ids or code, never words for people. */
const CODE_CALLS = new Set(['t', 'tr', 'querySelector', 'querySelectorAll', 'closest', 'getElementById', 'addEventListener', 'removeEventListener', 'createElement', 'setAttribute', 'getAttribute', 'hasAttribute', 'removeAttribute', 'matchMedia', 'postMessage', 'console.log', 'console.warn', 'console.error', 'get', 'getAll', 'has', 'delete', 'startsWith', 'endsWith', 'includes', 'split', 'replace', 'test', 'fetch', 'dispatchEvent', 'Error', 'TypeError']);

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'console' ? `console.${e.name.text}` : e.name.text;
  return '';
}

/** Strings inside these are code (keys, types, classes), not words. */
function inCodePosition(node: ts.Node): boolean {
  // Compared, never shown: `event.key === 'Escape'`, `case 'Enter':`.
  const parent = node.parent;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(parent.operatorToken.kind)) return true;
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isTypeNode(p) || ts.isLiteralTypeNode(p)) return true;
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) return CODE_CALLS.has(calleeName(p)) && p.arguments?.some((a) => a === node || a.pos <= node.pos && node.end <= a.end) === true;
    if (ts.isJsxAttribute(p)) {
      const name = p.name.getText();
      return !TEXT_ATTRIBUTES.has(name) && (name === 'class' || name === 'className' || name.startsWith('data-') || name === 'id' || name === 'href' || name === 'type' || name === 'role' || name === 'name' || name === 'style' || name === 'variant' || name === 'key' || name === 'lang');
    }
    if (ts.isPropertyAssignment(p) && ['class', 'className', 'style'].includes(p.name.getText())) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** The literals in one file's source text. */
export function findLiteralsInSource(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    // An explicit, reviewed exception: `// i18n-ignore: why` on the line or the line before.
    const lines = source.split('\n');
    if (/i18n-ignore/.test(lines[line - 1] ?? '') || /i18n-ignore/.test(lines[line - 2] ?? '')) return;
    found.push({ file, line, text: text.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/[A-Za-z]{2,}/.test(node.text)) add(node, node.text);
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (TEXT_ATTRIBUTES.has(node.name.getText()) && /[A-Za-z]{2,}/.test(node.initializer.text)) add(node, node.initializer.text);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent)) {
      if (readsLikeWords(node.text) && !inCodePosition(node) && !ts.isPropertyAssignment(node.parent) === !ts.isPropertyAssignment(node.parent)) {
        if (!(ts.isPropertyAssignment(node.parent) && node.parent.name === node) && !ts.isElementAccessExpression(node.parent)) add(node, node.text);
      }
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      if (readsLikeWords(text) && /[A-Za-z]{2,}\s/.test(text) && !inCodePosition(node)) add(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function findLiterals(files: readonly string[]): Literal[] {
  return files.flatMap((f) => findLiteralsInSource(f, readFileSync(f, 'utf8')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of findLiterals(process.argv.slice(2))) console.log(`${l.file}:${l.line}: ${l.text}`);
}
