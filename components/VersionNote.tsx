import type { AnchoredComment } from '../utils/messaging';
import { useI18n } from './i18n';
import { writtenOnSentence } from '../utils/i18n/version-names';
import type { WordRun } from '../utils/anchoring/word-diff';

/** One side of a word diff: the runs of that side, changed words marked. */
function DiffSide({ runs, side }: { runs: readonly WordRun[]; side: 'old' | 'new' }) {
  const skip = side === 'old' ? 'added' : 'removed';
  return (
    <>
      {runs
        .filter((r) => r.kind !== skip)
        .map((r, i) => {
          const text = `${i > 0 && r.space ? ' ' : ''}${r.text}`;
          if (r.kind === 'same') return <span key={i}>{text}</span>;
          return r.kind === 'removed' ? (
            <del key={i} class="bg-red-100 text-red-900">
              {text}
            </del>
          ) : (
            <ins key={i} class="bg-green-100 text-green-900 no-underline">
              {text}
            </ins>
          );
        })}
    </>
  );
}

/**
 * For a comment written on another version of this document: "Written on <version>", and
 * where the words changed, the old and new words side by side.
 */
export function VersionNote({ version }: { version: NonNullable<AnchoredComment['version']> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="space-y-1 text-sm">
      {version.writtenOnLine && (
        <p class="text-xs font-semibold text-grey-7">{version.writtenOnName ? writtenOnSentence(i18n, version.writtenOnName) : version.writtenOnLine}</p>
      )}
      {version.status === 'changed' && version.diff && (
        <div class="space-y-1">
          <p class="font-semibold">{t('sidepanel.version.wordsChanged')}</p>
          <div class="grid grid-cols-2 gap-2">
            <figure class="rounded border border-grey-4 p-1">
              <figcaption class="text-xs text-grey-7">{t('sidepanel.version.then')}</figcaption>
              <p>
                <DiffSide runs={version.diff} side="old" />
              </p>
            </figure>
            <figure class="rounded border border-grey-4 p-1">
              <figcaption class="text-xs text-grey-7">{t('sidepanel.version.now')}</figcaption>
              <p>
                <DiffSide runs={version.diff} side="new" />
              </p>
            </figure>
          </div>
        </div>
      )}
    </div>
  );
}
