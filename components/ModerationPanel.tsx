import { Button, Textarea } from '@hypothesis/frontend-shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModerationList } from '../utils/messaging/conversation-protocol';
import type { MessageKey } from '../utils/i18n/catalogue';
import { MAX_REASON_LENGTH } from '../utils/model';
import { useI18n } from './i18n';

const WHEN: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/** The words of a reported item, read defensively: it came from the store as plain JSON. */
export function reportedText(annotation: Record<string, unknown> | null): { what: 'comment' | 'reply'; text: string } | null {
  if (!annotation) return null;
  const what = annotation.motivation === 'replying' ? 'reply' : 'comment';
  const body = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  for (const item of body) {
    if (item && typeof item === 'object' && (item as { purpose?: unknown }).purpose !== 'assessing' && typeof (item as { value?: unknown }).value === 'string') {
      return { what, text: (item as { value: string }).value };
    }
  }
  return { what, text: '' };
}

const ACTION_WORDS: Record<ModerationList['record'][number]['action'], MessageKey> = {
  hide: 'conversation.moderation.actionHide',
  unhide: 'conversation.moderation.actionUnhide',
  dismiss: 'conversation.moderation.actionDismiss',
};

export interface ModerationPanelProps {
  list: ModerationList;
  onHide: (id: string, reason: string) => Promise<void>;
  onUnhide: (id: string, reason: string) => Promise<void>;
  onDismiss: (id: string, reason: string) => Promise<void>;
  announce: (message: string) => void;
  /** Where to read an item in its conversation (the web app's permanent link); no link when absent. */
  linkFor?: (target: string) => string;
}

/**
 * Facilitators' "To review": each reported comment or reply with the reasons given (never
 * who gave them), and Hide with a reason, Unhide, or No action needed; then the moderation
 * record: who did what, when and why.
 */
export function ModerationPanel({ list, onHide, onUnhide, onDismiss, announce, linkFor }: ModerationPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const textOf = new Map(list.toReview.map((item) => [item.target, reportedText(item.annotation)]));
  const heading = useRef<HTMLHeadingElement>(null);
  // A handled item leaves the list: focus goes to the heading, never to <body>.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) heading.current?.focus();
  }, [list]);
  return (
    <div class="space-y-4">
      <section aria-labelledby="to-review-heading" class="space-y-2">
        <h2 id="to-review-heading" ref={heading} tabIndex={-1} class="font-bold">
          {t('conversation.moderation.toReview', { count: list.toReview.length })}
        </h2>
        {list.toReview.length === 0 ? (
          <p class="text-grey-7">{t('conversation.moderation.nothingReported')}</p>
        ) : (
          <ul class="space-y-3">
            {list.toReview.map((item) => (
              <ReviewItem key={item.target} item={item} onHide={onHide} onUnhide={onUnhide} onDismiss={onDismiss} announce={announce} linkFor={linkFor} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="record-heading" class="space-y-2">
        <h2 id="record-heading" class="font-bold">
          {t('conversation.moderation.record')}
        </h2>
        {list.record.length === 0 ? (
          <p class="text-grey-7">{t('conversation.moderation.recordEmpty')}</p>
        ) : (
          <ol class="space-y-2">
            {list.record.map((entry) => {
              const item = textOf.get(entry.target);
              return (
                <li key={entry.id} class="rounded border border-grey-3 p-2 text-xs">
                  <p>
                    <span class="font-semibold">{t(ACTION_WORDS[entry.action])}</span> — {entry.by.displayName}, {i18n.formatDate(entry.at, WHEN)}
                  </p>
                  {item?.text && <p class="text-grey-7">{t(item.what === 'reply' ? 'conversation.moderation.onReply' : 'conversation.moderation.onComment', { text: item.text.slice(0, 80) })}</p>}
                  <p>{t('conversation.moderation.why', { reason: entry.reason })}</p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

function ReviewItem({ item, onHide, onUnhide, onDismiss, announce, linkFor }: Omit<ModerationPanelProps, 'list'> & { item: ModerationList['toReview'][number] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = reportedText(item.annotation);
  const field = `reason-${item.target.replace(/[^a-z0-9]/gi, '')}`;

  async function run(action: (id: string, reason: string) => Promise<void>, why: string, done: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action(item.target, why);
      setReason('');
      announce(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const hide = () => {
    if (!reason.trim()) {
      setError(t('conversation.moderation.needsReason'));
      document.getElementById(field)?.focus();
      return;
    }
    void run(onHide, reason.trim(), t('conversation.moderation.hidden'));
  };

  return (
    <li class="space-y-2 rounded border border-grey-4 p-2" aria-label={t(shown ? (shown.what === 'reply' ? 'conversation.moderation.reportedReply' : 'conversation.moderation.reportedComment') : 'conversation.moderation.reportedItem')}>
      {shown ? (
        <blockquote class="border-l-4 border-grey-4 pl-2 text-grey-8">
          <span class="sr-only">{t(shown.what === 'reply' ? 'conversation.moderation.theReply' : 'conversation.moderation.theComment')}</span>
          {shown.text || t('conversation.moderation.noText')}
        </blockquote>
      ) : (
        <p class="italic text-grey-7">{t('conversation.moderation.removed')}</p>
      )}
      {shown && linkFor && (
        <p class="text-xs">
          <a href={linkFor(item.target)} class="text-blue-700 underline">
            {t(shown.what === 'reply' ? 'conversation.moderation.readReply' : 'conversation.moderation.readComment')}
          </a>
        </p>
      )}
      {item.hidden && <p class="text-xs font-semibold">{t('conversation.moderation.hiddenNow', { reason: item.hidden.reason })}</p>}
      {item.reports.length === 0 ? (
        <p class="text-xs text-grey-7">{t('conversation.moderation.noReports')}</p>
      ) : (
        <div>
          <p class="text-xs font-semibold">{t('conversation.moderation.reportCount', { count: item.reports.length })}</p>
          <ul class="list-disc pl-5 text-xs">
            {item.reports.map((report) => (
              <li key={report.id}>
                {report.reason} <span class="text-grey-7">{t('conversation.moderation.reportWhen', { when: i18n.formatDate(report.created, WHEN) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="space-y-1">
        <label for={field} class="block text-xs font-semibold">
          {t('conversation.moderation.reasonLabel')}
        </label>
        <Textarea
          id={field}
          rows={2}
          value={reason}
          maxLength={MAX_REASON_LENGTH}
          feedback={error ? 'error' : undefined}
          aria-describedby={error ? `${field}-error` : undefined}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
        {error && (
          <p id={`${field}-error`} class="text-xs font-semibold text-red-error">
            {error}
          </p>
        )}
      </div>
      <div class="flex flex-wrap gap-2">
        {item.hidden ? (
          <Button size="sm" aria-disabled={busy || undefined} onClick={() => void run(onUnhide, reason.trim() || t('conversation.moderation.unhideReason'), t('conversation.moderation.unhidden'))}>
            {t('conversation.moderation.unhide')}
          </Button>
        ) : (
          shown && (
            <Button size="sm" variant="primary" aria-disabled={busy || undefined} onClick={hide}>
              {t('conversation.moderation.hide')}
            </Button>
          )
        )}
        {item.reports.length > 0 && (
          <Button size="sm" aria-disabled={busy || undefined} onClick={() => void run(onDismiss, reason.trim() || t('conversation.moderation.dismissReason'), t('conversation.moderation.dismissed'))}>
            {t('conversation.moderation.dismiss')}
          </Button>
        )}
      </div>
    </li>
  );
}
