import { isIP } from 'node:net';

/**
 * Which proxies in front of the store to believe (TRUST_PROXY): none, a fixed number of hops
 * (the nearest N addresses, starting with the socket's, are proxies), or every loopback hop.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'loopback' };

/** Read TRUST_PROXY: unset/off/false/0 → none, 1-10 → that many hops, "loopback"; else null (invalid). */
export function parseTrustProxy(text: string | undefined): TrustProxy | null {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'loopback') return { kind: 'loopback' };
  if (/^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 10) return { kind: 'hops', hops: Number(value) };
  return null;
}

/** An address as a proxy writes it, without brackets or port ("[::1]:80" → "::1", "1.2.3.4:5" → "1.2.3.4"). */
function bareAddress(entry: string): string {
  const s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) return bracketed[1]!;
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(s);
  return v4port ? v4port[1]! : s;
}

function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  if (a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * The client's address for rate limits: the socket's, or with trusted proxies the rightmost
 * X-Forwarded-For address not added by a trusted proxy (addresses further left are the
 * client's to write, so they are never believed). Pure: the caller passes both values.
 */
export function resolveClientAddress(socketAddress: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (trust.kind === 'none' || !forwardedFor) return socketAddress;
  const chain = [...forwardedFor.split(',').map(bareAddress).filter(Boolean), socketAddress];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i > 0; i--) if (!isLoopback(chain[i]!)) return chain[i]!;
  return chain[0]!;
}
