import type { ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Translate, Translator } from '../../../utils/i18n/translate';
import type { WebSession } from '../../../utils/webapp/session-types';
import { useT } from '../../../components/i18n';
import { WebApiError, type WebApi } from '../api';
import { AppContext } from '../app-context';
import { pageTitle } from '../PageHeading';

/** The props every facilitator page takes (notes/webapp-contract.md "Web app"). */
export interface FacilitatorPageProps {
  api: WebApi;
  session: WebSession;
}

/** The store's path for the signed-in group: `/api/groups/<id>` (the id escaped). */
export function groupPath(session: WebSession): string {
  return `/api/groups/${encodeURIComponent(session.group.id)}`;
}

/** The code of the failure a page makes itself when the store's answer is not what it expects (shown in the reader's language). */
const BAD_RESPONSE = 'bad-response';
// i18n-ignore: an error's message for logs; problemOf shows the catalogue's sentence instead
const UNDERSTOOD = 'The group store gave an answer this page does not understand.';

/** A GET whose answer is checked against `schema` before the page uses it (the store is a trust boundary). */
export async function getChecked<S extends v.GenericSchema>(api: WebApi, path: string, schema: S): Promise<v.InferOutput<S>> {
  const body = await api.get<unknown>(path);
  const result = v.safeParse(schema, body);
  if (!result.success) throw new WebApiError(200, BAD_RESPONSE, UNDERSTOOD);
  return result.output;
}

/** A write whose answer is checked against `schema`. */
export async function sendChecked<S extends v.GenericSchema>(
  api: WebApi,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
): Promise<v.InferOutput<S>> {
  const answer = await api.send<unknown>(method, path, body);
  const result = v.safeParse(schema, answer);
  if (!result.success) throw new WebApiError(200, BAD_RESPONSE, UNDERSTOOD);
  return result.output;
}

/** The sentence to show for a failure, in the reader's language: the store's own plain message, or a plain fallback. */
export function problemOf(error: unknown, t: Translate): string {
  if (error instanceof WebApiError) return error.code === BAD_RESPONSE ? t('facilitator.problem.badResponse') : error.message;
  return t('facilitator.problem.unknown');
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const dateOf = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** "2 December 2026" ("2 Rhagfyr 2026") for an ISO time; `fallback` ("Not known") when there is none or it is not a time. */
export function formatDay(i18n: Translator, iso: string | null | undefined, fallback = i18n.t('facilitator.notKnown')): string {
  const date = dateOf(iso);
  return date ? i18n.formatDate(date, DAY) : fallback;
}

/** "2 December 2026 at 10:15" ("2 Rhagfyr 2026 am 10:15") for an ISO time; `fallback` when there is none. */
export function formatTime(i18n: Translator, iso: string | null | undefined, fallback = i18n.t('facilitator.notKnown')): string {
  const date = dateOf(iso);
  return date ? i18n.t('facilitator.dateAtTime', { date: i18n.formatDate(date, DAY), time: i18n.formatDate(date, CLOCK) }) : fallback;
}

/** Names ready for an id attribute (letters, digits and hyphens). */
export function idPart(value: string): string {
  return value.replace(/[^a-zA-Z0-9-]/g, '');
}

/**
 * A polite live region the page owns, and `announce` to put a result in it ("Invite made.").
 * The same sentence twice is announced twice: each message is a new text node.
 */
export function useAnnouncer(): { announce: (message: string) => void; region: ComponentChildren } {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  const region = (
    <p role="status" aria-live="polite" class={message.text ? 'rounded border border-grey-4 bg-grey-1 p-2' : 'sr-only'}>
      <span key={message.n}>{message.text}</span>
    </p>
  );
  return { announce, region };
}

/** Sets the tab's title for a page, as the app's other pages do ("Members – NCAG – Lived Experience Annotator"). */
export function usePageTitle(title: string, session: WebSession): void {
  useEffect(() => {
    document.title = pageTitle(title, session.group.name);
  }, [title, session.group.name]);
}

/**
 * `api`, except that a 401 (the session ended, the member was revoked) also tells the app
 * shell, which shows sign-in with the store's sentence. Outside the shell (tests), `api` as is.
 */
export function useSessionApi(api: WebApi): WebApi {
  const app = useContext(AppContext);
  const signedOut = app?.signedOut;
  return useMemo(() => {
    if (!signedOut) return api;
    const watch = <T,>(p: Promise<T>): Promise<T> =>
      p.catch((e: unknown) => {
        if (e instanceof WebApiError && e.status === 401) signedOut(e.message);
        throw e;
      });
    return {
      get session() {
        return api.session;
      },
      set session(s) {
        api.session = s;
      },
      get: <T,>(path: string) => watch(api.get<T>(path)),
      send: <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => watch(api.send<T>(method, path, body)),
    };
  }, [api, signedOut]);
}

/**
 * The page's one `<h1>` (focusable by script so the shell can move focus to it, and so focus
 * has somewhere to go when the element that had it is gone), with a short lead paragraph.
 */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="space-y-2">
      <h1 id={HEADING_ID} tabIndex={-1} class="text-2xl font-bold text-grey-9">
        {title}
      </h1>
      {children && <p class="max-w-prose text-grey-8">{children}</p>}
    </div>
  );
}

/** A plain error paragraph, read out when it appears, that the control it is about points at with `aria-describedby`. */
export function ErrorText({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p id={id} role="alert" class="text-sm font-semibold text-red-error">
      {children}
    </p>
  );
}

/** What a page shows while its first list loads or when it could not load. */
export function LoadState({ problem, loadingText, onRetry }: { problem: string | null; loadingText: string; onRetry: () => void }) {
  const t = useT();
  if (!problem) return <p aria-busy="true">{loadingText}</p>;
  return (
    <div class="space-y-2 rounded border border-red-error p-2">
      <p>{problem}</p>
      <button type="button" class="rounded border border-grey-5 px-2 py-1 font-semibold hover:bg-grey-1" onClick={onRetry}>
        {t('facilitator.tryAgain')}
      </button>
    </div>
  );
}

/**
 * Loads a list once and on `reload()`; keeps the last good value while reloading so the page
 * never flashes empty, and records the problem in plain words when a load fails.
 */
export function useLoaded<T>(load: () => Promise<T>): { value: T | null; problem: string | null; reload: () => Promise<T | null>; set: (value: T) => void } {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT();
  const words = useRef(t);
  words.current = t;
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    try {
      const loaded = await loader.current();
      setValue(loaded);
      setProblem(null);
      return loaded;
    } catch (error) {
      setProblem(problemOf(error, words.current));
      return null;
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, problem, reload, set: setValue };
}

/** Copies `text` with the Clipboard API; false when the browser refuses (no permission, http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The id of the page's `<h1>`: where focus goes when the element that had it is gone. */
export const HEADING_ID = 'facilitator-heading';

/**
 * `focusLater(id)`: focus the element with that id once the component has rendered again
 * (after a row is removed, a panel opens or closes). An id not in the document falls back
 * to the page's heading, so focus never drops to `<body>`.
 */
export function usePendingFocus(): (id: string) => void {
  const pending = useRef<string | null>(null);
  const [, setTick] = useState(0);
  // A layout effect: it runs as this render's DOM is committed. A plain effect still pending
  // from an earlier render is flushed at the start of the next one, before its DOM exists.
  useLayoutEffect(() => {
    const id = pending.current;
    if (!id) return;
    pending.current = null;
    (document.getElementById(id) ?? document.getElementById(HEADING_ID))?.focus();
  });
  return useCallback((id: string) => {
    pending.current = id;
    setTick((t) => t + 1);
  }, []);
}

/** A table's column headings row (`<thead>`), in the pages' one style. */
export function ColumnHeads({ names }: { names: readonly string[] }) {
  return (
    <thead>
      <tr class="bg-grey-1 text-left">
        {names.map((name) => (
          <th key={name} scope="col" class="p-2">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * One row's action at a time: `run(work)` does nothing while busy, clears the last problem and
 * keeps the store's sentence when the work fails. Focus stays on the control that was used;
 * the page reads the problem out and ties it to that control.
 */
export function useRowAction(): { busy: boolean; problem: string | null; setProblem: (p: string | null) => void; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useT();
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(problemOf(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
}

/**
 * A page's list as a table under its own heading (focusable, for focus after a row goes):
 * "Loading…" (or the load's problem and Try again) until it is here, `emptyText` when it is
 * empty, else a table with `caption`, `columns` and the rows `children` makes.
 */
export function ListSection<T>(props: {
  id: string;
  heading: string;
  list: readonly T[] | null;
  problem: string | null;
  loadingText: string;
  onRetry: () => void;
  emptyText: string;
  caption: ComponentChildren;
  columns: readonly string[];
  children: (list: readonly T[]) => ComponentChildren;
}) {
  const { list } = props;
  return (
    <section aria-labelledby={props.id} class="space-y-2">
      <h2 id={props.id} tabIndex={-1} class="text-lg font-bold">
        {props.heading}
      </h2>
      {!list ? (
        <LoadState problem={props.problem} loadingText={props.loadingText} onRetry={props.onRetry} />
      ) : list.length === 0 ? (
        <p>{props.emptyText}</p>
      ) : (
        <div class="overflow-x-auto">
          <table class="w-full border-collapse text-sm">
            <caption class="p-2 text-left">{props.caption}</caption>
            <ColumnHeads names={props.columns} />
            <tbody>{props.children(list)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
