import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress, type TrustProxy } from './client-address';

const none: TrustProxy = { kind: 'none' };
const one: TrustProxy = { kind: 'hops', hops: 1 };
const two: TrustProxy = { kind: 'hops', hops: 2 };
const loopback: TrustProxy = { kind: 'loopback' };

describe('client address behind proxies', () => {
  it.each([
    // [socket, X-Forwarded-For, trust, client]
    ['127.0.0.1', '203.0.113.7', none, '127.0.0.1'],
    ['127.0.0.1', undefined, one, '127.0.0.1'],
    ['127.0.0.1', '203.0.113.7', one, '203.0.113.7'],
    // A client that writes its own X-Forwarded-For cannot choose its address: the proxy appends the real one.
    ['127.0.0.1', '1.1.1.1, 203.0.113.7', one, '203.0.113.7'],
    ['10.0.0.2', '1.1.1.1, 203.0.113.7, 10.0.0.1', two, '203.0.113.7'],
    ['10.0.0.2', '203.0.113.7', two, '203.0.113.7'],
    ['::1', '9.9.9.9, 203.0.113.7, 127.0.0.1', loopback, '203.0.113.7'],
    ['::ffff:127.0.0.1', '[2001:db8::5]:4711', loopback, '2001:db8::5'],
    ['127.0.0.1', '127.0.0.1', loopback, '127.0.0.1'],
    // From a non-loopback socket the header is not believed at all.
    ['198.51.100.9', '203.0.113.7', loopback, '198.51.100.9'],
    ['127.0.0.1', '203.0.113.7:5123', one, '203.0.113.7'],
  ] as const)('socket %s, X-Forwarded-For %s → %#', (socket, xff, trust, client) => {
    expect(resolveClientAddress(socket, xff, trust)).toBe(client);
  });

  it('reads TRUST_PROXY', () => {
    expect(parseTrustProxy(undefined)).toEqual(none);
    expect(parseTrustProxy('off')).toEqual(none);
    expect(parseTrustProxy('0')).toEqual(none);
    expect(parseTrustProxy('2')).toEqual(two);
    expect(parseTrustProxy('Loopback')).toEqual(loopback);
    expect(parseTrustProxy('yes')).toBeNull();
    expect(parseTrustProxy('11')).toBeNull();
  });
});
