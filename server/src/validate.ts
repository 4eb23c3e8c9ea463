import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError, msg } from './errors';
import type { MessageRef } from '../../utils/i18n/translate';
import type { MessageKey } from '../../utils/i18n/catalogue';
import { issueRef } from '../../utils/i18n/issue-message';
import { findJsonProblem, jsonDepthExceeds, MAX_JSON_DEPTH, type JsonProblem } from './text-checks';

/**
 * Read the request body as JSON: a body that is not JSON is `bad-json`, never a 500. The
 * size limit is enforced before this by the body-limit middleware. Every route reads its
 * body here, so this is where text the database cannot keep (a null character, a lone
 * surrogate) and nesting deeper than MAX_JSON_DEPTH are refused, naming the field.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiError(400, 'bad-json', 'server.noBody');
  if (jsonDepthExceeds(text)) throw new ApiError(400, 'invalid-body', tooDeepMessage());
  let input: unknown;
  try {
    input = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'bad-json', msg('server.notJson', { detail: (error as Error).message }));
  }
  const problem = findJsonProblem(input);
  if (problem) throw new ApiError(400, 'invalid-body', describeJsonProblem(problem));
  return input;
}

function tooDeepMessage(): MessageRef {
  return msg('server.body.tooDeep', { max: MAX_JSON_DEPTH });
}

/** A JsonProblem in the caller's language (catalogue sentences), naming the field (its dot path) where it is. */
export function describeJsonProblem(problem: JsonProblem): MessageRef[] {
  if (problem.kind === 'depth') return [tooDeepMessage()];
  const what = msg(problem.character === 'half' ? 'server.body.halfCharacter' : 'server.body.nullCharacter');
  const where = problem.inKey
    ? problem.path ? msg('server.body.where.inKeyAt', { path: problem.path }) : msg('server.body.where.inKey')
    : problem.path ? msg('server.body.where.at', { path: problem.path }) : msg('server.body.where.inBody');
  return [what, where];
}

/** What `check` checks, for the refusal's words (`server.unknownField.<thing>` and `server.valid.lead.<thing>` in the catalogue). */
export type CheckedThing = 'request' | 'body' | 'reply' | 'support' | 'comment' | 'annotation';

/**
 * Check `input` against a valibot schema. Unknown fields in a strict object are
 * `unknown-field`; every other problem is `invalid-body`: "The reply is not valid:" and each
 * problem, naming where it is, all from the catalogue (said in the caller's language).
 */
export function check<S extends v.GenericSchema>(schema: S, input: unknown, what: CheckedThing = 'request'): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const unknown = result.issues.find((i) => i.type === 'strict_object' && i.expected === 'never');
  if (unknown) {
    const path = v.getDotPath(unknown);
    const field = path ?? String(unknown.input ?? '');
    throw new ApiError(400, 'unknown-field', msg(`server.unknownField.${what}`, { field }));
  }
  throw new ApiError(400, 'invalid-body', [msg(`server.valid.lead.${what}`), ...result.issues.flatMap(describeIssue)]);
}

const KIND_KEYS: Record<string, MessageKey> = {
  string: 'server.valid.kind.text',
  number: 'server.valid.kind.number',
  boolean: 'server.valid.kind.boolean',
  Object: 'server.valid.kind.object',
  object: 'server.valid.kind.object',
  Array: 'server.valid.kind.list',
};

/** A kind of value (valibot's `expected` or a received type) in the catalogue's words, or as written (a literal such as `"Annotation"`). */
function kindWords(typeName: string | null): MessageRef | string {
  if (!typeName) return msg('server.valid.kind.somethingElse');
  if (typeName.includes(' | ')) return msg('server.valid.kind.oneOf', { values: typeName.replace(/^\(|\)$/g, '').split(' | ').join(', ') });
  const key = KIND_KEYS[typeName];
  if (key) return msg(key);
  return typeName.startsWith('"') ? typeName : msg('server.valid.kind.other', { name: typeName });
}

/** What was sent instead, in the catalogue's words. */
function receivedWords(input: unknown): MessageRef | string {
  if (input === null) return msg('server.valid.kind.null');
  if (Array.isArray(input)) return msg('server.valid.kind.list');
  return kindWords(typeof input);
}

/**
 * One valibot issue as catalogue messages, with where it is. A schema's own message (a
 * catalogue key, see utils/i18n/issue-message.ts) is said, then "(at path)"; valibot's generic
 * "Invalid type: Expected ... but received ..." becomes "missing" or "should be X, not Y".
 */
export function describeIssue(issue: v.BaseIssue<unknown>): MessageRef[] {
  const path = v.getDotPath(issue);
  const own = issueRef(issue);
  if (own) return path ? [own, msg('validation.at', { path })] : [own];
  if (issue.received === 'undefined') return [path ? msg('server.valid.missing', { path }) : msg('server.valid.missingWhole')];
  if (issue.kind === 'schema') {
    const words = { expected: kindWords(issue.expected), received: receivedWords(issue.input) };
    return [path ? msg('server.valid.shouldBe', { path, ...words }) : msg('server.valid.shouldBeWhole', words)];
  }
  return [path ? msg('server.valid.invalid', { path }) : msg('server.valid.invalidWhole')];
}

/** Read and check a JSON body in one step. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const input = await readJson(c);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, 'invalid-body', 'server.bodyNotObject');
  }
  return check(schema, input, 'body');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID, lower-cased; anything else is `invalid-body`. */
export function uuidParam(value: string | undefined, what: 'comment' | 'link' = 'comment'): string {
  if (!value || !UUID.test(value)) throw new ApiError(400, 'invalid-body', what === 'link' ? 'server.linkIdNotUuid' : 'server.commentIdNotUuid');
  return value.toLowerCase();
}
