import { Button, Input } from '@hypothesis/frontend-shared';
import { useLayoutEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { WordMatch } from '../utils/page-session/find-words';
import { useT } from './i18n';
import { trapTab } from './use-focus-trap';

export interface FindWordsProps {
  find: (words: string) => { matches: WordMatch[]; total: number };
  /** Select the match in the page and scroll to it. */
  select: (match: WordMatch) => boolean;
  /** Open the editor on the selected words. */
  onAdd: () => void;
  onClose: () => void;
}

/**
 * "Find words to comment on" for web pages, so nobody needs a mouse or caret browsing to
 * select a passage: type words, choose a match with the arrow keys and Enter (it is selected
 * in the page and scrolled to), then "Add comment". Match counts are announced politely.
 */
export function FindWords({ find, select, onAdd, onClose }: FindWordsProps) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>();
  const [words, setWords] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<WordMatch | null>(null);
  // A layout effect: focus moves in the same task as the dialog appears (no key press lands on the page body).
  useLayoutEffect(() => input.current?.focus(), []);
  // The page's text is read once per change of the words, not on every arrow key.
  const found = useMemo(() => (words.trim().length >= 2 ? find(words) : { matches: [], total: 0 }), [words, find]);
  const status =
    words.trim().length < 2
      ? t('editor.find.tooShort')
      : found.total === 0
        ? t('editor.find.none', { words })
        : `${t('editor.find.count', { count: found.total, words })}${found.total > found.matches.length ? ` ${t('editor.find.more', { shown: found.matches.length })}` : ''}`;

  const choose = (match: WordMatch | undefined) => {
    if (match && select(match)) setChosen(match);
  };
  const onListKey = (e: KeyboardEvent) => {
    const n = found.matches.length;
    if (n === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(found.matches[Math.min(active, n - 1)]);
    }
  };

  return (
    <div
      ref={box}
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      class="fixed left-4 top-4 z-[2147483647] w-[26rem] max-w-[calc(100vw-2rem)] rounded-lg border border-grey-5 bg-white p-4 text-sm text-grey-9 shadow-xl"
      onKeyDown={(e) => {
        trapTab(box)(e);
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <h2 id={`${id}-title`} class="mb-2 text-base font-bold">
        {t('editor.find.title')}
      </h2>
      <label for={`${id}-words`} class="block font-semibold">
        {t('editor.find.label')}
      </label>
      <p id={`${id}-hint`} class="text-xs text-grey-7">
        {t('editor.find.hint')}
      </p>
      <Input
        id={`${id}-words`}
        elementRef={input}
        value={words}
        aria-describedby={`${id}-hint`}
        aria-controls={`${id}-list`}
        onInput={(e) => {
          setWords((e.target as HTMLInputElement).value);
          setActive(0);
          setChosen(null);
        }}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'ArrowDown' || e.key === 'Enter') onListKey(e);
        }}
      />
      <div role="status" aria-live="polite" class="my-2 text-xs">
        {status}
      </div>
      {found.matches.length > 0 && (
        <ul
          id={`${id}-list`}
          role="listbox"
          tabIndex={0}
          aria-label={t('editor.find.results')}
          aria-activedescendant={`${id}-m${Math.min(active, found.matches.length - 1)}`}
          class="max-h-60 space-y-1 overflow-auto rounded border border-grey-3 p-1"
          onKeyDown={onListKey}
        >
          {found.matches.map((match, i) => (
            <li
              key={match.start}
              id={`${id}-m${i}`}
              role="option"
              aria-selected={i === active}
              class={`cursor-pointer rounded px-2 py-1 ${i === active ? 'bg-grey-2 outline outline-2 outline-blue-700' : ''}`}
              onClick={() => {
                setActive(i);
                choose(match);
              }}
            >
              {match.before && <span class="text-grey-7">…{match.before}</span>}
              <mark class="bg-yellow-200 font-semibold">{match.match}</mark>
              {match.after && <span class="text-grey-7">{match.after}…</span>}
            </li>
          ))}
        </ul>
      )}
      {chosen && <p class="mt-2 text-xs">{t('editor.find.selected', { words: chosen.match })}</p>}
      <div class="mt-3 flex gap-2">
        <Button variant="primary" aria-disabled={!chosen || undefined} onClick={() => chosen && onAdd()}>
          {t('editor.find.addComment')}
        </Button>
        <Button onClick={onClose}>{t('editor.find.close')}</Button>
      </div>
    </div>
  );
}
