import type { MiddlewareHandler } from 'hono';

// Vary is listed as the W3C annotation-protocol server checks ask; X-Request-Id so a browser tool can quote it.
const EXPOSED = 'ETag, Location, Link, Allow, Accept-Post, Content-Location, Preference-Applied, Retry-After, Vary, X-Request-Id';

/**
 * CORS for browser-based annotation tools. Requests carry bearer tokens, never cookies, so
 * any origin may call; a real preflight (with Access-Control-Request-Method) is answered
 * here, while a plain OPTIONS reaches the W3C handlers, which must answer it themselves.
 */
export const cors: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'Authorization, Content-Type, If-Match, If-None-Match, Prefer, Last-Event-ID',
        'Access-Control-Max-Age': '600',
      },
    });
  }
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', '*');
  c.res.headers.set('Access-Control-Expose-Headers', EXPOSED);
};
