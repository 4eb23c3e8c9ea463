import { Button, RadioButton, Textarea } from '@hypothesis/frontend-shared';
import { useLayoutEffect, useId, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n/catalogue';
import { answerStatusName, attributionLabel } from '../utils/i18n/vocabulary-labels';
import { ANSWER_STATUSES, ATTRIBUTIONS, MAX_COMMENT_LENGTH, type AnswerStatus, type ReplyDraft } from '../utils/model';
import { useT } from './i18n';

export interface ReplyEditorProps {
  /** What the reply answers, for the form's name, e.g. "Reply to Alice's comment". */
  title: string;
  /** Readers (officers) and facilitators may answer: the reply carries a status. */
  canAnswer: boolean;
  /** The person wrote this thread's anonymous comment: they show as its author, never by name. */
  asCommentAuthor?: boolean;
  displayName: string;
  defaultAttribution?: 'named' | 'anonymous';
  /** Resolves once the reply is kept; rejects with a plain-English message to show. */
  onSend: (draft: ReplyDraft) => Promise<void>;
  onCancel: () => void;
  /**
   * Changing a reply already sent: the form starts with its words (and its answer status) and
   * keeps how it shows its writer, so no attribution is asked; an answer stays an answer.
   */
  editing?: { text: string; answer: AnswerStatus | null };
}

/** Why a draft cannot be sent yet (the message to show, as a catalogue key), or null. */
export function replyDraftProblem(draft: ReplyDraft): MessageKey | null {
  const status = draft.answer ? ANSWER_STATUSES.find((s) => s.value === draft.answer) : null;
  if (status?.needsReason && !draft.text.trim()) return 'conversation.editor.needsReason';
  if (!draft.answer && !draft.text.trim()) return 'conversation.editor.empty';
  return null;
}

/**
 * The reply form under a comment or a reply. Officers and facilitators can make the reply an
 * answer (one of ANSWER_STATUSES); "We are not changing this" needs a reason. The text stays
 * until the reply is kept, so nothing typed is lost when sending fails.
 */
export function ReplyEditor({ title, canAnswer, asCommentAuthor = false, displayName, defaultAttribution = 'anonymous', onSend, onCancel, editing }: ReplyEditorProps) {
  const t = useT();
  const [text, setText] = useState(editing?.text ?? '');
  const [answer, setAnswer] = useState<AnswerStatus | null>(editing?.answer ?? null);
  // An edit keeps the reply's kind: statuses only for an answer, and no "Just a reply" then.
  const offerAnswer = editing ? editing.answer !== null && canAnswer : canAnswer;
  const [attribution, setAttribution] = useState<'named' | 'anonymous'>(displayName ? defaultAttribution : 'anonymous');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>();
  // A layout effect: focus moves in the same task as the editor appears.
  useLayoutEffect(() => textRef.current?.focus(), []);

  const needsReason = answer !== null && ANSWER_STATUSES.find((s) => s.value === answer)!.needsReason;

  async function submit(event: Event) {
    event.preventDefault();
    if (sending) return;
    const draft: ReplyDraft = { text, answer, attribution: asCommentAuthor ? 'anonymous' : attribution };
    const problem = replyDraftProblem(draft);
    if (problem) {
      setError(t(problem));
      textRef.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSend(draft);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <form
      class="space-y-2 rounded border border-grey-5 p-2 text-sm text-grey-9"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || sending) return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={`${id}-title`} class="font-bold">
        {title}
      </h3>
      {offerAnswer && (
        <fieldset class="space-y-1">
          <legend class="font-semibold">{t('conversation.editor.answerLegend')}</legend>
          {!editing && (
            <RadioButton name={`${id}-answer`} value="" checked={answer === null} onChange={() => setAnswer(null)}>
              {t('conversation.editor.justReply')}
            </RadioButton>
          )}
          {ANSWER_STATUSES.map((status) => (
            <RadioButton key={status.value} name={`${id}-answer`} value={status.value} checked={answer === status.value} onChange={() => setAnswer(status.value)}>
              {answerStatusName(t, status.value)}
            </RadioButton>
          ))}
        </fieldset>
      )}
      <div class="space-y-1">
        <label for={`${id}-text`} class="block font-semibold">
          {t(needsReason ? 'conversation.editor.textWithReason' : 'conversation.editor.text')}
        </label>
        <p id={`${id}-hint`} class="text-xs text-grey-7">
          {t(asCommentAuthor ? 'conversation.editor.hintAsAuthor' : answer ? 'conversation.editor.hintAnswer' : 'conversation.editor.hintFormatting')}
        </p>
        <Textarea
          id={`${id}-text`}
          elementRef={textRef}
          rows={3}
          value={text}
          maxLength={MAX_COMMENT_LENGTH}
          aria-describedby={describedBy}
          feedback={error ? 'error' : undefined}
          aria-required={needsReason || undefined}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        {error && (
          <p id={`${id}-error`} class="font-semibold text-red-error">
            {error}
          </p>
        )}
      </div>
      {!asCommentAuthor && !answer && !editing && (
        <fieldset class="space-y-1">
          <legend class="font-semibold">{t('conversation.editor.attributionLegend')}</legend>
          {ATTRIBUTIONS.map((option) => (
            <RadioButton key={option.value} name={`${id}-attribution`} value={option.value} checked={attribution === option.value} onChange={() => setAttribution(option.value)}>
              {option.value === 'named' && displayName ? t('conversation.editor.showMyName', { name: displayName }) : attributionLabel(t, option.value)}
            </RadioButton>
          ))}
          {attribution === 'named' && !displayName && <p class="text-xs text-grey-7">{t('conversation.editor.noName')}</p>}
        </fieldset>
      )}
      <div class="flex flex-wrap gap-2">
        {/* aria-disabled, not disabled: Chromium drops focus to <body> from a disabled button. */}
        <Button type="submit" variant="primary" aria-disabled={sending || undefined}>
          {t(sending ? 'conversation.sending' : editing ? 'conversation.editor.save' : 'conversation.editor.send')}
        </Button>
        <Button type="button" onClick={() => !sending && onCancel()} aria-disabled={sending || undefined}>
          {t('conversation.cancel')}
        </Button>
      </div>
    </form>
  );
}
