import { Button } from '@hypothesis/frontend-shared';
import type { Notice } from '../utils/conversation/notice-types';

const whenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** Unread notices first, each group newest first (the order people work through them). */
export function orderNotices(notices: readonly Notice[]): Notice[] {
  return [...notices].sort((a, b) => Number(a.read) - Number(b.read) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** "2 new" / "Nothing new", for a heading or a tab. */
export function unreadWords(unread: number): string {
  return unread === 0 ? 'nothing new' : `${unread} new`;
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
  const ordered = orderNotices(notices);
  const shown = limit ? ordered.slice(0, limit) : ordered;
  const unread = notices.filter((n) => !n.read).length;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="whats-new-heading" class="space-y-2">
      <div class="flex flex-wrap items-center justify-between gap-2">
        <Heading id="whats-new-heading" class="font-bold">
          What’s new ({unreadWords(unread)})
        </Heading>
        {unread > 0 && (
          <Button size="sm" onClick={onMarkAllRead}>
            Mark all as read
          </Button>
        )}
      </div>
      {notices.length === 0 ? (
        <p class="text-grey-7">Nothing yet. You will see replies to your comments here, and new comments on pages you follow.</p>
      ) : (
        <ul class="space-y-2">
          {shown.map((notice) => (
            <li key={notice.id} class={`rounded border p-2 ${notice.read ? 'border-grey-3' : 'border-blue-700 bg-grey-1'}`}>
              {!notice.read && <span class="mr-1 rounded bg-grey-9 px-1 text-xs font-bold text-white">New</span>}
              {notice.document && /^https?:/i.test(notice.document) ? (
                <a
                  href={notice.document}
                  class="text-blue-700 underline"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(notice);
                  }}
                >
                  {notice.read ? '' : <span class="sr-only">Unread: </span>}
                  {notice.sentence}
                </a>
              ) : (
                <span>
                  {notice.read ? '' : <span class="sr-only">Unread: </span>}
                  {notice.sentence}
                </span>
              )}
              <p class="text-xs text-grey-7">{whenFormat.format(new Date(notice.at))}</p>
            </li>
          ))}
        </ul>
      )}
      {limit && ordered.length > limit && <p class="text-xs text-grey-7">{ordered.length - limit} more in the side panel.</p>}
    </section>
  );
}

/**
 * Follow or unfollow the page on screen: a toggle button (aria-pressed) with a plain hint.
 * Commenting on a page follows it already.
 */
export function FollowButton({ following, onToggle }: { following: boolean; onToggle: (following: boolean) => void }) {
  return (
    <div class="flex flex-wrap items-center gap-2">
      <Button size="sm" pressed={following} aria-describedby="follow-hint" onClick={() => onToggle(!following)}>
        <span aria-hidden="true">{following ? '✓ ' : ''}</span>
        Follow this page
      </Button>
      <span id="follow-hint" class="text-xs text-grey-7">
        {following ? 'New comments on this page show in What’s new.' : 'Follow to see new comments on this page in What’s new.'}
      </span>
    </div>
  );
}
