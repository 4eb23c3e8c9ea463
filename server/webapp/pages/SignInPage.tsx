import { Button } from '@hypothesis/frontend-shared';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useT } from '../../../components/i18n';
import type { MessageKey } from '../../../utils/i18n/catalogue';
import type { WebSession } from '../../../utils/webapp/session-types';
import { WebApiError } from '../api';
import { useApp } from '../app-context';
import { AppLink } from '../AppLink';
import { PageHeading } from '../PageHeading';

export interface SignInPageProps {
  /** Where the person was going (a permalink, a document): shown after signing in. */
  next: string | null;
  /** Why they are here (signed out, session over), in the store's words. */
  message: string | null;
  /** Already signed in: say so, and offer to go on. */
  alreadySignedIn: boolean;
  onSignedIn: (session: WebSession) => void;
}

/** The code of a one-time sign-in link (`/sign-in#link=<code>`), or null. */
export function linkCodeOf(hash: string): string | null {
  if (!hash.startsWith('#link=')) return null;
  try {
    const code = decodeURIComponent(hash.slice('#link='.length)).trim();
    return code && code.length <= 200 ? code : null;
  } catch {
    return null;
  }
}

/**
 * Sign in with an invite code (and, when the code is new to the store, the name to show the
 * group), or with a one-time sign-in link a facilitator sent: its code is read from the
 * address's fragment, which is cleared at once so it is not left in the history.
 */
export function SignInPage({ next, message, alreadySignedIn, onSignedIn }: SignInPageProps) {
  const { api } = useApp();
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [needsName, setNeedsName] = useState(false);
  // The store's sentence (`text`), or one of this page's (`key`, shown in the language now chosen).
  const [error, setError] = useState<{ text?: string; key?: MessageKey; field: 'code' | 'name' } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  async function signIn(body: { code: string; name?: string }) {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.send<WebSession>('POST', '/api/web/sign-in', body));
    } catch (e) {
      if (e instanceof WebApiError && e.code === 'name-needed') {
        setNeedsName(true);
        setError({ text: e.message, field: 'name' });
        queueMicrotask(() => nameRef.current?.focus());
      } else {
        setError({ text: e instanceof Error ? e.message : String(e), field: 'code' });
        queueMicrotask(() => codeRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    const link = linkCodeOf(location.hash);
    if (link === null) return;
    // The code is spent by this sign-in: take it out of the address (and the history) first.
    history.replaceState(null, '', location.pathname + location.search);
    setCode(link);
    void signIn({ code: link });
  }, []);

  function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!code.trim()) {
      setError({ key: 'webapp.signIn.needCode', field: 'code' });
      codeRef.current?.focus();
      return;
    }
    if (needsName && !name.trim()) {
      setError({ key: 'webapp.signIn.needName', field: 'name' });
      nameRef.current?.focus();
      return;
    }
    void signIn(needsName ? { code: code.trim(), name: name.trim() } : { code: code.trim() });
  }

  const errorId = `${id}-error`;
  const field = 'w-full max-w-md rounded border border-grey-6 bg-white p-2';
  return (
    <>
      <PageHeading title={t('webapp.signIn.title')} />
      {alreadySignedIn ? (
        <p>
          {t('webapp.signIn.already')}{' '}
          <AppLink href={next ?? '/'}>{next ? t('webapp.signIn.goOn') : t('webapp.signIn.goHome')}</AppLink>
        </p>
      ) : (
        <>
          {message && <p class="rounded border border-grey-5 bg-grey-1 p-2 font-semibold">{message}</p>}
          {next?.startsWith('/c/') && <p>{t('webapp.signIn.toComment')}</p>}
          <p>{t('webapp.signIn.lead')}</p>
          <form class="space-y-3" noValidate onSubmit={submit}>
            <div class="space-y-1">
              <label for={`${id}-code`} class="block font-semibold">
                {t('webapp.signIn.code')}
              </label>
              <input
                id={`${id}-code`}
                ref={codeRef}
                class={field}
                value={code}
                autocomplete="one-time-code"
                spellcheck={false}
                aria-invalid={error?.field === 'code' || undefined}
                aria-describedby={error?.field === 'code' ? errorId : undefined}
                onInput={(e) => setCode((e.target as HTMLInputElement).value)}
              />
            </div>
            {needsName && (
              <div class="space-y-1">
                <label for={`${id}-name`} class="block font-semibold">
                  {t('webapp.signIn.name')}
                </label>
                <p id={`${id}-name-hint`} class="text-sm text-grey-7">
                  {t('webapp.signIn.nameHint')}
                </p>
                <input
                  id={`${id}-name`}
                  ref={nameRef}
                  class={field}
                  value={name}
                  autocomplete="name"
                  maxLength={200}
                  aria-invalid={error?.field === 'name' || undefined}
                  aria-describedby={[`${id}-name-hint`, error?.field === 'name' ? errorId : null].filter(Boolean).join(' ')}
                  onInput={(e) => setName((e.target as HTMLInputElement).value)}
                />
              </div>
            )}
            {error && (
              <p id={errorId} class="font-semibold text-red-dark">
                {error.key ? t(error.key) : error.text}
              </p>
            )}
            <Button type="submit" variant="primary" aria-disabled={busy || undefined}>
              {busy ? t('webapp.signIn.busy') : t('webapp.signIn.submit')}
            </Button>
          </form>
        </>
      )}
    </>
  );
}
