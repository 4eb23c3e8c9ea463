import { roleCan, type Role } from '../../utils/model/roles';
import type { FetchRequest, FetchResponse } from '../../utils/sync/http';
import { createFakeConversation, kindOf, type Member, type ModerationEntry, type Report, type Row } from './fake-store-conversation';

/**
 * Test support only: a small in-process fake of the group store's sync API
 * (server/PROTOCOL.md), reached through the `fetch` it exposes. It follows the contract
 * for joins, tokens and revocation, preconditions (412 with `current`), the change feed with
 * private and hidden comments, and the SSE stream; faults can be injected per request.
 * The conversation (notes/contract.md): replies, answers (creator from the profile), supports
 * (one per member per comment), target checks, `mine` and hidden `target` in the feed, reports,
 * moderation, notices state with `event: notices`, follows, PATCH /api/me and link codes.
 */
export const FAKE_STORE_URL = 'http://store.test';

interface LogEntry { cursor: string; id: string; row: Row }
type Fault = { offline: true } | { status: number; code?: string; message?: string; headers?: Record<string, string> };

/** Make a fake store with one group, `g1`, and invite codes `member-code`, `reader-code`, `facilitator-code`. */
export function createFakeStore() {
  const group = 'g1';
  const invites = new Map([['member-code', 'member'], ['reader-code', 'reader'], ['facilitator-code', 'facilitator']] as const);
  const members = new Map<string, Member>();
  const rows = new Map<string, Row>();
  const log: LogEntry[] = [];
  const faults: Fault[] = [];
  const refusals = new Map<string, Exclude<Fault, { offline: true }>>();
  const streams = new Set<{ controller: ReadableStreamDefaultController<Uint8Array>; member: Member }>();
  const requests: { method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [];
  const reports: Report[] = [];
  const moderationRecord: ModerationEntry[] = [];
  const linkCodes = new Map<string, { member: Member; used: boolean }>();
  let counter = 0;
  let serial = 0;
  let memberCount = 0;
  const now = () => new Date(Date.UTC(2026, 10, 23, 12) + serial * 1000).toISOString();
  const encoder = new TextEncoder();

  const cursorAt = (n: number) => String(n).padStart(10, '0');
  const uuidToId = (uuid: string) => `urn:uuid:${uuid}`;

  function reply(status: number, body?: unknown, headers: Record<string, string> = {}): FetchResponse {
    const text = body === undefined ? '' : JSON.stringify(body);
    return { status, headers: new Headers({ 'Content-Type': 'application/json', ...headers }), text: async () => text, body: null };
  }
  const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    reply(status, { error: { code, message }, ...extra }, headers);

  function visibleTo(member: Member, row: Row): Record<string, unknown> | null {
    if (row.hidden && !roleCan.moderate(member.role)) return null;
    return row.annotation;
  }

  function record(id: string, row: Row): string {
    rows.set(id, row);
    const cursor = cursorAt(++counter);
    log.push({ cursor, id, row });
    for (const stream of streams) {
      if (row.private && row.author !== stream.member.memberId) continue;
      stream.controller.enqueue(encoder.encode(`id: ${cursor}\nevent: change\ndata: {"cursor": "${cursor}"}\n\n`));
    }
    return cursor;
  }

  const conversation = createFakeConversation({
    group,
    baseUrl: FAKE_STORE_URL,
    rows,
    streams,
    reports,
    moderationRecord,
    linkCodes,
    record,
    nextRevision: () => `r${counter + 1}`,
    nextSerial: () => ++serial,
    now,
    reply,
    fail,
  });
  const { conversationRules, meOf, patchMe, meRoute, moderationRoute } = conversation;

  function put(member: Member, uuid: string, body: unknown, headers: Record<string, string>): FetchResponse {
    if (typeof body !== 'object' || body === null || (body as { id?: unknown }).id !== uuidToId(uuid)) {
      return fail(400, 'invalid-body', 'The annotation id does not match the address.');
    }
    const kind = kindOf(body as Record<string, unknown>);
    if (kind === 'comment' && !roleCan.write(member.role)) return fail(403, 'forbidden', 'Only members and facilitators can write comments.');
    const id = uuidToId(uuid);
    const existing = rows.get(id);
    if (existing && existing.author !== member.memberId) return fail(403, 'forbidden', 'Only the author can change a comment.');
    const checked = kind === 'comment' ? { ok: true as const, annotation: body as Record<string, unknown> } : conversationRules(member, body as Record<string, unknown>, kind, id);
    if (!checked.ok) return checked.response;
    const annotation = checked.annotation;
    const same = existing?.annotation !== null && JSON.stringify(existing?.annotation) === JSON.stringify(annotation);
    const current = { current: { annotation: existing ? visibleTo(member, existing) : null, revision: existing?.revision } };
    if (headers['if-none-match'] === '*') {
      if (existing && same) return reply(200, { annotation, revision: existing.revision, cursor: cursorAt(counter) }, { ETag: `"${existing.revision}"` });
      if (existing) return fail(412, 'conflict', 'This comment already exists.', current);
    } else if (headers['if-match'] !== undefined) {
      const wanted = headers['if-match'].replace(/"/g, '');
      if (!existing) return fail(404, 'not-found', 'There is no such comment.');
      if (existing.revision !== wanted) {
        if (same) return reply(200, { annotation, revision: existing.revision, cursor: cursorAt(counter) });
        return fail(412, 'conflict', 'This comment was changed since that revision.', current);
      }
    } else return fail(428, 'precondition-required', 'Send If-Match or If-None-Match.');
    const revision = `r${counter + 1}`;
    const cursor = record(id, {
      annotation,
      revision,
      author: member.memberId,
      hidden: null,
      private: annotation.visibility === 'private',
      kind,
      ...(kind === 'comment' ? {} : { target: String(annotation.target) }),
    });
    return reply(existing ? 200 : 201, { annotation, revision, cursor }, { ETag: `"${revision}"` });
  }

  function remove(member: Member, uuid: string): FetchResponse {
    const id = uuidToId(uuid);
    const existing = rows.get(id);
    if (!existing || existing.annotation === null) return reply(204);
    if (existing.author !== member.memberId) return fail(403, 'forbidden', 'Only the author can delete a comment.');
    record(id, { ...existing, annotation: null, revision: `r${counter + 1}` });
    return reply(204);
  }

  /** Set by changeCursorFormat: cursors given out carry it, and cursors without it are refused. */
  let cursorPrefix = '';

  function changes(member: Member, query: URLSearchParams): FetchResponse {
    const after = query.get('after') ?? '';
    if (after !== '' && cursorPrefix !== '' && !after.startsWith(cursorPrefix)) {
      return fail(400, 'invalid-body', `The "after" cursor "${after.slice(0, 40)}" is not one this store gave out. Start again without it to fetch everything.`);
    }
    const limit = Math.min(Number(query.get('limit') ?? 100), 1000);
    const from = after.slice(cursorPrefix.length);
    const visible = log.filter((e) => e.cursor > from && !(e.row.private && e.row.author !== member.memberId));
    const page = visible.slice(0, limit);
    return reply(200, {
      changes: page.map((e) => ({
        cursor: cursorPrefix + e.cursor,
        id: e.id,
        revision: e.row.revision,
        deleted: e.row.annotation === null,
        hidden: e.row.hidden,
        annotation: visibleTo(member, e.row),
        ...(e.row.author === member.memberId ? { mine: true } : {}),
        ...(e.row.hidden && e.row.kind === 'reply' && e.row.target ? { target: e.row.target } : {}),
      })),
      next: page.length > 0 ? cursorPrefix + page[page.length - 1]!.cursor : after,
      hasMore: visible.length > page.length,
    });
  }

  function stream(member: Member, headers: Record<string, string>, signal?: AbortSignal): FetchResponse {
    const entry = { controller: undefined as unknown as ReadableStreamDefaultController<Uint8Array>, member };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        entry.controller = controller;
        streams.add(entry);
        const last = headers['last-event-id'];
        if (last !== undefined && counter > 0 && cursorAt(counter) > last) {
          controller.enqueue(encoder.encode(`id: ${cursorAt(counter)}\nevent: change\ndata: {"cursor": "${cursorAt(counter)}"}\n\n`));
        }
      },
      cancel() {
        streams.delete(entry);
      },
    });
    signal?.addEventListener('abort', () => {
      streams.delete(entry);
      entry.controller.error(new DOMException('The operation was aborted.', 'AbortError'));
    });
    return { status: 200, headers: new Headers({ 'Content-Type': 'text/event-stream' }), text: async () => '', body };
  }

  function refusalFor(method: string, pathname: string): Fault | undefined {
    const uuid = method === 'PUT' || method === 'DELETE' ? /\/annotations\/([0-9a-f-]{36})$/.exec(pathname)?.[1] : undefined;
    return uuid === undefined ? undefined : refusals.get(uuidToId(uuid));
  }

  async function handle(url: string, init: FetchRequest): Promise<FetchResponse> {
    const { pathname, searchParams } = new URL(url);
    const headers = Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const body = init.body === undefined ? undefined : JSON.parse(init.body);
    requests.push({ method: init.method, path: pathname + (searchParams.size ? `?${searchParams}` : ''), headers, body });
    const fault = faults.shift() ?? refusalFor(init.method, pathname);
    if (fault && 'offline' in fault) throw new TypeError('Failed to fetch');
    if (fault) return fail(fault.status, fault.code ?? 'fault', fault.message ?? 'Injected fault.', {}, fault.headers);

    if (init.method === 'POST' && pathname === '/api/join') {
      const token = `token-${members.size + 1}`;
      const link = linkCodes.get(body?.code);
      if (link) {
        // Another browser of the same member: a new token, the same member.
        if (link.used || link.member.revoked) return fail(403, 'invite-invalid', 'That link code has been used or has expired.');
        link.used = true;
        members.set(token, link.member);
        return reply(201, { token, group, role: link.member.role, memberId: link.member.memberId });
      }
      const role = invites.get(body?.code);
      if (!role) return fail(403, 'invite-invalid', 'That invite code is not valid.');
      const memberId = `m${++memberCount}`;
      const joined: Member = { memberId, displayName: String(body.displayName ?? ''), role, revoked: false, jobTitle: null, organisation: null, reads: new Set(), follows: new Set() };
      members.set(token, joined);
      return reply(201, { token, group, role, memberId });
    }
    const member = members.get((headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!member) return fail(401, 'unauthenticated', 'Sign in with a token.');
    if (member.revoked) return fail(401, 'token-revoked', 'Your invite has been withdrawn');
    if (pathname === '/api/me') {
      if (init.method === 'DELETE') {
        for (const [id, row] of rows) if (row.author === member.memberId && row.annotation) record(id, { ...row, annotation: null, revision: `r${counter + 1}` });
        member.revoked = true;
        member.reads.clear();
        member.follows.clear();
        member.jobTitle = member.organisation = null;
        for (let i = reports.length - 1; i >= 0; i--) if (reports[i]!.by === member.memberId) reports.splice(i, 1);
        for (const [code, link] of linkCodes) if (link.member === member) linkCodes.delete(code);
        return reply(204);
      }
      if (init.method === 'PATCH') return patchMe(member, body);
      return reply(200, meOf(member));
    }
    if (pathname.startsWith('/api/me/')) return meRoute(member, init.method, pathname, body);
    const sub = /^\/api\/groups\/([^/]+)\/(moderation|annotations\/([0-9a-f-]{36})\/(reports|reports\/dismiss|hide))$/.exec(pathname);
    if (sub) {
      if (decodeURIComponent(sub[1]!) !== group) return fail(403, 'forbidden', 'You are not a member of that group.');
      return moderationRoute(member, init.method, sub[2] === 'moderation' ? 'moderation' : sub[4]!, sub[3] ? uuidToId(sub[3]) : '', body);
    }
    const match = /^\/api\/groups\/([^/]+)\/(annotations\/([0-9a-f-]{36})|changes|stream)$/.exec(pathname);
    if (!match) return fail(404, 'not-found', 'There is nothing at this address.');
    if (decodeURIComponent(match[1]!) !== group) return fail(403, 'forbidden', 'You are not a member of that group.');
    if (match[2] === 'changes') return changes(member, searchParams);
    if (match[2] === 'stream') return stream(member, headers, init.signal);
    if (init.method === 'PUT') return put(member, match[3]!, body, headers);
    if (init.method === 'DELETE') return remove(member, match[3]!);
    return fail(405, 'method-not-allowed', 'Not here.');
  }

  return {
    group,
    /** The fake's fetch, shaped like the real one. */
    fetch: (url: string, init: FetchRequest) => handle(url, init),
    /** Every request received, in order (header names lower-cased). */
    requests,
    /** Make the next requests fail: `{ offline: true }` throws like a dead network. */
    failNext(...next: Fault[]) {
      faults.push(...next);
    },
    /** Answer every push of comment `id` (PUT or DELETE) with `fault` from now on, as a store refusing that one comment. */
    refuse(id: string, fault: Exclude<Fault, { offline: true }>) {
      refusals.set(id, fault);
    },
    /**
     * Give out cursors of a new form from now on and refuse the old ones with 400, as a store
     * upgraded to another cursor encoding does.
     */
    changeCursorFormat() {
      cursorPrefix = 'v2:';
    },
    /** A facilitator changes a member's role (PATCH /api/groups/:group/members/:memberId). */
    setRole(memberId: string, role: Role) {
      for (const m of members.values()) if (m.memberId === memberId) m.role = role;
    },
    /** Remove a member: their token answers 401 token-revoked from now on. */
    revoke(memberId: string) {
      for (const m of members.values()) if (m.memberId === memberId) m.revoked = true;
    },
    /** A facilitator hides a comment (moderation). */
    hide(id: string, reason: string) {
      const row = rows.get(id);
      if (row) record(id, { ...row, hidden: { reason }, revision: `r${counter + 1}` });
    },
    /** A facilitator unhides a comment. */
    unhide(id: string) {
      const row = rows.get(id);
      if (row) record(id, { ...row, hidden: null, revision: `r${counter + 1}` });
    },
    /** Close every open stream, as a server restart would. */
    dropStreams() {
      for (const s of streams) s.controller.close();
      streams.clear();
    },
    /** The store's current copy of an annotation (null: deleted or never written). */
    stored(id: string) {
      return rows.get(id)?.annotation ?? null;
    },
    /** How many live streams are open. */
    openStreams: () => streams.size,
    /** Send every open stream an event as the store does for themes and links (`data` as given, to test bad ones too). */
    sendGroupEvent(data: string) {
      for (const stream of streams) stream.controller.enqueue(encoder.encode(`event: group\ndata: ${data}\n\n`));
    },
  };
}

/** The fake store's type, for helpers in tests. */
export type FakeStore = ReturnType<typeof createFakeStore>;
