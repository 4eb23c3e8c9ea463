import { makeComment, uuidOf } from '../test/support/annotations';

/** A member of a benchmark group. */
export interface BenchMember {
  token: string;
  memberId: string;
}

/** HTTP helpers against one running store. */
export function benchClient(url: string, adminToken: string) {
  async function json(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as any) : null };
  }
  return {
    json,
    async createGroup(name: string) {
      const r = await json('POST', '/api/admin/groups', adminToken, { name });
      if (r.status !== 201) throw new Error(`create group: ${r.status}`);
      return r.body as { group: string; invites: { member: string; reader: string } };
    },
    async join(code: string, displayName: string): Promise<BenchMember> {
      const r = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, displayName }) });
      if (r.status !== 201) throw new Error(`join: ${r.status} ${await r.text()}`);
      return (await r.json()) as BenchMember;
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
