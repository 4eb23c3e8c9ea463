import type { MiddlewareHandler } from 'hono';
import { ApiError, msg } from './errors';
import { unstorableKind } from './text-checks';

function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A query parameter's name fit to quote back (else the refusal says "a query parameter"). */
function quotable(name: string | null): name is string {
  return name !== null && /^[\w.-]{1,40}$/.test(name);
}

/** The refusal for a query parameter: `what` is `notUtf8`, `nullCharacter` or `halfCharacter`. */
function queryRefusal(what: 'notUtf8' | 'nullCharacter' | 'halfCharacter', name: string | null): ApiError {
  return new ApiError(400, 'invalid-body', quotable(name) ? msg(`server.query.${what}`, { name }) : `server.query.${what}Unnamed`);
}

/**
 * Check every part of the address (path segments, query names and values) before any
 * route runs: text that is not percent-encoded UTF-8, or that holds a null character or a
 * lone surrogate, is a 400 naming the part, so no path id or query value reaches SQL or a
 * response header with a character the database or HTTP cannot carry.
 */
export const checkAddress: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  for (const segment of url.pathname.split('/')) {
    const decoded = decodePart(segment);
    if (decoded === null) {
      throw new ApiError(400, 'invalid-body', 'server.addressNotUtf8');
    }
    const problem = unstorableKind(decoded);
    if (problem) throw new ApiError(400, 'invalid-body', problem === 'null' ? 'server.address.nullCharacter' : 'server.address.halfCharacter');
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = decodePart((eq < 0 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' '));
    if (name === null || value === null) throw queryRefusal('notUtf8', name);
    const problem = unstorableKind(name) ?? unstorableKind(value);
    if (problem) throw queryRefusal(problem === 'null' ? 'nullCharacter' : 'halfCharacter', name);
  }
  await next();
};
