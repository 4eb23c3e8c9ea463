import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError } from './errors';

/**
 * Read the request body as JSON: a body that is not JSON is `bad-json`, never a 500. The
 * size limit is enforced before this by the body-limit middleware.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiError(400, 'bad-json', 'The request has no body: send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'bad-json', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Check `input` against a valibot schema. Unknown fields in a strict object are
 * `unknown-field`; every other problem is `invalid-body`, each naming where it is.
 */
export function check<S extends v.GenericSchema>(schema: S, input: unknown, what = 'The request'): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const unknown = result.issues.find((i) => i.type === 'strict_object' || i.expected === 'never');
  if (unknown) {
    const path = v.getDotPath(unknown);
    const field = path ?? String(unknown.input ?? '');
    throw new ApiError(400, 'unknown-field', `${what} has a field the store does not know: "${field}". Remove it and try again.`);
  }
  throw new ApiError(400, 'invalid-body', `${what} is not valid: ${result.issues.map(describeIssue).join('; ')}.`);
}

/** One valibot issue as "message (at path)". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return path ? `${issue.message} (at ${path})` : issue.message;
}

/** Read and check a JSON body in one step. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  return check(schema, await readJson(c), 'The request body');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID, lower-cased; anything else is `invalid-body`. */
export function uuidParam(value: string | undefined, what = 'The comment id'): string {
  if (!value || !UUID.test(value)) throw new ApiError(400, 'invalid-body', `${what} in the address must be a UUID (for example 0190f0e8-7c1a-7000-8000-000000000000).`);
  return value.toLowerCase();
}
