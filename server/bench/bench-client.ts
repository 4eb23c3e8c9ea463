import { Agent, request } from 'node:http';
import { makeComment, uuidOf } from '../test/support/annotations';

/**
 * Keep-alive node:http, not fetch: on this 2-core machine undici's fetch tops out near
 * 500 requests/s even against a bare Hono handler (node:http: ~4,000/s), so fetch would
 * measure the benchmark's own client rather than the store.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One HTTP request; resolves with status and body text. A kept-alive socket the server
 * closed meanwhile (its keep-alive timeout) fails with ECONNRESET: retried once, as the
 * Node documentation advises (every request here is idempotent).
 */
export function httpRequest(url: string, method: string, headers: Record<string, string>, body?: string, retried = false): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && error.code === 'ECONNRESET') resolve(httpRequest(url, method, headers, body, true));
      else reject(error);
    });
    req.end(body);
  });
}

/** A member of a benchmark group. */
export interface BenchMember {
  token: string;
  memberId: string;
}

/** HTTP helpers against one running store. */
export function benchClient(url: string, adminToken: string) {
  async function json(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const r = await httpRequest(
      `${url}${path}`,
      method,
      { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body !== undefined ? JSON.stringify(body) : undefined,
    );
    return { status: r.status, body: r.text ? (JSON.parse(r.text) as any) : null };
  }
  return {
    json,
    async createGroup(name: string) {
      const r = await json('POST', '/api/admin/groups', adminToken, { name });
      if (r.status !== 201) throw new Error(`create group: ${r.status}`);
      return r.body as { group: string; invites: { member: string; reader: string } };
    },
    async join(code: string, displayName: string): Promise<BenchMember> {
      const r = await httpRequest(`${url}/api/join`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ code, displayName }));
      if (r.status !== 201) throw new Error(`join: ${r.status} ${r.text}`);
      return JSON.parse(r.text) as BenchMember;
    },
    /** Create one comment; returns the status and the cursor. */
    async put(group: string, token: string, text: string) {
      const a = makeComment({ text });
      const r = await json('PUT', `/api/groups/${group}/annotations/${uuidOf(a)}`, token, a, { 'if-none-match': '*' });
      if (r.status !== 201) throw new Error(`put: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.cursor as string;
    },
  };
}

/** The p-th percentile (0-100) of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
