import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DigestEntry } from '../utils/digest';
import { DEFAULT_THEMES, offeredThemes, themeIdOf, themesOf, type Theme } from '../utils/model';
import { themeName } from '../utils/i18n/vocabulary-labels';
import { DigestExport, type SaveFile } from './DigestExport';
import { useI18n } from './i18n';

/**
 * The whole group's comments across documents, exported as one digest: everything said about
 * one document (e.g. the Care Act), or about one theme, or all of it.
 */
export function DigestPage({ load, loadThemes, save }: { load: () => Promise<DigestEntry[]>; loadThemes?: () => Promise<readonly Theme[]>; save?: SaveFile }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entries, setEntries] = useState<DigestEntry[] | null>(null);
  const [themes, setThemes] = useState<readonly Theme[]>(DEFAULT_THEMES);
  useEffect(() => void loadThemes?.().then(setThemes, () => undefined), [loadThemes]);
  const [problem, setProblem] = useState('');
  const [documentUrl, setDocumentUrl] = useState('');
  const [theme, setTheme] = useState('');
  useEffect(() => void load().then(setEntries, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e))), [load]);

  const documents = useMemo(() => {
    const byUrl = new Map<string, { title: string; count: number }>();
    for (const { annotation } of entries ?? []) {
      const url = annotation.target.source;
      const current = byUrl.get(url) ?? { title: annotation.documentTitle ?? url, count: 0 };
      byUrl.set(url, { ...current, count: current.count + 1 });
    }
    return [...byUrl.entries()].map(([url, d]) => ({ url, ...d }));
  }, [entries]);
  // Themes by name in the reader's language and alphabet.
  const themeChoices = (choices: readonly Theme[]) => choices.map((c) => ({ id: c.id, name: themeName(i18n, themes, c.id) }));
  const selected = (entries ?? []).filter(
    (e) => (!documentUrl || e.annotation.target.source === documentUrl) && (!theme || themesOf(e.annotation).includes(themeIdOf(theme))),
  );
  // The group's current themes, and retired ones some comment still has.
  const choices = useMemo(() => offeredThemes(themes, [...new Set((entries ?? []).flatMap((e) => themesOf(e.annotation)))].filter((id) => themes.some((t) => t.id === id))), [themes, entries]);

  return (
    <main class="mx-auto max-w-2xl space-y-4 p-4 text-sm text-grey-9">
      <h1 class="text-lg font-bold">{t('digest.page.title')}</h1>
      <p>{t('digest.page.intro')}</p>
      {problem && <p role="alert">{problem}</p>}
      {!entries && !problem && <p>{t('digest.page.loading')}</p>}
      {entries && (
        <>
          <div class="space-y-1">
            <label for="digest-document" class="block font-semibold">
              {t('digest.page.document')}
            </label>
            <select id="digest-document" class="w-full rounded border border-grey-5 p-1" value={documentUrl} onChange={(e) => setDocumentUrl((e.target as HTMLSelectElement).value)}>
              <option value="">{t('digest.page.allDocuments', { count: entries.length })}</option>
              {documents.map((d) => (
                <option key={d.url} value={d.url}>
                  {t('digest.page.optionCount', { name: d.title, count: d.count })}
                </option>
              ))}
            </select>
          </div>
          <div class="space-y-1">
            <label for="digest-theme" class="block font-semibold">
              {t('digest.page.theme')}
            </label>
            <select id="digest-theme" class="w-full rounded border border-grey-5 p-1" value={theme} onChange={(e) => setTheme((e.target as HTMLSelectElement).value)}>
              <option value="">{t('digest.page.allThemes')}</option>
              {themeChoices(choices).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <p>{t('digest.page.selected', { count: selected.length })}</p>
          <DigestExport title={t('digest.page.download')} themes={themes} entries={() => selected} {...(save ? { save } : {})} />
        </>
      )}
    </main>
  );
}
