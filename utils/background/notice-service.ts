import { badgeFor, deriveNotices, noticeSentence, unreadCount, type ModerationNoticeInput } from '../conversation/notices';
import type { Translate } from '../i18n/translate';
import type { Notice } from '../conversation/notice-types';
import type { NoticeList } from '../messaging/conversation-protocol';
import { isReply, isSupport } from '../model';
import { claimedKind, union, type ConversationRepo, type SyncRepo } from '../store';
import { createSerialRunner } from '../sync/serial-runner';

/** At most this many browser notifications at once (a first sync may find many old notices). */
const MAX_NOTIFICATIONS = 3;

/** The browser parts the notice service drives, passed in (the toolbar action, notifications). */
export interface NoticeServiceDeps {
  sync: Pick<SyncRepo, 'getNoticeState' | 'updateNoticeState' | 'listSyncInfo' | 'getConnection'>;
  conversation: Pick<ConversationRepo, 'allItems'>;
  /** The browser-notifications setting (IndexedDB meta). */
  notifySetting: { get(): Promise<boolean>; set(on: boolean): Promise<void> };
  /** Send reads and follows to the store now (engine.syncNotices); not awaited. */
  syncNotices: () => void;
  /** The toolbar button's badge (action.setBadgeText / setTitle). */
  badge: { setText(text: string): Promise<void>; setTitle(title: string): Promise<void> };
  /** Browser notifications: whether the optional permission is granted, and showing one. */
  notifications: { granted(): Promise<boolean>; show(id: string, message: string): Promise<void> };
  /** Tell open panels the notices changed (`broadcast/notices-changed`). */
  broadcast: () => void;
  clock: () => Date;
  /** The words of the person's language now (the badge title and notifications follow it); English when not given. */
  t?: () => Promise<Translate>;
}

/**
 * Notices for the panels, the toolbar badge and browser notifications. Notices are derived
 * from local data (utils/conversation/notices.ts) each time; the store keeps only read ids and
 * follows, synced by the engine. `refresh` runs after every applied sync and read change.
 */
export function createNoticeService(deps: NoticeServiceDeps) {
  const { sync, conversation, notifySetting, badge, notifications } = deps;

  async function derive(): Promise<{ notices: Notice[]; follows: string[] }> {
    // Notices belong to a member of a group: none while not connected (after "forget me", say).
    if (!(await sync.getConnection())) return { notices: [], follows: [] };
    const [infos, state] = await Promise.all([sync.listSyncInfo(), sync.getNoticeState()]);
    const authors = Object.fromEntries(infos.map((i) => [i.id, i.author]));
    const follows = new Set(state.follows);
    // Only what can make a notice is read and validated: replies, hidden-reply places, my items,
    // and comments on documents I follow.
    const { items, placeholders } = await conversation.allItems((record) => {
      const kind = claimedKind(record);
      if (kind === 'reply' || kind === 'placeholder' || (authors[record.id] ?? 'me') === 'me') return true;
      if (kind === 'support') return false;
      return follows.has(String((record.target as { source?: unknown } | undefined)?.source));
    });
    const byId = new Map(items.map((item) => [item.id, item]));
    const placed = new Set(placeholders.map((p) => p.id));
    const moderation: ModerationNoticeInput[] = infos.flatMap((info) => {
      if (info.author !== 'me' || !info.moderation) return [];
      const item = byId.get(info.id);
      const kind = item && isReply(item) ? 'reply' : item && isSupport(item) ? 'support' : placed.has(info.id) ? 'reply' : 'comment';
      return info.moderation.map((e) => ({ id: info.id, kind, ...e }));
    });
    const read = new Set(state.read);
    const notices = deriveNotices({ items, authors, placeholders, moderation, follows: state.follows, followedAt: state.followedAt, read });
    return { notices, follows: state.follows };
  }

  async function notifyOn(): Promise<{ on: boolean; granted: boolean }> {
    const [on, granted] = await Promise.all([notifySetting.get(), notifications.granted().catch(() => false)]);
    return { on, granted };
  }

  let lastSignature: string | null = null;
  /** Badge, notifications for notices not seen before, and a broadcast when anything changed. */
  const refresh = createSerialRunner(async (): Promise<number> => {
    const { notices } = await derive();
    const signature = JSON.stringify(notices.map((n) => [n.id, n.read]));
    const changed = signature !== lastSignature;
    lastSignature = signature;
    const unread = unreadCount(notices);
    const t = deps.t ? await deps.t() : undefined;
    const shown = badgeFor(unread, t);
    await Promise.all([badge.setText(shown.text), badge.setTitle(shown.title)]).catch(() => undefined);
    const notify = await notifyOn();
    if (notify.on && notify.granted) {
      const state = await sync.getNoticeState();
      const before = new Set(state.shown);
      const fresh = notices.filter((n) => !n.read && !before.has(n.id));
      if (fresh.length > 0) {
        await sync.updateNoticeState((s) => ({ ...s, shown: union(s.shown, fresh.map((n) => n.id)) }));
        for (const notice of fresh.slice(0, MAX_NOTIFICATIONS)) await notifications.show(notice.id, t ? noticeSentence(t, notice) : notice.sentence).catch(() => undefined);
      }
    }
    if (changed) deps.broadcast();
    return unread;
  }, () => undefined);

  return {
    /** Recount after a sync or a read change: the badge, new browser notifications, open panels. */
    refresh: () => refresh(undefined),

    /** The notices panel. */
    async list(): Promise<NoticeList> {
      const { notices, follows } = await derive();
      return { notices, unread: unreadCount(notices), follows, notify: await notifyOn() };
    },

    /** Mark notices read here at once; the store (and the member's other browsers) hear of it on sync. */
    async markRead(ids: readonly string[]): Promise<{ unread: number }> {
      await sync.updateNoticeState((s) => ({ ...s, read: union(s.read, ids), pendingRead: union(s.pendingRead, ids.filter((id) => !s.read.includes(id))) }));
      deps.syncNotices();
      return { unread: await refresh(undefined) };
    },

    /**
     * The person clicked a browser notification: mark that notice read and answer the web
     * document to open (null: unknown, or not a web address the browser can open).
     */
    async opened(id: string): Promise<string | null> {
      const { notices } = await derive();
      const notice = notices.find((n) => n.id === id);
      if (!notice) return null;
      await this.markRead([id]);
      return notice.document && /^https?:\/\//i.test(notice.document) ? notice.document : null;
    },

    /** Follow or stop following a document (new comments on it make notices). */
    async follow(document: string, following: boolean): Promise<{ follows: string[] }> {
      const at = deps.clock().toISOString();
      const state = await sync.updateNoticeState((s) => {
        const follows = following ? union(s.follows, [document]) : s.follows.filter((d) => d !== document);
        const followedAt = { ...s.followedAt };
        if (following) followedAt[document] ??= at;
        else delete followedAt[document];
        return { ...s, follows, followedAt, pendingFollows: [...s.pendingFollows, { document, following }] };
      });
      deps.syncNotices();
      void refresh(undefined);
      return { follows: state.follows };
    },

    /** Following is automatic when I comment on a document (once; an unfollow later is respected until I comment anew). */
    async autoFollow(document: string): Promise<void> {
      if ((await sync.getNoticeState()).follows.includes(document)) return;
      await this.follow(document, true);
    },

    /**
     * Browser notifications on or off (off by default). Turning them on counts what is there
     * now as seen, so only notices from then on pop up.
     */
    async setNotify(on: boolean): Promise<{ on: boolean; granted: boolean }> {
      if (on) {
        const { notices } = await derive();
        await sync.updateNoticeState((s) => ({ ...s, shown: union(s.shown, notices.map((n) => n.id)) }));
      }
      await notifySetting.set(on);
      return notifyOn();
    },
  };
}

/** The notice service as the handlers and the background use it. */
export type NoticeService = ReturnType<typeof createNoticeService>;
