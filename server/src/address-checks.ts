import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';
import { unstorableCharacter } from './text-checks';

function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** A query parameter's name fit to quote back, or a neutral phrase. */
function quotedName(name: string | null): string {
  return name !== null && /^[\w.-]{1,40}$/.test(name) ? `The "${name}" parameter` : 'A query parameter';
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
    const problem = unstorableCharacter(decoded);
    if (problem) throw new ApiError(400, 'invalid-body', `The address contains a character the store cannot keep (${problem}). Check the link and try again.`);
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePart((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = decodePart((eq < 0 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' '));
    if (name === null || value === null) {
      throw new ApiError(400, 'invalid-body', `${quotedName(name)} in the address is not percent-encoded UTF-8 text.`);
    }
    const problem = unstorableCharacter(name) ?? unstorableCharacter(value);
    if (problem) throw new ApiError(400, 'invalid-body', `${quotedName(name)} in the address contains a character the store cannot keep (${problem}).`);
  }
  await next();
};
