import '../../components/styles.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { SessionOverlay } from '../../components/SessionOverlay';
import type { BackgroundRequest } from '../../utils/messaging';
import { createPageSession } from '../../utils/page-session/page-session';
import { createBrowserPdfListener, createPageRequestListener } from '../../utils/page-session/page-requests';
import { I18nProvider } from '../../components/i18n';
import { currentLocale, useExtensionLocale } from '../shared/locale';
import { translator } from '../../utils/i18n/translate';
import type { Locale } from '../../utils/i18n/locales';
import type { PageSession } from '../../utils/page-session/page-session';

/** The in-page UI in the extension's language, following the setting live (lang on the shadow root's container). */
function Root({ initial, session, container }: { initial: Locale; session: PageSession; container: HTMLElement }) {
  const locale = useExtensionLocale(initial);
  container.lang = locale;
  session.setTranslate(translator(locale).t);
  return (
    <I18nProvider locale={locale}>
      <SessionOverlay session={session} />
    </I18nProvider>
  );
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    // The browser's own PDF viewer: offer (or, by setting, go straight to) the annotator's viewer.
    if (document.contentType === 'application/pdf') {
      const pdfHandler = createBrowserPdfListener({ uri: () => location.href, title: () => document.title });
      browser.runtime.onMessage.addListener(pdfHandler);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(pdfHandler));
      void browser.runtime.sendMessage({ type: 'pdf/detected' }).catch(() => undefined);
      return;
    }
    let host: Element | null = null;
    const locale = await currentLocale();
    const session = createPageSession({
      t: translator(locale).t,
      doc: document,
      win: window,
      send: (message: BackgroundRequest) => browser.runtime.sendMessage(message),
      ownHost: () => host,
      signal: ctx.signal,
      onCommentsChanged: () => {
        browser.runtime.sendMessage({ type: 'broadcast/comments-changed' }).catch(() => {
          // No extension page is open to hear it: nothing to do.
        });
      },
    });
    const ui = await createShadowRootUi(ctx, {
      name: 'lea-annotator',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'mouseup'],
      onMount(container, _shadow, shadowHost) {
        host = shadowHost;
        container.lang = locale;
        render(<Root initial={locale} session={session} container={container} />, container);
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();

    const handler = createPageRequestListener(session);
    browser.runtime.onMessage.addListener(handler);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(handler));
    // While this page is on screen, ask the background to follow the group's live stream, so
    // comments written by others appear here within a second. Messages also keep the worker awake.
    const keepLive = () => {
      if (document.visibilityState === 'visible') void browser.runtime.sendMessage({ type: 'sync/keep-live' }).catch(() => undefined);
    };
    keepLive();
    ctx.setInterval(keepLive, 20_000);
    document.addEventListener('visibilitychange', keepLive, { signal: ctx.signal });
    try {
      await session.reload();
    } catch (error) {
      console.warn('Lived Experience Annotator could not load comments for this page', error);
    }
  },
});
