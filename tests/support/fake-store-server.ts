import { roleCan, type Role } from '../../utils/model/roles';
import type { FetchRequest, FetchResponse } from '../../utils/sync/http';

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

interface Member {
  memberId: string;
  displayName: string;
  role: Role;
  revoked: boolean;
  jobTitle: string | null;
  organisation: string | null;
  reads: Set<string>;
  follows: Set<string>;
}
type Kind = 'comment' | 'reply' | 'support';
interface Row {
  annotation: Record<string, unknown> | null;
  revision: string;
  author: string;
  hidden: { reason: string } | null;
  private: boolean;
  kind?: Kind;
  target?: string;
}
interface Report { id: string; target: string; reason: string; created: string; by: string; open: boolean }
interface ModerationEntry { id: string; at: string; by: { memberId: string; displayName: string }; action: 'hide' | 'unhide' | 'dismiss'; target: string; reason: string }
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

  const kindOf = (annotation: Record<string, unknown>): Kind =>
    annotation.motivation === 'replying' ? 'reply' : annotation.motivation === 'assessing' ? 'support' : 'comment';
  const isAnswer = (annotation: Record<string, unknown>) =>
    Array.isArray(annotation.body) && annotation.body.some((b: { purpose?: unknown }) => b?.purpose === 'assessing') && kindOf(annotation) === 'reply';
  const live = (id: string, member: Member) => {
    const row = rows.get(id);
    if (!row || row.annotation === null || row.private) return null;
    if (row.hidden && !roleCan.moderate(member.role)) return null;
    return row;
  };
  /** The root comment of a thread, following reply targets up. */
  function rootOf(id: string): Row | null {
    const seen = new Set<string>();
    let row = rows.get(id);
    while (row && row.kind === 'reply' && row.target && !seen.has(row.target)) {
      seen.add(row.target);
      row = rows.get(row.target);
    }
    return row && (row.kind ?? 'comment') === 'comment' ? row : null;
  }

  /** Check and normalise a reply or support as the store does; a FetchResponse is a refusal. */
  function conversationRules(member: Member, annotation: Record<string, unknown>, kind: Kind, id: string): { ok: true; annotation: Record<string, unknown> } | { ok: false; response: FetchResponse } {
    if (kind === 'reply' && !roleCan.reply(member.role)) return { ok: false, response: fail(403, 'forbidden', 'Your role cannot reply.') };
    if (kind === 'reply' && isAnswer(annotation) && !roleCan.answer(member.role)) {
      return { ok: false, response: fail(403, 'forbidden', 'Only facilitators and readers (such as officers) can answer comments. As a member you can comment, reply and say "This is my experience too".') };
    }
    if (kind === 'support' && !roleCan.support(member.role)) return { ok: false, response: fail(403, 'forbidden', 'Only members and facilitators can say "This is my experience too".') };
    const rawTarget = String(annotation.target ?? '');
    const iri = new RegExp(`^${FAKE_STORE_URL}/annotations/${group}/([0-9a-f-]{36})$`).exec(rawTarget);
    const target = iri ? uuidToId(iri[1]!) : rawTarget;
    if (!/^urn:uuid:[0-9a-f-]{36}$/.test(target)) return { ok: false, response: fail(400, 'invalid-body', 'The target must be a urn:uuid or a container IRI.') };
    const targetRow = live(target, member);
    const notFound = () => fail(404, 'not-found', 'The comment you are replying to is not in this group or has been removed.');
    if (!targetRow || target === id) return { ok: false, response: notFound() };
    if (kind === 'support' && (targetRow.kind ?? 'comment') !== 'comment') return { ok: false, response: notFound() };
    if (kind === 'reply' && targetRow.kind === 'support') return { ok: false, response: notFound() };
    let normalised: Record<string, unknown> = { ...annotation, target };
    if (annotation.byCommentAuthor === true) {
      const root = rootOf(target);
      if (!root || root.author !== member.memberId || root.annotation?.attribution !== 'anonymous' || annotation.attribution !== 'anonymous') {
        return { ok: false, response: fail(400, 'invalid-body', 'Only the author of an anonymous comment can reply as "The author of this comment".') };
      }
    }
    if (kind === 'reply' && isAnswer(annotation)) {
      if (!member.displayName.trim()) return { ok: false, response: fail(400, 'invalid-body', 'Please add your name (Options) before answering.') };
      const creator = { type: 'Person', name: member.displayName, ...(member.jobTitle ? { jobTitle: member.jobTitle } : {}), ...(member.organisation ? { organisation: member.organisation } : {}) };
      normalised = { ...normalised, creator };
    }
    if (kind === 'support') {
      for (const [otherId, row] of rows) {
        if (otherId !== id && row.kind === 'support' && row.annotation && row.author === member.memberId && row.target === target) {
          return { ok: false, response: fail(409, 'already-supported', 'You have already said this is your experience too.') };
        }
      }
    }
    return { ok: true, annotation: normalised };
  }

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

  const meOf = (member: Member) => ({
    memberId: member.memberId,
    displayName: member.displayName,
    group,
    role: member.role,
    jobTitle: member.jobTitle,
    organisation: member.organisation,
  });

  function patchMe(member: Member, body: Record<string, unknown> | undefined): FetchResponse {
    const fields = ['displayName', 'jobTitle', 'organisation'] as const;
    for (const field of fields) {
      const value = body?.[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') return fail(400, 'invalid-body', `The ${field} must be text (an empty string clears it).`);
      if (value.length > 200) return fail(400, 'invalid-body', 'This can be up to 200 characters long.');
      if (field === 'displayName') member.displayName = value.trim();
      else member[field] = value.trim() !== '' ? value.trim() : null;
    }
    return reply(200, meOf(member));
  }

  /** Tell the member's own open streams that their notice reads changed. */
  function noticesEvent(member: Member) {
    for (const stream of streams) {
      if (stream.member.memberId === member.memberId) stream.controller.enqueue(encoder.encode('event: notices\ndata: {}\n\n'));
    }
  }

  function meRoute(member: Member, method: string, pathname: string, body: Record<string, unknown> | undefined): FetchResponse {
    if (pathname === '/api/me/notices' && method === 'GET') return reply(200, { read: [...member.reads], follows: [...member.follows] });
    if (pathname === '/api/me/notices/read' && method === 'POST') {
      const ids = body?.ids;
      if (!Array.isArray(ids) || ids.length > 500 || ids.some((id) => typeof id !== 'string' || id.length > 300 || id === '')) {
        return fail(400, 'invalid-body', 'Send {"ids": [...]}: up to 500 notice ids of up to 300 characters.');
      }
      const before = member.reads.size;
      for (const id of ids as string[]) member.reads.add(id);
      if (member.reads.size !== before) noticesEvent(member);
      return reply(204);
    }
    if (pathname === '/api/me/follows' && method === 'PUT') {
      const document = body?.document;
      if (typeof document !== 'string' || document === '' || document.length > 2048 || typeof body?.following !== 'boolean') {
        return fail(400, 'invalid-body', 'Send {"document": "<address>", "following": true|false}.');
      }
      if (body.following) member.follows.add(document);
      else member.follows.delete(document);
      return reply(200, { follows: [...member.follows] });
    }
    if (pathname === '/api/me/link-codes' && method === 'POST') {
      const code = `link-${++serial}`;
      linkCodes.set(code, { member, used: false });
      return reply(201, { code, expiresAt: new Date(Date.parse(now()) + 15 * 60_000).toISOString() });
    }
    return fail(404, 'not-found', 'There is nothing at this address.');
  }

  function reasonOf(body: Record<string, unknown> | undefined): string | null {
    const reason = typeof body?.reason === 'string' ? body.reason.trim() : '';
    return reason.length >= 1 && reason.length <= 1000 ? reason : null;
  }

  function moderationRoute(member: Member, method: string, what: string, id: string, body: Record<string, unknown> | undefined): FetchResponse {
    const facilitator = roleCan.moderate(member.role);
    if (what === 'reports' && method === 'POST') {
      if (!roleCan.write(member.role)) return fail(403, 'forbidden', 'Only members and facilitators can report a comment. As a reader you can read, reply and answer.');
      const reason = reasonOf(body);
      if (reason === null) return fail(400, 'invalid-body', 'Please give a reason (up to 1000 characters).');
      if (!live(id, member)) return fail(404, 'not-found', 'The comment you are reporting is not in this group or has been removed.');
      const again = reports.find((r) => r.target === id && r.by === member.memberId && r.open);
      if (again) return reply(200, { report: { id: again.id, target: again.target, reason: again.reason, created: again.created } });
      const report = { id: `report-${++serial}`, target: id, reason, created: now(), by: member.memberId, open: true };
      reports.push(report);
      return reply(201, { report: { id: report.id, target: id, reason, created: report.created } });
    }
    if (!facilitator) return fail(403, 'forbidden', 'Only a facilitator can moderate. As a member you can comment, reply and report.');
    const recordAction = (action: ModerationEntry['action'], reason: string) => {
      moderationRecord.push({ id: `mod-${++serial}`, at: now(), by: { memberId: member.memberId, displayName: member.displayName }, action, target: id, reason });
      for (const r of reports) if (r.target === id) r.open = false;
    };
    if (what === 'moderation' && method === 'GET') {
      const targets = [...new Set(reports.filter((r) => r.open).map((r) => r.target))];
      return reply(200, {
        toReview: targets.map((target) => ({
          target,
          annotation: rows.get(target)?.annotation ?? null,
          hidden: rows.get(target)?.hidden ?? null,
          reports: reports.filter((r) => r.target === target && r.open).map((r) => ({ id: r.id, reason: r.reason, created: r.created })),
        })),
        record: moderationRecord,
      });
    }
    const reason = reasonOf(body) ?? (method === 'DELETE' ? '' : null);
    if (reason === null) return fail(400, 'invalid-body', 'Please give a reason (up to 1000 characters).');
    if (what === 'reports/dismiss' && method === 'POST') {
      recordAction('dismiss', reason);
      return reply(204);
    }
    if (what === 'hide') {
      const row = rows.get(id);
      if (!row || row.annotation === null) return fail(404, 'not-found', 'There is no such comment.');
      const hidden = method === 'POST' ? { reason } : null;
      const cursor = record(id, { ...row, hidden, revision: `r${counter + 1}` });
      recordAction(hidden ? 'hide' : 'unhide', reason);
      return reply(200, { id, hidden, cursor });
    }
    return fail(405, 'method-not-allowed', 'Not here.');
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
  };
}

/** The fake store's type, for helpers in tests. */
export type FakeStore = ReturnType<typeof createFakeStore>;
