import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError, msg } from './errors';
import type { MessageRef } from '../../utils/i18n/translate';
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

/** What `check` checks, for the refusal's words (`server.unknownField.<thing>` in the catalogue). */
export type CheckedThing = 'request' | 'body' | 'reply' | 'support' | 'comment' | 'annotation';

/** Its English words, for the detail sentences not yet in the catalogue. */
const CHECKED_THING_WORDS: Record<CheckedThing, string> = {
  request: 'The request',
  body: 'The request body',
  reply: 'The reply',
  support: 'The "this is my experience too"',
  comment: 'The comment',
  annotation: 'The annotation',
};

/**
 * Check `input` against a valibot schema. Unknown fields in a strict object are
 * `unknown-field`; every other problem is `invalid-body`, each naming where it is.
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
  throw new ApiError(400, 'invalid-body', `${CHECKED_THING_WORDS[what]} is not valid: ${result.issues.map(describeIssue).join('; ')}.`);
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
};

function words(typeName: string | null): string {
  if (!typeName) return 'something else';
  if (typeName.includes(' | ')) return `one of ${typeName.replace(/^\(|\)$/g, '').split(' | ').join(', ')}`;
  return KIND_WORDS[typeName] ?? (typeName.startsWith('"') ? typeName : `a ${typeName}`);
}

/**
 * One valibot issue in plain English with where it is. Schema messages written for people
 * are kept; valibot's generic "Invalid type: Expected ... but received ..." is reworded.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const where = path ? `"${path}"` : 'the body';
  if (!issue.message.startsWith('Invalid ')) return path ? `${issue.message.replace(/\.$/, '')} (at ${path})` : issue.message;
  if (issue.received === 'undefined') return `${where} is missing`;
  if (issue.kind === 'schema') {
    const received = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'a list' : words(typeof issue.input);
    return `${where} should be ${words(issue.expected)}, not ${received}`;
  }
  return `${where} is not valid`;
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
