import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCursorCodec, START } from '../src/changes/cursor';
import { ApiError } from '../src/errors';

describe('opaque feed cursors', () => {
  const codec = createCursorCodec(randomBytes(32));

  it('round-trips a position for its own group, and only there', () => {
    for (const c of [START, { xid: 1234n, seq: 98_765n }, { xid: (1n << 64n) - 1n, seq: (1n << 63n) - 1n }]) {
      const text = codec.encode('g1', c);
      expect(text).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(codec.decode('g1', text)).toEqual(c);
      expect(() => codec.decode('g2', text)).toThrow(ApiError);
    }
  });

  it('gives consecutive positions cursors with nothing in common, different in every group', () => {
    const a = codec.encode('g1', { xid: 800n, seq: 41n });
    const b = codec.encode('g1', { xid: 800n, seq: 42n });
    const c = codec.encode('g1', { xid: 801n, seq: 43n });
    const bytes = [a, b, c].map((t) => Buffer.from(t, 'base64url'));
    // About half the bits differ between neighbours, as between random strings.
    const differing = (x: Buffer, y: Buffer) => [...x].reduce((n, byte, i) => n + popcount(byte ^ y[i]!), 0);
    for (const [x, y] of [[bytes[0]!, bytes[1]!], [bytes[1]!, bytes[2]!]] as const) expect(differing(x, y)).toBeGreaterThan(50);
    expect(codec.encode('g2', { xid: 800n, seq: 41n })).not.toBe(a);
    expect(createCursorCodec(randomBytes(32)).encode('g1', { xid: 800n, seq: 41n })).not.toBe(a);
  });

  it('refuses an edited or malformed cursor with a plain 400', () => {
    const text = codec.encode('g1', { xid: 5n, seq: 6n });
    const edited = `${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`;
    for (const bad of [edited, `${text}A`, 'hello!', '1a-2b', 'zzzzzzzzzzzzzz-zzzzzzzzzzzzzz', '']) {
      try {
        codec.decode('g1', bad, 'after');
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(400);
        expect((error as ApiError).message).toMatch(/^The "after" cursor .* is not one this store gave out/);
      }
    }
  });

  it('tags equal parts equally, and differently per group', () => {
    expect(codec.tag('g1', ['container', '3', '17'])).toBe(codec.tag('g1', ['container', '3', '17']));
    expect(codec.tag('g1', ['container', '3', '18'])).not.toBe(codec.tag('g1', ['container', '3', '17']));
    expect(codec.tag('g2', ['container', '3', '17'])).not.toBe(codec.tag('g1', ['container', '3', '17']));
  });
});

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x >>= 1) c += x & 1;
  return c;
}
