import type { Theme } from '../utils/model/themes';
import { legendLooks } from '../utils/overlay/theme-palette';

/** What each highlight colour and underline on the page means (the group's themes); colour is never the only cue. */
export function ThemeLegend({ themes }: { themes?: readonly Theme[] } = {}) {
  return (
    <details class="rounded border border-grey-4 p-2">
      <summary class="cursor-pointer font-semibold">What the highlights on the page mean</summary>
      <ul class="mt-2 space-y-1">
        {legendLooks(themes).map((look) => (
          <li key={look.name} class="flex items-center gap-2">
            <span
              aria-hidden="true"
              class="inline-block px-1 text-grey-9"
              style={{ backgroundColor: look.background, textDecoration: `underline ${look.line} ${look.underline} 2px`, textUnderlineOffset: '3px' }}
            >
              Abc
            </span>
            <span>
              {look.name}: {look.lineWords}
            </span>
          </li>
        ))}
        <li>Darker shading: two or more comments on the same words.</li>
      </ul>
    </details>
  );
}
