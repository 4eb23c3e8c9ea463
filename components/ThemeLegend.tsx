import type { Theme } from '../utils/model/themes';
import type { MessageKey } from '../utils/i18n/catalogue';
import { themeName } from '../utils/i18n/vocabulary-labels';
import { OTHER_THEMES_LOOK, UNTHEMED_LOOK, legendLooks, type ThemeLook } from '../utils/overlay/theme-palette';
import { useI18n } from './i18n';

/** The catalogue's words for each underline the palette names (the palette's own words are English). */
const LINE_KEYS: Readonly<Record<string, MessageKey>> = {
  // i18n-ignore: keys of this table are the palette's English lineWords, looked up, not shown
  'solid underline': 'sidepanel.legend.line.solid',
  'dashed underline': 'sidepanel.legend.line.dashed', // i18n-ignore: lookup key
  'dotted underline': 'sidepanel.legend.line.dotted', // i18n-ignore: lookup key
  'double underline': 'sidepanel.legend.line.double', // i18n-ignore: lookup key
  'wavy underline': 'sidepanel.legend.line.wavy', // i18n-ignore: lookup key
  'thick solid underline': 'sidepanel.legend.line.thickSolid', // i18n-ignore: lookup key
  'thick wavy underline': 'sidepanel.legend.line.thickWavy', // i18n-ignore: lookup key
  'dotted grey underline': 'sidepanel.legend.line.dottedGrey', // i18n-ignore: lookup key
};

/** What each highlight colour and underline on the page means (the group's themes); colour is never the only cue. */
export function ThemeLegend({ themes }: { themes?: readonly Theme[] } = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const nameOf = (look: ThemeLook) =>
    look.name === OTHER_THEMES_LOOK.name ? t('sidepanel.legend.otherThemes') : look.name === UNTHEMED_LOOK.name ? t('sidepanel.legend.noTheme') : themeName(i18n, themes ?? [], look.name);
  const lineOf = (look: ThemeLook) => {
    const key = LINE_KEYS[look.lineWords];
    return key ? t(key) : look.lineWords;
  };
  return (
    <details class="rounded border border-grey-4 p-2">
      <summary class="cursor-pointer font-semibold">{t('sidepanel.legend.summary')}</summary>
      <ul class="mt-2 space-y-1">
        {legendLooks(themes).map((look) => (
          <li key={look.name} class="flex items-center gap-2">
            <span
              aria-hidden="true"
              class="inline-block px-1 text-grey-9"
              style={{ backgroundColor: look.background, textDecoration: `underline ${look.line} ${look.underline} 2px`, textUnderlineOffset: '3px' }}
            >
              {t('sidepanel.legend.sample')}
            </span>
            <span>{t('sidepanel.legend.item', { name: nameOf(look), line: lineOf(look) })}</span>
          </li>
        ))}
        <li>{t('sidepanel.legend.darker')}</li>
      </ul>
    </details>
  );
}
