import { Button, Checkbox, RadioButton, Textarea } from '@hypothesis/frontend-shared';
import { useId, useRef, useState, useEffect } from 'preact/hooks';
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
  /** "Add a comment" or "Edit your comment". */
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
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>();
  useEffect(() => textRef.current?.focus(), []);

  const update = (patch: Partial<CommentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggleTheme = (theme: string, on: boolean) =>
    update({ themes: on ? [...draft.themes, theme] : draft.themes.filter((t) => t !== theme) });

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    if (!draft.text.trim()) {
      setError('Please write something in your comment before saving.');
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

  const radios = <V extends string>(legend: string, name: keyof CommentDraft, options: ReadonlyArray<{ value: V; label: string }>) => (
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
          {option.value === 'named' && displayName ? `Show my name (${displayName})` : option.label}
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
      <blockquote tabIndex={0} class="max-h-24 overflow-auto border-l-4 border-grey-4 pl-2 italic text-grey-8" aria-label="The passage you selected">
        {quote}
      </blockquote>
      <div class="space-y-1">
        <label for={`${id}-text`} class="block font-semibold">
          What does this passage mean for your life?
        </label>
        <p id={`${id}-hint`} class="text-xs text-grey-7">
          You can use **bold**, *italics* and lists starting with "-".
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
        <legend class="font-semibold">Themes (choose any that fit)</legend>
        {offered.map((theme) => (
          <Checkbox key={theme.id} checked={draft.themes.includes(theme.id)} onChange={(e) => toggleTheme(theme.id, (e.target as HTMLInputElement).checked)}>
            {theme.retired ? `${theme.label} (no longer offered)` : theme.label}
          </Checkbox>
        ))}
      </fieldset>
      {radios('Which describes you?', 'perspective', PERSPECTIVES)}
      {radios('What kind of comment is this?', 'kind', KINDS)}
      {radios('Show your name with this comment?', 'attribution', ATTRIBUTIONS)}
      {radios('Who can see this comment?', 'visibility', VISIBILITIES)}
      {draft.attribution === 'named' && !displayName && (
        <p class="text-xs text-grey-7">You have not set a name yet, so this comment will be saved as anonymous. You can set your name in Settings.</p>
      )}
      <div role="alert" class="font-semibold text-red-error">
        {error}
      </div>
      <div class="flex gap-2">
        {/* Not `disabled` while saving: Chromium would drop focus to <body> from a disabled button. */}
        <Button type="submit" variant="primary" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save comment'}
        </Button>
        <Button type="button" onClick={() => !saving && onCancel()} aria-disabled={saving || undefined}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
