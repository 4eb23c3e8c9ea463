import { Button, Checkbox } from '@hypothesis/frontend-shared';
import { useState } from 'preact/hooks';
import type { CommentFilters, CommentOrder, FacetOption } from '../utils/overlay/filters';
import type { AnswerFilter } from '../utils/conversation/build-thread';
import { NO_FILTERS, showsEverything } from '../utils/overlay/filters';

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
}

/**
 * Filters for the comment list, each choice with the number of comments it would show. Native
 * selects and date inputs: they work with every screen reader and keyboard without extra code.
 */
export function CommentFiltersForm({ filters, facets, total, shown, onChange, answers, order, onOrder }: CommentFiltersFormProps) {
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
            {option.label} ({option.count})
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
        Filter comments {active ? `(showing ${shown} of ${total})` : ''}
      </summary>
      <div class="mt-2 space-y-2">
        <p class="text-xs text-grey-7">The page highlights only the comments these filters show.</p>
        {select('theme-filter', 'Show comments about', 'theme', `All themes (${total})`)}
        {select('perspective-filter', 'Written by someone who', 'perspective', 'Any perspective')}
        {select('kind-filter', 'Kind of comment', 'kind', 'Any kind')}
        {select('author-filter', 'Author', 'author', 'Anyone')}
        {answers && (
          <div class="space-y-1">
            <label for="answer-filter" class="block font-semibold">
              Answer
            </label>
            <select id="answer-filter" class="w-full min-w-0 rounded border border-grey-5 bg-white p-1" value={filters.answer} onChange={(e) => set({ answer: (e.target as HTMLSelectElement).value as AnswerFilter })}>
              <option value="">Any answer or none</option>
              {answers.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({option.count})
                </option>
              ))}
            </select>
          </div>
        )}
        {order && onOrder && (
          <div class="space-y-1">
            <label for="order-filter" class="block font-semibold">
              Order
            </label>
            <select id="order-filter" class="w-full min-w-0 rounded border border-grey-5 bg-white p-1" value={order} onChange={(e) => onOrder((e.target as HTMLSelectElement).value as CommentOrder)}>
              <option value="page">Page order</option>
              <option value="support">Most supported (“this is my experience too”)</option>
            </select>
          </div>
        )}
        {/* Side by side when there is room, one under the other in a narrow panel (200% zoom). */}
        <div class="flex flex-wrap gap-2">
          <div class="min-w-0 flex-1 basis-32 space-y-1">
            <label for="from-filter" class="block font-semibold">
              Written from
            </label>
            <input id="from-filter" type="date" class="w-full min-w-0 rounded border border-grey-5 p-1" value={filters.from} onChange={(e) => set({ from: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="min-w-0 flex-1 basis-32 space-y-1">
            <label for="to-filter" class="block font-semibold">
              Written until
            </label>
            <input id="to-filter" type="date" class="w-full min-w-0 rounded border border-grey-5 p-1" value={filters.to} onChange={(e) => set({ to: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <Checkbox checked={filters.minPerPassage >= 3} onChange={(e) => set({ minPerPassage: (e.target as HTMLInputElement).checked ? 3 : 1 })}>
          Only show passages with 3 or more comments
        </Checkbox>
        {active && (
          <Button size="sm" onClick={() => onChange(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </div>
    </details>
  );
}
