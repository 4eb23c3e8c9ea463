import { Button } from '@hypothesis/frontend-shared';
import type { Notice } from '../utils/conversation/notice-types';
import type { Translate } from '../utils/i18n/translate';
import { noticeSentence } from '../utils/conversation/notices';
import { useI18n, useT } from './i18n';

const WHEN: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** Unread notices first, each group newest first (the order people work through them). */
export function orderNotices(notices: readonly Notice[]): Notice[] {
  return [...notices].sort((a, b) => Number(a.read) - Number(b.read) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** "2 new" / "Nothing new", for a heading or a tab. */
export function unreadWords(t: Translate, unread: number): string {
  return unread === 0 ? t('sidepanel.new.nothing') : t('sidepanel.new.unread', { count: unread });
}

export interface WhatsNewProps {
  notices: readonly Notice[];
  /** Open the notice's document (and its comment); the notice is then marked read. */
  onOpen: (notice: Notice) => void;
  onMarkAllRead: () => void;
  /** Heading level: the popup's list sits under its h1, the side panel's under a tab. */
  headingLevel?: 2 | 3;
  /** Show at most this many (the popup shows a few). */
  limit?: number;
}

/**
 * "What's new": replies and answers to the person's comments, new comments on pages they
 * follow, and hides/unhides of their own items. Each notice is a link to its document;
 * unread ones come first and say so in words, not just in colour.
 */
export function WhatsNew({ notices, onOpen, onMarkAllRead, headingLevel = 2, limit }: WhatsNewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const ordered = orderNotices(notices);
  const shown = limit ? ordered.slice(0, limit) : ordered;
  const unread = notices.filter((n) => !n.read).length;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="whats-new-heading" class="space-y-2">
      <div class="flex flex-wrap items-center justify-between gap-2">
        <Heading id="whats-new-heading" class="font-bold">
          {t('sidepanel.new.heading', { unread: unreadWords(t, unread) })}
        </Heading>
        {unread > 0 && (
          <Button size="sm" onClick={onMarkAllRead}>
            {t('sidepanel.new.markAllRead')}
          </Button>
        )}
      </div>
      {notices.length === 0 ? (
        <p class="text-grey-7">{t('sidepanel.new.empty')}</p>
      ) : (
        <ul class="space-y-2">
          {shown.map((notice) => (
            <li key={notice.id} class={`rounded border p-2 ${notice.read ? 'border-grey-3' : 'border-blue-700 bg-grey-1'}`}>
              {!notice.read && <span class="mr-1 rounded bg-grey-9 px-1 text-xs font-bold text-white">{t('sidepanel.new.badge')}</span>}
              {notice.document && /^https?:/i.test(notice.document) ? (
                <a
                  href={notice.document}
                  class="text-blue-700 underline"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(notice);
                  }}
                >
                  {notice.read ? '' : <span class="sr-only">{t('sidepanel.new.unreadPrefix')}</span>}
                  {noticeSentence(t, notice)}
                </a>
              ) : (
                <span>
                  {notice.read ? '' : <span class="sr-only">{t('sidepanel.new.unreadPrefix')}</span>}
                  {noticeSentence(t, notice)}
                </span>
              )}
              <p class="text-xs text-grey-7">{i18n.formatDate(notice.at, WHEN)}</p>
            </li>
          ))}
        </ul>
      )}
      {limit && ordered.length > limit && <p class="text-xs text-grey-7">{t('sidepanel.new.more', { count: ordered.length - limit })}</p>}
    </section>
  );
}

/**
 * Follow or unfollow the page on screen: a toggle button (aria-pressed) with a plain hint.
 * Commenting on a page follows it already.
 */
export function FollowButton({ following, onToggle }: { following: boolean; onToggle: (following: boolean) => void }) {
  const t = useT();
  return (
    <div class="flex flex-wrap items-center gap-2">
      <Button size="sm" pressed={following} aria-describedby="follow-hint" onClick={() => onToggle(!following)}>
        <span aria-hidden="true">{following ? '✓ ' : ''}</span>
        {t('sidepanel.follow.button')}
      </Button>
      <span id="follow-hint" class="text-xs text-grey-7">
        {following ? t('sidepanel.follow.following') : t('sidepanel.follow.notFollowing')}
      </span>
    </div>
  );
}
