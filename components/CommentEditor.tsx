import { Button, Checkbox, RadioButton, Textarea } from '@hypothesis/frontend-shared';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n';
import { attributionLabel, kindLabel, perspectiveLabel, themeName, visibilityLabel } from '../utils/i18n/vocabulary-labels';
import type { Translate } from '../utils/i18n/translate';
import {
  ATTRIBUTIONS,
  DEFAULT_THEMES,
  KINDS,
  MAX_COMMENT_LENGTH,
  PERSPECTIVES,
  VISIBILITIES,
  offeredThemes,
  themeIdOf,
  type CommentDraft,
  type Theme,
} from '../utils/model';

export interface CommentEditorProps {
  /** "Add a comment" or "Edit your comment", in the reader's language. */
  title: string;
  quote: string;
  initial: CommentDraft;
  /** Shown in the attribution choice, so people see exactly what name others will read. */
  displayName: string;
  /**
   * The group's theme vocabulary (default Making It Real): its current themes are offered, and
   * a retired theme stays on offer for a comment that already has it.
   */
  themes?: readonly Theme[];
  /** Resolves once the comment is stored; rejects with a plain-English message to show. */
  onSave: (draft: CommentDraft) => Promise<void>;
  onCancel: () => void;
}

/**
 * The comment form. It keeps the person's writing whatever happens: a failed save leaves the
 * text in place with the reason shown, and nothing is cleared until the save has succeeded.
 */
export function CommentEditor({ title, quote, initial, displayName, themes = DEFAULT_THEMES, onSave, onCancel }: CommentEditorProps) {
  // Themes by id: a comment saved with the old English labels is edited as ids.
  const [draft, setDraft] = useState<CommentDraft>(() => ({ ...initial, themes: [...new Set(initial.themes.map(themeIdOf))] }));
  const offered = offeredThemes(themes, initial.themes);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>();
  // A layout effect: focus moves in the same task as the editor appears, so a key pressed at once (Escape) reaches it.
  useLayoutEffect(() => textRef.current?.focus(), []);

  const update = (patch: Partial<CommentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggleTheme = (theme: string, on: boolean) =>
    update({ themes: on ? [...draft.themes, theme] : draft.themes.filter((t) => t !== theme) });

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    if (!draft.text.trim()) {
      setError(t('editor.form.emptyText'));
      textRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(draft);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  const radios = <V extends string>(legend: string, name: keyof CommentDraft, options: ReadonlyArray<{ value: V }>, labelOf: (t: Translate, id: string) => string) => (
    <fieldset class="space-y-1">
      <legend class="font-semibold">{legend}</legend>
      {options.map((option) => (
        <RadioButton
          key={option.value}
          name={`${id}-${name}`}
          value={option.value}
          checked={draft[name] === option.value}
          onChange={() => update({ [name]: option.value } as Partial<CommentDraft>)}
        >
          {option.value === 'named' && displayName ? t('editor.form.showMyName', { name: displayName }) : labelOf(t, option.value)}
        </RadioButton>
      ))}
    </fieldset>
  );

  return (
    <form
      class="space-y-3 text-sm text-grey-9"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        // Escape closes the editor wherever it is shown (page, PDF viewer, side panel).
        if (e.key !== 'Escape' || saving) return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="text-base font-bold">
        {title}
      </h2>
      {/* A long passage scrolls in its box: focusable, so keyboard users can scroll it too (axe scrollable-region-focusable). */}
      <blockquote tabIndex={0} class="max-h-24 overflow-auto border-l-4 border-grey-4 pl-2 italic text-grey-8" aria-label={t('editor.form.quoteLabel')}>
        {quote}
      </blockquote>
      <div class="space-y-1">
        <label for={`${id}-text`} class="block font-semibold">
          {t('editor.form.textLabel')}
        </label>
        <p id={`${id}-hint`} class="text-xs text-grey-7">
          {t('editor.form.formatHint')}
        </p>
        <Textarea
          id={`${id}-text`}
          elementRef={textRef}
          rows={5}
          value={draft.text}
          maxLength={MAX_COMMENT_LENGTH}
          aria-describedby={`${id}-hint`}
          feedback={error ? 'error' : undefined}
          onInput={(e) => update({ text: (e.target as HTMLTextAreaElement).value })}
        />
      </div>
      <fieldset class="space-y-1">
        <legend class="font-semibold">{t('editor.form.themes')}</legend>
        {offered.map((theme) => (
          <Checkbox key={theme.id} checked={draft.themes.includes(theme.id)} onChange={(e) => toggleTheme(theme.id, (e.target as HTMLInputElement).checked)}>
            {theme.retired ? t('editor.form.retiredTheme', { theme: themeName(i18n, themes, theme.id) }) : themeName(i18n, themes, theme.id)}
          </Checkbox>
        ))}
      </fieldset>
      {radios(t('editor.form.perspective'), 'perspective', PERSPECTIVES, perspectiveLabel)}
      {radios(t('editor.form.kind'), 'kind', KINDS, kindLabel)}
      {radios(t('editor.form.attribution'), 'attribution', ATTRIBUTIONS, attributionLabel)}
      {radios(t('editor.form.visibility'), 'visibility', VISIBILITIES, visibilityLabel)}
      {draft.attribution === 'named' && !displayName && (
        <p class="text-xs text-grey-7">{t('editor.form.noName')}</p>
      )}
      <div role="alert" class="font-semibold text-red-error">
        {error}
      </div>
      <div class="flex gap-2">
        {/* Not `disabled` while saving: Chromium would drop focus to <body> from a disabled button. */}
        <Button type="submit" variant="primary" aria-disabled={saving || undefined}>
          {saving ? t('editor.form.saving') : t('editor.form.save')}
        </Button>
        <Button type="button" onClick={() => !saving && onCancel()} aria-disabled={saving || undefined}>
          {t('editor.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
