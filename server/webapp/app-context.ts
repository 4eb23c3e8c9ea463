import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageRef } from '../../utils/i18n/translate';
import type { WebSession } from '../../utils/webapp/session-types';
import type { WebApi } from './api';

/** What every page of the web app can reach: the store, the session and navigation. */
export interface AppContextValue {
  api: WebApi;
  session: WebSession | null;
  /** Go to an address of this web app (a new history entry unless `replace`). */
  navigate(href: string, options?: { replace?: boolean }): void;
  /** Say something in the page's polite live region. */
  announce(message: string): void;
  /**
   * The session is over (the store's 401 with its plain sentence, or signing out with a
   * catalogue message, shown in whatever language the person then reads): show sign-in.
   */
  signedOut(message: string | MessageRef): void;
  /** How many navigations there have been since the page loaded (0: the first page). */
  navigations: number;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The app's context; every page is rendered inside <App>. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp is used outside <App>.');
  return value;
}
