import { Button, Textarea } from '@hypothesis/frontend-shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModerationList } from '../utils/messaging/conversation-protocol';
import { MAX_REASON_LENGTH } from '../utils/model';

const whenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

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

const ACTION_WORDS: Record<ModerationList['record'][number]['action'], string> = {
  hide: 'Hid it',
  unhide: 'Unhid it',
  dismiss: 'No action needed',
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
          To review ({list.toReview.length})
        </h2>
        {list.toReview.length === 0 ? (
          <p class="text-grey-7">Nothing has been reported.</p>
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
          Moderation record
        </h2>
        {list.record.length === 0 ? (
          <p class="text-grey-7">Nothing has been hidden, unhidden or closed yet.</p>
        ) : (
          <ol class="space-y-2">
            {list.record.map((entry) => {
              const item = textOf.get(entry.target);
              return (
                <li key={entry.id} class="rounded border border-grey-3 p-2 text-xs">
                  <p>
                    <span class="font-semibold">{ACTION_WORDS[entry.action]}</span> — {entry.by.displayName}, {whenFormat.format(new Date(entry.at))}
                  </p>
                  {item?.text && <p class="text-grey-7">On the {item.what}: “{item.text.slice(0, 80)}”</p>}
                  <p>Why: {entry.reason}</p>
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
      setError('Please give a reason for hiding this. The author will see it.');
      document.getElementById(field)?.focus();
      return;
    }
    void run(onHide, reason.trim(), 'Hidden from the group.');
  };

  return (
    <li class="space-y-2 rounded border border-grey-4 p-2" aria-label={`Reported ${shown?.what ?? 'item'}`}>
      {shown ? (
        <blockquote class="border-l-4 border-grey-4 pl-2 text-grey-8">
          <span class="sr-only">The {shown.what}: </span>
          {shown.text || '(an answer with no text)'}
        </blockquote>
      ) : (
        <p class="italic text-grey-7">Its author has removed it.</p>
      )}
      {shown && linkFor && (
        <p class="text-xs">
          <a href={linkFor(item.target)} class="text-blue-700 underline">
            Read this {shown.what} in its conversation
          </a>
        </p>
      )}
      {item.hidden && <p class="text-xs font-semibold">Hidden now: {item.hidden.reason}</p>}
      {item.reports.length === 0 ? (
        <p class="text-xs text-grey-7">No open reports.</p>
      ) : (
        <div>
          <p class="text-xs font-semibold">{item.reports.length === 1 ? '1 report' : `${item.reports.length} reports`}:</p>
          <ul class="list-disc pl-5 text-xs">
            {item.reports.map((report) => (
              <li key={report.id}>
                {report.reason} <span class="text-grey-7">({whenFormat.format(new Date(report.created))})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="space-y-1">
        <label for={field} class="block text-xs font-semibold">
          Your reason (the author sees it if you hide this; it goes in the record)
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
          <Button size="sm" aria-disabled={busy || undefined} onClick={() => void run(onUnhide, reason.trim() || 'Unhidden after review', 'Shown to the group again.')}>
            Unhide
          </Button>
        ) : (
          shown && (
            <Button size="sm" variant="primary" aria-disabled={busy || undefined} onClick={hide}>
              Hide with this reason
            </Button>
          )
        )}
        {item.reports.length > 0 && (
          <Button size="sm" aria-disabled={busy || undefined} onClick={() => void run(onDismiss, reason.trim() || 'No action needed', 'Reports closed: no action needed.')}>
            No action needed
          </Button>
        )}
      </div>
    </li>
  );
}
