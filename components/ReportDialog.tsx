import { Button, Textarea } from '@hypothesis/frontend-shared';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_REASON_LENGTH } from '../utils/model';
import { useT } from './i18n';

export interface ReportButtonProps {
  /** "comment" or "reply", for the button's name and the dialog's heading. */
  what: 'comment' | 'reply';
  /** A few words of the item, so screen-reader users know which one the button is for. */
  subject: string;
  /** Resolves once the report is kept; rejects with a plain-English message. */
  onReport: (reason: string) => Promise<void>;
}

/**
 * "Report" and its small dialog: a required reason, "Send report", then the thanks. The
 * dialog sits under the button (not over the page), moves focus into itself, closes with
 * Escape, and gives focus back to the Report button when it closes.
 */
export function ReportButton({ what, subject, onReport }: ReportButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const textRef = useRef<HTMLTextAreaElement>();
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open && !wasOpen.current) textRef.current?.focus();
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  useEffect(() => {
    if (sent) closeRef.current?.focus();
  }, [sent]);

  const close = () => {
    if (sending) return;
    setOpen(false);
    setError(null);
    if (sent) {
      setSent(false);
      setReason('');
    }
  };

  async function submit(event: Event) {
    event.preventDefault();
    if (sending) return;
    if (!reason.trim()) {
      setError(t('conversation.report.needsReason'));
      textRef.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onReport(reason.trim());
      setSent(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Button size="sm" elementRef={opener} expanded={open} onClick={() => (open ? close() : setOpen(true))}>
        {t('conversation.report.button')}
        <span class="sr-only"> {t(what === 'reply' ? 'conversation.report.whichReply' : 'conversation.report.whichComment', { subject })}</span>
      </Button>
      {open && (
        <div
          role="dialog"
          aria-labelledby={`${id}-title`}
          class="mt-2 w-full space-y-2 rounded border border-grey-6 bg-white p-2 shadow"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            close();
          }}
        >
          <h3 id={`${id}-title`} class="font-bold">
            {t(what === 'reply' ? 'conversation.report.titleReply' : 'conversation.report.titleComment')}
          </h3>
          {sent ? (
            <>
              <p role="status">{t('conversation.report.thanks')}</p>
              <Button size="sm" elementRef={closeRef} onClick={close}>
                {t('conversation.close')}
              </Button>
            </>
          ) : (
            <form class="space-y-2" noValidate onSubmit={submit}>
              <p id={`${id}-hint`} class="text-xs text-grey-7">
                {t('conversation.report.hint')}
              </p>
              <label for={`${id}-reason`} class="block font-semibold">
                {t('conversation.report.reason')}
              </label>
              <Textarea
                id={`${id}-reason`}
                elementRef={textRef}
                rows={2}
                value={reason}
                maxLength={MAX_REASON_LENGTH}
                aria-required
                feedback={error ? 'error' : undefined}
                aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
                onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
              />
              {error && (
                <p id={`${id}-error`} class="font-semibold text-red-error">
                  {error}
                </p>
              )}
              <div class="flex flex-wrap gap-2">
                <Button size="sm" type="submit" variant="primary" aria-disabled={sending || undefined}>
                  {t(sending ? 'conversation.sending' : 'conversation.report.send')}
                </Button>
                <Button size="sm" type="button" onClick={close}>
                  {t('conversation.cancel')}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
    </>
  );
}
