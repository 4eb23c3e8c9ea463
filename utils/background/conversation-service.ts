import type { ConversationApi } from './conversation-handlers';
import type { ConversationListing, Profile, ThreadSummary } from '../messaging/conversation-protocol';
import { buildThreads } from '../conversation/build-thread';
import { answerStatusOf, buildReply, buildSupport, checkReply, editReply, isComment, isReply, isSupport, roleCan, type LeaReply, type LeaSupport, type Settings } from '../model';
import type { MessageKey } from '../i18n/catalogue';
import { sentenceTable } from '../i18n/sentence-table';
import type { ConversationRepo, StoreConnection, SyncRepo } from '../store';
import { SyncError, type StoreClient } from '../sync';
import { withVersions } from './document-versions';

/** What the conversation refuses before anything is written or sent: each a catalogue key (en-GB, cy). */
const REFUSAL_KEYS = {
  notConnected: 'conversation.error.notConnected',
  cannotAnswer: 'conversation.error.cannotAnswer',
  needName: 'conversation.error.needName',
  unknownTarget: 'conversation.error.unknownTarget',
  privateTarget: 'conversation.error.privateTarget',
  notYourReply: 'conversation.error.notYourReply',
  notYourReplyToChange: 'conversation.error.notYourReplyToChange',
  cannotRestore: 'conversation.error.cannotRestore',
  cannotSupport: 'conversation.error.cannotSupport',
  supportOnComment: 'conversation.error.supportOnComment',
  offline: 'conversation.error.offline',
  offlineProfile: 'conversation.error.offlineProfile',
  offlineLink: 'conversation.error.offlineLink',
  badLinkCode: 'conversation.error.badLinkCode',
  notFacilitator: 'conversation.error.notFacilitator',
  cannotReply: 'conversation.error.cannotReply',
} as const satisfies Record<string, MessageKey>;

/**
 * The sentences for those refusals, each read in the current language when it is used
 * (the background follows the person's language setting: message-language.ts).
 */
export const CONVERSATION_MESSAGES = sentenceTable(REFUSAL_KEYS);

/** What the conversation service needs, passed in. */
export interface ConversationServiceDeps {
  conversation: ConversationRepo;
  sync: Pick<SyncRepo, 'getConnection' | 'setConnection' | 'syncInfoFor' | 'getNoticeState' | 'updateNoticeState'> & Partial<Pick<SyncRepo, 'getDocumentLinks'>>;
  /** Document addresses with comments here starting with a prefix (dated versions of a provision: document-versions.ts). */
  documentsStartingWith?: (prefix: string) => Promise<readonly string[]>;
  clientFor: (connection: { baseUrl: string; token?: string }) => StoreClient;
  settings: () => Promise<Settings>;
  /** A new `urn:uuid:` (UUID v7) id. */
  newId: () => string;
  clock: () => Date;
  /** After a local write: repaint tabs and start a sync run; not awaited. */
  afterLocalChange: () => void;
  /** Start a sync run (after moderation or linking); not awaited. */
  runSync: () => void;
}

/**
 * A failure as a person reads it: the store's own sentence when it gave one (403, 404, 409),
 * our offline sentence when it was not reached, else the client's plain message.
 */
function plainError(error: unknown, offline: string): Error {
  if (!(error instanceof SyncError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'offline') return new Error(offline);
  if (error.kind === 'server' || error.kind === 'rate-limited' || error.kind === 'revoked' || error.kind === 'unauthenticated') return new Error(error.message);
  return new Error(error.storeMessage ?? error.message);
}

/**
 * Threads, replies, answers, supports, reports, moderation, profile and linking, for the side
 * panel, the PDF viewer and the options page. Writes are write-ahead (IndexedDB with the outbox
 * before "saved"); reports, moderation, profile and link codes go to the store at once.
 */
export function createConversationService(deps: ConversationServiceDeps): ConversationApi {
  const { conversation, sync, clientFor, clock } = deps;

  async function connected(): Promise<StoreConnection> {
    const connection = await sync.getConnection();
    if (!connection) throw new Error(CONVERSATION_MESSAGES.notConnected);
    return connection;
  }
  async function online<T>(offline: string, call: (client: StoreClient, connection: StoreConnection) => Promise<T>, moderating = false): Promise<T> {
    const connection = await connected();
    if (moderating && !roleCan.moderate(connection.role)) throw new Error(CONVERSATION_MESSAGES.notFacilitator);
    try {
      return await call(clientFor(connection), connection);
    } catch (error) {
      throw plainError(error, offline);
    }
  }
  const isMine = async (id: string) => (await sync.syncInfoFor([id]))[id]!.author === 'me';
  async function mySupportOn(target: string): Promise<LeaSupport | null> {
    for (const item of await conversation.byTarget(target)) if (isSupport(item) && (await isMine(item.id))) return item;
    return null;
  }
  async function myName(connection: StoreConnection): Promise<string> {
    return (await deps.settings()).displayName.trim() || connection.displayName.trim();
  }
  const toProfile = (me: { displayName: string; jobTitle: string | null; organisation: string | null }): Profile => ({
    displayName: me.displayName,
    jobTitle: me.jobTitle,
    organisation: me.organisation,
  });
  async function rememberProfile(profile: Profile): Promise<Profile> {
    await sync.updateNoticeState((s) => ({ ...s, profile }));
    return profile;
  }

  return {
    async list({ uris, comments }): Promise<ConversationListing> {
      // The threads of comments written on the document's other versions too; the threads of
      // comments named by id (the panel's first screenful) need no lookup of the versions.
      const versionsOfDocument = async () => {
        const linked = await sync.getConnection();
        const links = linked && sync.getDocumentLinks ? await sync.getDocumentLinks(linked.group) : [];
        return withVersions(uris, { links: async () => links, documentsStartingWith: async (prefix) => (await deps.documentsStartingWith?.(prefix)) ?? [] });
      };
      const [{ items, placeholders, hiddenComments, damaged }, connection, outbox, state] = await Promise.all([
        comments ? conversation.threadItemsFor(comments) : versionsOfDocument().then((versions) => conversation.threadItems(versions)),
        sync.getConnection(),
        conversation.outboxFor(),
        sync.getNoticeState(),
      ]);
      const info = await sync.syncInfoFor([...items.map((i) => i.id), ...placeholders.map((p) => p.id)]);
      const authorOf = (id: string) => info[id]?.author ?? 'me';
      const moderated = Object.fromEntries(items.flatMap((i) => (info[i.id]?.hidden ? [[i.id, info[i.id]!.hidden!]] : [])));
      const ids = new Set(Object.keys(info));
      // Others' supports go as counts: the panel needs how many, never whose (and 20,000 of
      // them would be most of the message), and nothing of them goes, not even who wrote them.
      const supportCounts: Record<string, number> = {};
      const shown = items.filter((i) => {
        if (!isSupport(i) || authorOf(i.id) === 'me') return true;
        supportCounts[i.target] = (supportCounts[i.target] ?? 0) + 1;
        return false;
      });
      const authors = Object.fromEntries([...shown.map((i) => i.id), ...placeholders.map((p) => p.id)].map((id) => [id, authorOf(id)]));
      return {
        items: shown,
        supportCounts,
        hidden: placeholders.map((p) => ({ id: p.id, target: p.target, ...(p.created ? { created: p.created } : {}) })),
        hiddenComments,
        mySupportIds: shown.filter((i) => isSupport(i)).map((i) => i.id),
        authors,
        moderated,
        pending: [...outbox.pending].filter((id) => ids.has(id)),
        refused: Object.fromEntries([...outbox.refused].filter(([id]) => ids.has(id))),
        role: connection?.role ?? null,
        following: uris.some((uri) => state.follows.includes(uri)),
        damaged,
        ...(comments ? { partial: true as const } : {}),
      };
    },

    /** How the threads of `comments` stand (the in-page card): read by id, as the panel's first screenful. */
    async summaries({ comments }): Promise<{ summaries: Record<string, ThreadSummary> }> {
      const listing = await this.list({ uris: [], comments });
      const threads = buildThreads(listing.items, { hidden: listing.hidden, hiddenComments: listing.hiddenComments, mySupportIds: new Set(listing.mySupportIds), supportCounts: listing.supportCounts });
      const summaries: Record<string, ThreadSummary> = {};
      for (const id of comments) {
        const thread = threads.get(id);
        if (thread?.comment) summaries[id] = { replyCount: thread.replyCount, supportCount: thread.supportCount, latestAnswer: thread.latestAnswer };
      }
      return { summaries };
    },

    async reply({ target, text, answer, attribution, document }): Promise<{ reply: LeaReply }> {
      const connection = await connected();
      if (!roleCan.reply(connection.role)) throw new Error(CONVERSATION_MESSAGES.cannotReply);
      if (answer !== null && !roleCan.answer(connection.role)) throw new Error(CONVERSATION_MESSAGES.cannotAnswer);
      const parent = await conversation.get(target);
      if (!parent || isSupport(parent)) throw new Error(CONVERSATION_MESSAGES.unknownTarget);
      const { comment } = await conversation.rootComment(target);
      if (comment && isComment(comment) && comment.visibility !== 'group') throw new Error(CONVERSATION_MESSAGES.privateTarget);
      const name = await myName(connection);
      if (answer !== null && name === '') throw new Error(CONVERSATION_MESSAGES.needName);
      const byCommentAuthor = !!comment && isComment(comment) && comment.attribution === 'anonymous' && (await isMine(comment.id));
      const onDocument = comment && isComment(comment) ? comment.target.source : ((isReply(parent) ? parent.onDocument : undefined) ?? document);
      const built = buildReply({
        id: deps.newId(),
        now: clock(),
        parentId: target,
        draft: { text, answer, attribution },
        authorName: name,
        ...(byCommentAuthor && answer === null ? { byCommentAuthor: true } : {}),
        ...(onDocument && /^https?:|^urn:/.test(onDocument) ? { onDocument } : {}),
      });
      if (!built.ok) throw new Error(built.problems.join(' '));
      let reply = built.value;
      // An answer shows the officer's role at once; the store sets it for real from the profile.
      const profile = (await sync.getNoticeState()).profile;
      if (answer !== null && reply.creator && profile) {
        reply = {
          ...reply,
          creator: { ...reply.creator, ...(profile.jobTitle ? { jobTitle: profile.jobTitle } : {}), ...(profile.organisation ? { organisation: profile.organisation } : {}) },
        };
      }
      const saved = await conversation.saveReply(reply);
      deps.afterLocalChange();
      return { reply: saved };
    },

    async deleteReply({ id }) {
      const existing = await conversation.get(id);
      if (!existing || !isReply(existing) || !(await isMine(id))) throw new Error(CONVERSATION_MESSAGES.notYourReply);
      await conversation.remove(id);
      deps.afterLocalChange();
      return { deleted: existing };
    },

    async editReply({ id, text, answer }) {
      const connection = await connected();
      const existing = await conversation.get(id);
      if (!existing || !isReply(existing) || !(await isMine(id))) throw new Error(CONVERSATION_MESSAGES.notYourReplyToChange);
      if (answerStatusOf(existing) !== null && !roleCan.answer(connection.role)) throw new Error(CONVERSATION_MESSAGES.cannotAnswer);
      const edited = editReply(existing, { text, answer }, clock());
      if (!edited.ok) throw new Error(edited.problems.join(' '));
      const saved = await conversation.saveReply(edited.value);
      deps.afterLocalChange();
      return { reply: saved };
    },

    /**
     * A reply deleted here a moment ago, back as it was (the panel's "Undo"). Only one of mine
     * that is not here any more; the store checks again that it was mine.
     */
    async restoreReply({ reply }) {
      const connection = await connected();
      const checked = checkReply(reply);
      if (!checked.ok) throw new Error(checked.problems.join(' '));
      const back = checked.value;
      if (!roleCan.reply(connection.role) || (await conversation.get(back.id)) !== null || !(await isMine(back.id))) {
        throw new Error(CONVERSATION_MESSAGES.cannotRestore);
      }
      const saved = await conversation.saveReply(back);
      deps.afterLocalChange();
      return { reply: saved };
    },

    async support({ target, named }) {
      const connection = await connected();
      if (!roleCan.support(connection.role)) throw new Error(CONVERSATION_MESSAGES.cannotSupport);
      const comment = await conversation.get(target);
      if (!comment) throw new Error(CONVERSATION_MESSAGES.unknownTarget);
      if (!isComment(comment)) throw new Error(CONVERSATION_MESSAGES.supportOnComment);
      if (comment.visibility !== 'group') throw new Error(CONVERSATION_MESSAGES.privateTarget);
      const existing = await mySupportOn(target);
      if (existing) return { support: existing };
      const built = buildSupport({ id: deps.newId(), now: clock(), targetId: target, named, authorName: await myName(connection) });
      if (!built.ok) throw new Error(built.problems.join(' '));
      const saved = await conversation.saveSupport(built.value);
      deps.afterLocalChange();
      return { support: saved };
    },

    async unsupport({ target }) {
      const existing = await mySupportOn(target);
      if (!existing) return { removed: null };
      await conversation.remove(existing.id);
      deps.afterLocalChange();
      return { removed: existing };
    },

    report: ({ id, reason }) => online(CONVERSATION_MESSAGES.offline, async (client, c) => ({ report: (await client.report(c.group, id, reason)).report })),
    moderationList: () => online(CONVERSATION_MESSAGES.offline, (client, c) => client.moderation(c.group), true),
    dismiss: ({ id, reason }) =>
      online(CONVERSATION_MESSAGES.offline, async (client, c) => {
        await client.dismissReports(c.group, id, reason);
        return { ok: true as const };
      }, true),
    hide: ({ id, reason }) =>
      online(CONVERSATION_MESSAGES.offline, async (client, c) => {
        const result = await client.setHidden(c.group, id, true, reason);
        deps.runSync();
        return { id: result.id, hidden: result.hidden };
      }, true),
    unhide: ({ id, reason }) =>
      online(CONVERSATION_MESSAGES.offline, async (client, c) => {
        const result = await client.setHidden(c.group, id, false, reason);
        deps.runSync();
        return { id: result.id, hidden: result.hidden };
      }, true),

    async getProfile() {
      const connection = await connected();
      try {
        return await rememberProfile(toProfile(await clientFor(connection).me()));
      } catch (error) {
        const known = (await sync.getNoticeState()).profile;
        if (known && error instanceof SyncError && error.kind === 'offline') return known;
        throw plainError(error, CONVERSATION_MESSAGES.offlineProfile);
      }
    },

    async updateProfile(patch) {
      const clean = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim());
      const body = {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName.trim() } : {}),
        ...(patch.jobTitle !== undefined ? { jobTitle: clean(patch.jobTitle) ?? null } : {}),
        ...(patch.organisation !== undefined ? { organisation: clean(patch.organisation) ?? null } : {}),
      };
      const me = await online(CONVERSATION_MESSAGES.offlineProfile, (client) => client.updateProfile(body));
      const connection = await sync.getConnection();
      if (connection && connection.displayName !== me.displayName) await sync.setConnection({ ...connection, displayName: me.displayName });
      return rememberProfile(toProfile(me));
    },

    createLinkCode: () => online(CONVERSATION_MESSAGES.offlineLink, (client) => client.createLinkCode()),

    async connectWithLink({ baseUrl, code }) {
      try {
        const client = clientFor({ baseUrl });
        const joined = await client.joinWithLink(code);
        const me = await clientFor({ baseUrl: client.baseUrl, token: joined.token }).me();
        const connection: StoreConnection = { baseUrl: client.baseUrl, displayName: me.displayName, ...joined };
        await sync.setConnection(connection);
        deps.runSync();
        const { token: _token, ...visible } = connection;
        return { connection: visible };
      } catch (error) {
        if (error instanceof SyncError && (error.code === 'invite-invalid' || error.status === 404 || error.status === 410)) throw new Error(CONVERSATION_MESSAGES.badLinkCode);
        throw plainError(error, "Can't reach the group store: check the address and your connection, then try again.");
      }
    },
  };
}
