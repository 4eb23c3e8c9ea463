import { Button } from '@hypothesis/frontend-shared';
import type { SyncOverview } from '../utils/messaging';
import { answerStatusOf, commentText, isComment, isReply, replyText, type LeaItem } from '../utils/model';
import type { Translate } from '../utils/i18n/translate';
import { answerStatusName } from '../utils/i18n/vocabulary-labels';
import { isMessageKey } from '../utils/i18n/translate';
import { sentenceFrom } from '../utils/sync/describe-sync-state';
import { useI18n } from './i18n';

export interface SyncStatusProps {
  overview: SyncOverview;
  onRetry: () => void;
  onResolve: (id: string, choice: 'mine' | 'theirs') => void;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Sync state in words ("All saved", "3 comments waiting to send (offline)"…), each comment the
 * store refused (which one, and why), and, when the same comment was changed in two places,
 * both versions with a plain choice. Nothing is lost.
 */
export function SyncStatus({ overview, onRetry, onResolve }: SyncStatusProps) {
  const { t, tr } = useI18n();
  // Parts that arrived as data are shown in the reader's language; the English sentence otherwise.
  const parts = overview.sentenceParts?.filter((part) => isMessageKey(part.key));
  const sentence = parts && parts.length > 0 ? sentenceFrom(tr, parts) : overview.sentence;
  return (
    <section aria-label={t('sidepanel.sync.label')} class="space-y-2 rounded border border-grey-4 bg-grey-1 p-2">
      <p>
        <span class="font-semibold">{t('sidepanel.sync.group')}</span>
        {sentence}
        {overview.needsAttention && overview.connection && (
          <>
            {' '}
            <Button size="sm" onClick={onRetry}>
              {t('sidepanel.sync.retry')}
            </Button>
          </>
        )}
      </p>
      {overview.refused.length > 0 && (
        <ul class="space-y-1" aria-label={t('sidepanel.sync.refusedList')}>
          {overview.refused.map((refused) => (
            <li key={refused.id} class="rounded border border-grey-5 bg-white p-2">
              {refused.quote !== null ? (
                <>
                  <span class="font-semibold">{t('sidepanel.sync.yourComment', { quote: shorten(refused.quote, 80) })}</span>
                  {refused.text && <>: {shorten(refused.text, 120)}</>}
                </>
              ) : (
                <span class="font-semibold">{t('sidepanel.sync.deletedComment', { id: refused.id.replace(/^urn:uuid:/, '') })}</span>
              )}
              <br />
              <span class="text-grey-7">
                {t(refused.damaged ? 'sidepanel.sync.damaged' : 'sidepanel.sync.refused', { reason: refused.message })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {overview.conflicts.map((conflict) => (
        <div key={conflict.id} class="space-y-1 rounded border border-grey-5 bg-white p-2" role="group" aria-label={t('sidepanel.sync.conflict')}>
          <p class="font-semibold">{t('sidepanel.sync.conflictQuestion')}</p>
          <p>
            <span class="font-semibold">{t('sidepanel.sync.yourVersion')}</span>
            {conflict.mine ? versionText(t, conflict.mine) : t('sidepanel.sync.youDeleted')}
          </p>
          <p>
            <span class="font-semibold">{t('sidepanel.sync.groupVersion')}</span>
            {conflict.theirs ? versionText(t, conflict.theirs) : t('sidepanel.sync.groupDeleted')}
          </p>
          <div class="flex gap-2">
            <Button size="sm" variant="primary" onClick={() => onResolve(conflict.id, 'mine')}>
              {t('sidepanel.sync.keepMine')}
            </Button>
            <Button size="sm" onClick={() => onResolve(conflict.id, 'theirs')}>
              {t('sidepanel.sync.useTheirs')}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}

/** What one version in a conflict says: a comment's or reply's words (an answer's status when it has none), or "This is my experience too". */
function versionText(t: Translate, item: LeaItem): string {
  if (isComment(item)) return commentText(item);
  if (isReply(item)) {
    const status = answerStatusOf(item);
    return replyText(item) || (status ? answerStatusName(t, status) : '');
  }
  return t('conversation.support.button');
}
