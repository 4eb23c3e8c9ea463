import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_THEMES, type Theme } from '../../utils/model/themes';
import { WebApiError } from './api';
import { useApp } from './app-context';

/** A read in progress, done, or refused with the store's plain sentence. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string; status: number };

/**
 * Read `path` once (again when `path` changes). A 401 (the session ended) sends the person to
 * sign in with the store's words; other refusals come back as `failed` to show on the page.
 */
export function useLoad<T>(path: string | null): [Loaded<T>, (value: T) => void] {
  const { api, signedOut } = useApp();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoaded({ state: 'loading' });
    api.get<T>(path).then(
      (value) => live && setLoaded({ state: 'done', value }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof WebApiError && e.status === 401) signedOut(e.message);
        setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e), status: e instanceof WebApiError ? e.status : 0 });
      },
    );
    return () => {
      live = false;
    };
  }, [api, path]);
  return [loaded, (value: T) => setLoaded({ state: 'done', value })];
}

/** The group's themes (its own vocabulary; Making It Real until the store answers or when it cannot). */
export function useThemes(): readonly Theme[] {
  const { session } = useApp();
  const [themes] = useLoad<{ themes: Theme[] }>(session ? `/api/groups/${encodeURIComponent(session.group.id)}/themes` : null);
  return themes.state === 'done' && Array.isArray(themes.value.themes) ? themes.value.themes : DEFAULT_THEMES;
}

/** `/api/groups/<group>` for the signed-in group. */
export function groupPath(groupId: string): string {
  return `/api/groups/${encodeURIComponent(groupId)}`;
}
