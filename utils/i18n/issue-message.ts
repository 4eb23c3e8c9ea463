/**
 * The words of a schema's refusal. Schemas (utils/model, the store's) give valibot a catalogue
 * key as the message (`v.minLength(1, 'validation.reply.empty')`), never a sentence, so the
 * store, the extension and the web app each say it in their reader's language. This is the one
 * place that turns such an issue into words; a message that is not a key is shown as it is.
 */
import type { MessageRef } from './translate';
import { isMessageKey } from './translate';

/** The parts of a valibot issue read here (structural, so the catalogue does not depend on valibot). */
export interface IssueLike {
  readonly type: string;
  readonly message: string;
  readonly requirement?: unknown;
  readonly path?: readonly { readonly key: unknown }[] | undefined;
}

/** The issue's field as a dot path (`body.0.value`), or null at the top or where a key is not a name or index. */
export function issuePath(issue: IssueLike): string | null {
  if (!issue.path || issue.path.length === 0) return null;
  const keys = issue.path.map((item) => item.key);
  return keys.every((key) => typeof key === 'string' || typeof key === 'number') ? keys.join('.') : null;
}

/**
 * The issue's message as data, when it is a catalogue key: with `{max}` or `{min}` (a length or
 * value limit the schema holds) and `{path}` (the field) for the sentence to use. Null otherwise.
 */
export function issueRef(issue: IssueLike): MessageRef | null {
  if (!isMessageKey(issue.message)) return null;
  const params: Record<string, string | number> = {};
  if (typeof issue.requirement === 'number') {
    if (issue.type.startsWith('max_')) params.max = issue.requirement;
    else if (issue.type.startsWith('min_')) params.min = issue.requirement;
  }
  const path = issuePath(issue);
  if (path !== null) params.path = path;
  return { key: issue.message, params };
}

/** The issue's message in the reader's words (`tr` of their translator); a message that is not a key, as it is. */
export function issueMessage(issue: IssueLike, tr: (ref: MessageRef) => string): string {
  const ref = issueRef(issue);
  return ref ? tr(ref) : issue.message;
}

/** Each problem in the reader's words, with where it is (`… (at body.0.value)`) when it is inside the data. */
export function describeIssues(issues: readonly IssueLike[], tr: (ref: MessageRef) => string): string[] {
  return issues.map((issue) => {
    const text = issueMessage(issue, tr);
    const path = issuePath(issue);
    return path ? `${text} ${tr({ key: 'validation.at', params: { path } })}` : text;
  });
}
