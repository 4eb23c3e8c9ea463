import { useEffect, useMemo, useState } from 'preact/hooks';
import type { DigestEntry } from '../utils/digest';
import { DEFAULT_THEMES, offeredThemes, themeIdOf, themesOf, type Theme } from '../utils/model';
import { DigestExport, type SaveFile } from './DigestExport';

/**
 * The whole group's comments across documents, exported as one digest: everything said about
 * one document (e.g. the Care Act), or about one theme, or all of it.
 */
export function DigestPage({ load, loadThemes, save }: { load: () => Promise<DigestEntry[]>; loadThemes?: () => Promise<readonly Theme[]>; save?: SaveFile }) {
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
  const selected = (entries ?? []).filter(
    (e) => (!documentUrl || e.annotation.target.source === documentUrl) && (!theme || themesOf(e.annotation).includes(themeIdOf(theme))),
  );
  // The group's current themes, and retired ones some comment still has.
  const choices = useMemo(() => offeredThemes(themes, [...new Set((entries ?? []).flatMap((e) => themesOf(e.annotation)))].filter((id) => themes.some((t) => t.id === id))), [themes, entries]);

  return (
    <main class="mx-auto max-w-2xl space-y-4 p-4 text-sm text-grey-9">
      <h1 class="text-lg font-bold">Comment digest</h1>
      <p>Make a file of your group’s comments to put in a consultation response.</p>
      {problem && <p role="alert">{problem}</p>}
      {!entries && !problem && <p>Loading comments…</p>}
      {entries && (
        <>
          <div class="space-y-1">
            <label for="digest-document" class="block font-semibold">
              Document
            </label>
            <select id="digest-document" class="w-full rounded border border-grey-5 p-1" value={documentUrl} onChange={(e) => setDocumentUrl((e.target as HTMLSelectElement).value)}>
              <option value="">All documents ({entries.length})</option>
              {documents.map((d) => (
                <option key={d.url} value={d.url}>
                  {d.title} ({d.count})
                </option>
              ))}
            </select>
          </div>
          <div class="space-y-1">
            <label for="digest-theme" class="block font-semibold">
              Theme
            </label>
            <select id="digest-theme" class="w-full rounded border border-grey-5 p-1" value={theme} onChange={(e) => setTheme((e.target as HTMLSelectElement).value)}>
              <option value="">All themes</option>
              {choices.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <p>{selected.length === 1 ? '1 comment selected.' : `${selected.length} comments selected.`}</p>
          <DigestExport title="Download the digest" themes={themes} entries={() => selected} {...(save ? { save } : {})} />
        </>
      )}
    </main>
  );
}
