import {
  commentText,
  kindOf,
  themesOf,
  DEFAULT_THEMES,
  type Theme,
  type LeaAnnotation,
  quoteOf,
} from '../utils/model';
import { MarkdownText } from './MarkdownText';
import { useI18n } from './i18n';
import type { Translate } from '../utils/i18n/translate';
import { kindLabel, perspectiveLabel, themeName, visibilityLabel } from '../utils/i18n/vocabulary-labels';

/** Who wrote it, in the words the writer chose: never a name on an anonymous comment. */
export function authorLabel(t: Translate, annotation: LeaAnnotation): string {
  return annotation.attribution === 'named' && annotation.creator ? annotation.creator.name : t('sidepanel.comment.anonymous');
}

/** What an author reads on their own comment once a facilitator has hidden it from the group. */
export function hiddenNotice(t: Translate, reason: string): string {
  return t('sidepanel.comment.hidden', { reason });
}

/**
 * One comment as people read it: kind, text, themes, perspective, who and who can see it, and
 * (`hidden`) that a facilitator hid it from the group, with their reason.
 */
export function CommentView({
  annotation,
  showQuote = false,
  hidden = null,
  themes: vocabulary = DEFAULT_THEMES,
}: {
  annotation: LeaAnnotation;
  showQuote?: boolean;
  hidden?: { reason: string } | null;
  /** The group's theme vocabulary: each theme shows with the group's label (default Making It Real). */
  themes?: readonly Theme[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const themes = themesOf(annotation).map((id) => ({ id, label: themeName(i18n, vocabulary, id) }));
  return (
    <div class="space-y-2 text-sm text-grey-9">
      {hidden && <p class="rounded border border-red-error bg-grey-1 p-1 text-xs font-semibold">{hiddenNotice(t, hidden.reason)}</p>}
      <p class="text-xs font-semibold uppercase tracking-wide text-grey-7">{kindLabel(t, kindOf(annotation))}</p>
      {showQuote && (
        <blockquote class="border-l-4 border-grey-4 pl-2 italic text-grey-8">
          {quoteOf(annotation)}
        </blockquote>
      )}
      <MarkdownText text={commentText(annotation)} />
      {themes.length > 0 && (
        <ul class="flex flex-wrap gap-1" aria-label={t('sidepanel.comment.themes')}>
          {themes.map((theme) => (
            <li key={theme.id} class="rounded border border-grey-5 bg-grey-1 px-1.5 py-0.5 text-xs">
              {theme.label}
            </li>
          ))}
        </ul>
      )}
      <p class="text-xs text-grey-7">
        {perspectiveLabel(t, annotation.perspective)} · {authorLabel(t, annotation)} ·{' '}
        {annotation.visibility === 'private' ? t('sidepanel.comment.onlyYou') : visibilityLabel(t, annotation.visibility)} ·{' '}
        {i18n.formatDate(annotation.modified, { day: 'numeric', month: 'long', year: 'numeric' })}
      </p>
    </div>
  );
}

