import { Button } from '@hypothesis/frontend-shared';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CommentDraft, CommentTarget, LeaAnnotation, Theme } from '../utils/model';
import { CommentEditor } from './CommentEditor';
import { CommentView } from './CommentView';
import { DensityStrip } from './DensityStrip';
import type { DensityMark } from '../utils/overlay/density';
import { useFocusReturn } from './use-focus-return';
import { FindWords, type FindWordsProps } from './FindWords';
import { useT } from './i18n';
import { trapTab } from './use-focus-trap';
import { answerLine, supportSentence } from './CommentConversation';
import type { ThreadSummary } from '../utils/messaging/conversation-protocol';

export interface PageOverlayProps {
  adder: { x: number; y: number } | null;
  /** False for readers: the "Add comment" button is never offered. */
  canWrite: boolean;
  editor: { quote: string; target: CommentTarget; draft: CommentDraft } | null;
  /** `fromKeyboard`: focus moves into the card when it opens. */
  card: { x: number; y: number; pinned: boolean; fromKeyboard?: boolean; comments: LeaAnnotation[] } | null;
  /** How each card comment's conversation stands (replies, "me too", latest answer), by id, once known. */
  cardThreads?: Readonly<Record<string, ThreadSummary>>;
  notice: string;
  displayName: string;
  density: DensityMark[];
  /** The group's theme vocabulary (default Making It Real): what the editor offers, what cards say. */
  themes?: readonly Theme[];
  onJump: (id: string) => void;
  onAdd: () => void;
  onSave: (draft: CommentDraft) => Promise<void>;
  onCancel: () => void;
  onCloseCard: () => void;
  /** "Open the side panel" on the card (web pages; the PDF viewer has its own button). */
  onOpenPanel?: () => void;
  /** The pointer is on the card: keep it open. */
  onPointerOnCard?: () => void;
  /** "Find words to comment on", when open (web pages only). */
  find?: Omit<FindWordsProps, 'onAdd'> | null;
}

/**
 * Everything the extension draws inside a policy page (in its Shadow DOM host): the "Add
 * comment" button by the selection, the editor, the card for a highlighted passage, and a
 * polite live region so screen-reader users hear what happened.
 */
export function PageOverlay(props: PageOverlayProps) {
  const { adder, editor, card, notice } = props;
  const root = useRef<HTMLDivElement>(null);
  const noticeBox = useRef<HTMLDivElement>(null);
  const cardBox = useRef<HTMLElement>(null);
  const editorBox = useRef<HTMLDivElement>(null);
  const findBox = useRef<HTMLDivElement>(null);
  const t = useT();
  const findOpen = !!props.find && !editor;
  const cardOpen = !!card && card.comments.length > 0 && !editor;
  // After saving or cancelling, focus goes back where it was (or to the notice saying what happened).
  useFocusReturn(!!editor, root, editorBox, () => noticeBox.current);
  useFocusReturn(cardOpen, root, cardBox, () => noticeBox.current);
  useFocusReturn(findOpen, root, findBox, () => noticeBox.current, true);
  useLayoutEffect(() => {
    if (cardOpen && card?.fromKeyboard) cardBox.current?.focus();
  }, [cardOpen, card?.fromKeyboard]);
  return (
    <div class="font-sans text-base" ref={root}>
      <DensityStrip marks={props.density} onJump={props.onJump} />
      {adder && props.canWrite && !editor && (
        <div class="fixed z-[2147483646]" style={{ left: `${adder.x}px`, top: `${adder.y}px` }}>
          <Button variant="primary" onClick={props.onAdd} onMouseDown={(e: MouseEvent) => e.preventDefault()}>
            {t('editor.overlay.addComment')}
          </Button>
        </div>
      )}
      {editor && (
        <div
          ref={editorBox}
          role="dialog"
          aria-modal="true"
          aria-label={t('editor.form.addTitle')}
          onKeyDown={trapTab(editorBox)}
          class="fixed right-4 top-4 z-[2147483647] max-h-[90vh] w-[26rem] max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-grey-5 bg-white p-4 shadow-xl"
        >
          <CommentEditor
            title={t('editor.form.addTitle')}
            quote={editor.quote}
            initial={editor.draft}
            displayName={props.displayName}
            {...(props.themes ? { themes: props.themes } : {})}
            onSave={props.onSave}
            onCancel={props.onCancel}
          />
        </div>
      )}
      {cardOpen && card && (
        <section
          ref={cardBox}
          tabIndex={-1}
          role="dialog"
          aria-modal={card.fromKeyboard ? 'true' : undefined}
          aria-label={t('editor.card.label')}
          onMouseMove={props.onPointerOnCard}
          onKeyDown={(e) => {
            if (card.fromKeyboard) trapTab(cardBox)(e);
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            props.onCloseCard();
          }}
          class="fixed z-[2147483645] max-h-[60vh] w-[22rem] max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-grey-5 bg-white p-3 shadow-xl"
          style={{ left: `${Math.max(8, Math.min(card.x, window.innerWidth - 360))}px`, top: `${Math.min(card.y + 16, window.innerHeight - 200)}px` }}
        >
          <div class="mb-2 flex items-center justify-between">
            <h2 class="text-sm font-bold">
              {t('editor.card.heading', { count: card.comments.length })}
            </h2>
            <Button size="sm" onClick={props.onCloseCard}>
              {t('editor.card.close')}
            </Button>
          </div>
          <ul class="space-y-3">
            {card.comments.map((annotation) => (
              <li key={annotation.id} class="border-t border-grey-3 pt-2 first:border-0 first:pt-0">
                <CommentView annotation={annotation} {...(props.themes ? { themes: props.themes } : {})} />
                <ThreadState summary={props.cardThreads?.[annotation.id]} />
              </li>
            ))}
          </ul>
          <div class="mt-2 space-y-1 border-t border-grey-3 pt-2">
            <p id="lea-card-panel-hint" class="text-xs text-grey-7">
              {t('editor.card.panelHint')}
            </p>
            {props.onOpenPanel && (
              <Button size="sm" aria-describedby="lea-card-panel-hint" onClick={props.onOpenPanel}>
                {t('editor.card.openPanel')}
              </Button>
            )}
          </div>
        </section>
      )}
      {findOpen && props.find && (
        <div ref={findBox}>
          <FindWords {...props.find} onAdd={props.onAdd} />
        </div>
      )}
      <div ref={noticeBox} tabIndex={-1} role="status" aria-live="polite" class={notice ? 'fixed bottom-4 left-4 z-[2147483647] rounded bg-grey-9 px-3 py-2 text-sm text-white shadow' : 'sr-only'}>
        {notice}
      </div>
    </div>
  );
}

/** Under a card's comment: its latest answer, how many replies, how many said "me too" (nothing when none). */
function ThreadState({ summary }: { summary: ThreadSummary | undefined }) {
  const t = useT();
  if (!summary) return null;
  const answer = answerLine(t, summary);
  const supported = supportSentence(t, summary.supportCount);
  if (!answer && summary.replyCount === 0 && !supported) return null;
  return (
    <div class="mt-1 space-y-1 text-xs">
      {answer && <p class="rounded border border-grey-5 bg-grey-1 p-1 font-semibold">{answer}</p>}
      {(summary.replyCount > 0 || supported) && (
        <p class="text-grey-7">{[summary.replyCount > 0 ? t('conversation.thread.replyCount', { count: summary.replyCount }) : null, supported].filter(Boolean).join(' · ')}</p>
      )}
    </div>
  );
}
