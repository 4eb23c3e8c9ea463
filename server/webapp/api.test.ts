import { describe, expect, it } from 'vitest';
import { createWebApi, WebApiError } from './api';
import type { WebSession } from '../../utils/webapp/session-types';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: () => Response) {
  const calls: Call[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { calls, impl };
}

const session: WebSession = {
  memberId: 'm1',
  displayName: 'Ann',
  role: 'reader',
  group: { id: 'g1', name: 'Carers' },
  csrfToken: 'csrf-123',
  expiresAt: '2030-01-01T00:00:00Z',
};

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

describe('createWebApi', () => {
  it('reads JSON from the same origin with the session cookie and no CSRF header', async () => {
    const f = fakeFetch(() => Response.json({ documents: [] }));
    const api = createWebApi(f.impl);
    api.session = session;
    await expect(api.get('/api/groups/g1/overview')).resolves.toEqual({ documents: [] });
    expect(f.calls[0]?.url).toBe('/api/groups/g1/overview');
    expect(f.calls[0]?.init.credentials).toBe('same-origin');
    expect(f.calls[0]?.init.method).toBe('GET');
    expect(headersOf(f.calls[0])['X-CSRF-Token']).toBeUndefined();
  });

  it('sends writes as JSON with the session CSRF token', async () => {
    const f = fakeFetch(() => Response.json({ ok: true }, { status: 201 }));
    const api = createWebApi(f.impl);
    api.session = session;
    await api.send('PUT', '/api/groups/g1/annotations/x', { a: 1 }, { headers: { 'If-None-Match': '*' } });
    const call = f.calls[0];
    expect(call?.init.method).toBe('PUT');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.body).toBe('{"a":1}');
    expect(headersOf(call)['X-CSRF-Token']).toBe('csrf-123');
    expect(headersOf(call)['Content-Type']).toBe('application/json');
    expect(headersOf(call)['If-None-Match']).toBe('*');
  });

  it('answers undefined for 204', async () => {
    const f = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createWebApi(f.impl);
    await expect(api.send('POST', '/api/web/sign-out')).resolves.toBeUndefined();
  });

  it("turns the store's error body into a WebApiError with its plain sentence", async () => {
    const message = 'This form has expired. Reload the page and try again.';
    const f = fakeFetch(() => Response.json({ error: { code: 'csrf-failed', message } }, { status: 403 }));
    const api = createWebApi(f.impl);
    const error = await api.send('POST', '/api/web/sign-out').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebApiError);
    expect(error).toMatchObject({ status: 403, code: 'csrf-failed', message });
  });

  it('gives a plain sentence when the answer is not the store’s JSON, or the store is unreachable', async () => {
    const api = createWebApi(fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 })).impl);
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/refused/) });
    const down = createWebApi((async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await expect(down.get('/api/x')).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/could not be reached/) });
  });

  it('refuses addresses outside the store', async () => {
    const f = fakeFetch(() => Response.json({}));
    const api = createWebApi(f.impl);
    await expect(api.get('https://evil.example/api')).rejects.toBeInstanceOf(WebApiError);
    await expect(api.get('//evil.example/api')).rejects.toBeInstanceOf(WebApiError);
    expect(f.calls).toHaveLength(0);
  });

  it('asks the store for the chosen language (Accept-Language) and says its own sentences in it', async () => {
    const f = fakeFetch(() => new Response('<html>proxy</html>', { status: 502 }));
    const api = createWebApi(f.impl);
    api.session = session;
    await expect(api.get('/api/web/session')).rejects.toThrow('The group store refused this (status 502). Try again later.');
    expect(headersOf(f.calls[0])['Accept-Language']).toBe('en-GB');
    api.locale = 'cy';
    await expect(api.send('POST', '/api/web/sign-out')).rejects.toThrow('Gwrthododd storfa’r grŵp hyn (statws 502). Rhowch gynnig arall arni yn nes ymlaen.');
    expect(headersOf(f.calls[1])['Accept-Language']).toBe('cy');
    await expect(api.get('//elsewhere.example/')).rejects.toThrow('Gofynnodd yr ap gwe am gyfeiriad y tu allan i storfa’r grŵp.');
  });
});
