import { Button, Checkbox } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import type { CommentFilters, CommentOrder, FacetOption } from '../utils/overlay/filters';
import type { AnswerFilter } from '../utils/conversation/build-thread';
import { NO_FILTERS, showsEverything } from '../utils/overlay/filters';
import { NOT_ANSWERED } from '../utils/conversation/build-thread';
import { answerStatusName, kindLabel, perspectiveLabel, themeName } from '../utils/i18n/vocabulary-labels';
import { DEFAULT_THEMES, type Theme } from '../utils/model';
import { useI18n } from './i18n';

export interface CommentFiltersFormProps {
  filters: CommentFilters;
  facets: Record<'theme' | 'perspective' | 'kind' | 'author', FacetOption[]>;
  total: number;
  shown: number;
  onChange: (filters: CommentFilters) => void;
  /** The answer filter's choices with counts; left out where there is no conversation (no group). */
  answers?: FacetOption[];
  /** The list's order, and how to change it; left out where the list has one order. */
  order?: CommentOrder;
  onOrder?: (order: CommentOrder) => void;
  /** The group's themes, for the theme names in the reader's language (default Making It Real). */
  themes?: readonly Theme[];
}

/**
 * Filters for the comment list, each choice with the number of comments it would show. Native
 * selects and date inputs: they work with every screen reader and keyboard without extra code.
 */
export function CommentFiltersForm({ filters, facets, total, shown, onChange, answers, order, onOrder, themes = DEFAULT_THEMES }: CommentFiltersFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  // The facets carry stored ids; each is named here in the reader's language.
  const nameOf = (key: 'theme' | 'perspective' | 'kind' | 'author', option: FacetOption) => {
    if (key === 'theme') return themeName(i18n, themes, option.value);
    if (key === 'perspective') return perspectiveLabel(t, option.value);
    if (key === 'kind') return kindLabel(t, option.value);
    // i18n-ignore: the facet's stored value for unnamed authors, compared, not shown
    return option.value === 'Anonymous' ? t('sidepanel.comment.anonymous') : option.label;
  };
  const answerName = (option: FacetOption) => (option.value === NOT_ANSWERED ? t('sidepanel.filters.notAnswered') : answerStatusName(t, option.value));
  const set = (patch: Partial<CommentFilters>) => onChange({ ...filters, ...patch });
  const select = (id: string, label: string, key: 'theme' | 'perspective' | 'kind' | 'author', allLabel: string) => (
    <div class="space-y-1">
      <label for={id} class="block font-semibold">
        {label}
      </label>
      <select id={id} class="w-full min-w-0 rounded border border-grey-5 bg-white p-1" value={filters[key]} onChange={(e) => set({ [key]: (e.target as HTMLSelectElement).value })}>
        <option value="">{allLabel}</option>
        {facets[key].map((option) => (
          <option key={option.value} value={option.value}>
            {t('sidepanel.filters.option', { label: nameOf(key, option), count: option.count })}
          </option>
        ))}
      </select>
    </div>
  );
  const active = !showsEverything(filters);
  // Open while filters are on when the panel opens; after that the person opens and closes it
  // (clearing a filter must not fold the form away under their hands).
  const [open, setOpen] = useState(active);
  return (
    <details class="rounded border border-grey-4 p-2" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary class="cursor-pointer font-semibold">
        {t('sidepanel.filters.summary')} {active ? t('sidepanel.filters.showing', { shown, total }) : ''}
      </summary>
      <div class="mt-2 space-y-2">
        <p class="text-xs text-grey-7">{t('sidepanel.filters.hint')}</p>
        {select('theme-filter', t('sidepanel.filters.theme'), 'theme', t('sidepanel.filters.allThemes', { total }))}
        {select('perspective-filter', t('sidepanel.filters.perspective'), 'perspective', t('sidepanel.filters.anyPerspective'))}
        {select('kind-filter', t('sidepanel.filters.kind'), 'kind', t('sidepanel.filters.anyKind'))}
        {select('author-filter', t('sidepanel.filters.author'), 'author', t('sidepanel.filters.anyone'))}
        {answers && (
          <div class="space-y-1">
            <label for="answer-filter" class="block font-semibold">
              {t('sidepanel.filters.answer')}
            </label>
            <select id="answer-filter" class="w-full min-w-0 rounded border border-grey-5 bg-white p-1" value={filters.answer} onChange={(e) => set({ answer: (e.target as HTMLSelectElement).value as AnswerFilter })}>
              <option value="">{t('sidepanel.filters.anyAnswer')}</option>
              {answers.map((option) => (
                <option key={option.value} value={option.value}>
                  {t('sidepanel.filters.option', { label: answerName(option), count: option.count })}
                </option>
              ))}
            </select>
          </div>
        )}
        {order && onOrder && (
          <div class="space-y-1">
            <label for="order-filter" class="block font-semibold">
              {t('sidepanel.filters.order')}
            </label>
            <select id="order-filter" class="w-full min-w-0 rounded border border-grey-5 bg-white p-1" value={order} onChange={(e) => onOrder((e.target as HTMLSelectElement).value as CommentOrder)}>
              <option value="page">{t('sidepanel.filters.pageOrder')}</option>
              <option value="support">{t('sidepanel.filters.mostSupported')}</option>
            </select>
          </div>
        )}
        {/* Side by side when there is room, one under the other in a narrow panel (200% zoom). */}
        <div class="flex flex-wrap gap-2">
          <div class="min-w-0 flex-1 basis-32 space-y-1">
            <label for="from-filter" class="block font-semibold">
              {t('sidepanel.filters.from')}
            </label>
            <input id="from-filter" type="date" class="w-full min-w-0 rounded border border-grey-5 p-1" value={filters.from} onChange={(e) => set({ from: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="min-w-0 flex-1 basis-32 space-y-1">
            <label for="to-filter" class="block font-semibold">
              {t('sidepanel.filters.until')}
            </label>
            <input id="to-filter" type="date" class="w-full min-w-0 rounded border border-grey-5 p-1" value={filters.to} onChange={(e) => set({ to: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <Checkbox checked={filters.minPerPassage >= 3} onChange={(e) => set({ minPerPassage: (e.target as HTMLInputElement).checked ? 3 : 1 })}>
          {t('sidepanel.filters.busyPassages')}
        </Checkbox>
        {active && (
          <Button size="sm" onClick={() => onChange(NO_FILTERS)}>
            {t('sidepanel.filters.clear')}
          </Button>
        )}
      </div>
    </details>
  );
}
