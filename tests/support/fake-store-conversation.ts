import { roleCan, type Role } from '../../utils/model/roles';
import type { FetchResponse } from '../../utils/sync/http';

/**
 * Test support only: the conversation part of the fake store (notes/contract.md): reply and
 * support rules (roles, targets, answers' creator from the profile, one support per member per
 * comment, byCommentAuthor), reports, moderation, notices state with `event: notices`, follows,
 * PATCH /api/me and link codes. Shares the fake store's state through `ctx`.
 */

export interface Member {
  memberId: string;
  displayName: string;
  role: Role;
  revoked: boolean;
  jobTitle: string | null;
  organisation: string | null;
  reads: Set<string>;
  follows: Set<string>;
}
export type Kind = 'comment' | 'reply' | 'support';
export interface Row {
  annotation: Record<string, unknown> | null;
  revision: string;
  author: string;
  hidden: { reason: string } | null;
  private: boolean;
  kind?: Kind;
  target?: string;
}
export interface Report { id: string; target: string; reason: string; created: string; by: string; open: boolean }
export interface ModerationEntry { id: string; at: string; by: { memberId: string; displayName: string }; action: 'hide' | 'unhide' | 'dismiss'; target: string; reason: string }

/** What a stored annotation is, by motivation. */
export const kindOf = (annotation: Record<string, unknown>): Kind =>
  annotation.motivation === 'replying' ? 'reply' : annotation.motivation === 'assessing' ? 'support' : 'comment';

/** The fake store's state and helpers the conversation routes use. */
export interface FakeConversationContext {
  group: string;
  /** The store's address, for container IRIs (`<baseUrl>/annotations/{group}/{uuid}`). */
  baseUrl: string;
  rows: Map<string, Row>;
  streams: Set<{ controller: ReadableStreamDefaultController<Uint8Array>; member: Member }>;
  reports: Report[];
  moderationRecord: ModerationEntry[];
  linkCodes: Map<string, { member: Member; used: boolean }>;
  record(id: string, row: Row): string;
  nextRevision(): string;
  nextSerial(): number;
  now(): string;
  reply(status: number, body?: unknown, headers?: Record<string, string>): FetchResponse;
  fail(status: number, code: string, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>): FetchResponse;
}

/** The conversation routes and rules, bound to one fake store. */
export function createFakeConversation(ctx: FakeConversationContext) {
  const { group, baseUrl, rows, streams, reports, moderationRecord, linkCodes, record, now, reply, fail } = ctx;
  const encoder = new TextEncoder();
  const uuidToId = (uuid: string) => `urn:uuid:${uuid}`;
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
    const iri = new RegExp(`^${baseUrl}/annotations/${group}/([0-9a-f-]{36})$`).exec(rawTarget);
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
      const code = `link-${ctx.nextSerial()}`;
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
      const report = { id: `report-${ctx.nextSerial()}`, target: id, reason, created: now(), by: member.memberId, open: true };
      reports.push(report);
      return reply(201, { report: { id: report.id, target: id, reason, created: report.created } });
    }
    if (!facilitator) return fail(403, 'forbidden', 'Only a facilitator can moderate. As a member you can comment, reply and report.');
    const recordAction = (action: ModerationEntry['action'], reason: string) => {
      moderationRecord.push({ id: `mod-${ctx.nextSerial()}`, at: now(), by: { memberId: member.memberId, displayName: member.displayName }, action, target: id, reason });
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
      const cursor = record(id, { ...row, hidden, revision: `${ctx.nextRevision()}` });
      recordAction(hidden ? 'hide' : 'unhide', reason);
      return reply(200, { id, hidden, cursor });
    }
    return fail(405, 'method-not-allowed', 'Not here.');
  }

  return { conversationRules, meOf, patchMe, meRoute, moderationRoute };
}
