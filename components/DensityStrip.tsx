import type { DensityMark } from '../utils/overlay/density';
import { useT } from './i18n';

/**
 * A strip at the right edge of the page showing where comments cluster, like a scroll-bar heat
 * map. Each mark is a real button, so keyboard and screen-reader users can jump too.
 */
export function DensityStrip({ marks, onJump }: { marks: DensityMark[]; onJump: (id: string) => void }) {
  const t = useT();
  if (marks.length === 0) return null;
  const most = Math.max(...marks.map((m) => m.count));
  return (
    <nav aria-label={t('editor.density.label')} class="fixed right-0 top-0 z-[2147483640] h-screen w-4 bg-grey-2/80">
      <ul>
        {marks.map((mark) => {
          const percent = Math.round(mark.top * 100);
          const words = mark.label ? t('editor.density.markIn', { count: mark.count, section: mark.label, percent }) : t('editor.density.mark', { count: mark.count, percent });
          return (
            <li key={mark.firstId}>
              <button
                type="button"
                title={words}
                aria-label={words}
                class="absolute right-0 h-2 w-4 rounded-l border border-grey-9 focus-visible:w-6"
                style={{ top: `calc(${(mark.top * 100).toFixed(2)}% )`, backgroundColor: `rgba(138, 60, 0, ${(0.3 + 0.7 * (mark.count / most)).toFixed(2)})` }}
                onClick={() => onJump(mark.firstId)}
              />
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
