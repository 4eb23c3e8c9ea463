import type { Notice } from '../utils/conversation/notice-types';
import { roleCan, type Role } from '../utils/model';
import { ModerationPanel } from './ModerationPanel';
import type { TabSpec } from './Tabs';
import type { Translate } from '../utils/i18n/translate';
import type { SidePanelConversationApi, useConversation } from './use-conversation';
import { unreadWords, WhatsNew } from './WhatsNew';

/** The side panel's sections. */
export type PanelTab = 'comments' | 'new' | 'review';

/**
 * The side panel's conversation tabs: What's new (when notices could be read) and, for
 * facilitators, To review with the moderation record.
 */
export function conversationTabs(options: {
  /** The panel's language (tab names are plain strings). */
  t: Translate;
  conv: SidePanelConversationApi | undefined;
  conversation: ReturnType<typeof useConversation>;
  role: Role | null;
  announce: (message: string) => void;
  openNotice: (notice: Notice) => Promise<void>;
  markAllRead: () => Promise<void>;
  moderate: (action: (id: string, reason: string) => Promise<void>) => (id: string, reason: string) => Promise<void>;
}): TabSpec<PanelTab>[] {
  const { t, conv, conversation, role } = options;
  const tabs: TabSpec<PanelTab>[] = [];
  // Not connected to a group: no conversation, so no What's new or To review.
  if (!conv || !role) return tabs;
  const notices = conversation.notices;
  if (notices) {
    tabs.push({
      key: 'new',
      label: t('sidepanel.tab.new', { unread: unreadWords(t, notices.unread) }),
      panel: () => <WhatsNew notices={notices.notices} onOpen={(n) => void options.openNotice(n)} onMarkAllRead={() => void options.markAllRead()} />,
    });
  }
  if (roleCan.moderate(role)) {
    const list = conversation.moderation;
    tabs.push({
      key: 'review',
      label: list ? t('sidepanel.tab.reviewCount', { count: list.toReview.length }) : t('sidepanel.tab.review'),
      panel: () =>
        conversation.moderationProblem ? (
          <p class="rounded border border-red-error p-2">{conversation.moderationProblem}</p>
        ) : list ? (
          <ModerationPanel
            list={list}
            onHide={options.moderate(conv.moderation.hide)}
            onUnhide={options.moderate(conv.moderation.unhide)}
            onDismiss={options.moderate(conv.moderation.dismiss)}
            announce={options.announce}
          />
        ) : (
          <p>{t('sidepanel.review.loading')}</p>
        ),
    });
  }
  return tabs;
}
