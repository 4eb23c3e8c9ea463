import '../../components/styles.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PageOverlay } from '../../components/PageOverlay';
import { createMessageHandler, PageRequestSchema, type BackgroundRequest, type PageRequest, type PageResponses } from '../../utils/messaging';
import { createPageSession, type PageSession } from './page-session';

function Overlay({ session }: { session: PageSession }) {
  const [state, setState] = useState(session.getState());
  useEffect(() => {
    const unsubscribe = session.subscribe(() => setState(session.getState()));
    return () => void unsubscribe();
  }, [session]);
  const card = state.card ? { ...state.card, comments: session.commentsById(state.card.ids) } : null;
  return (
    <PageOverlay
      adder={state.adder}
      editor={state.editor}
      card={card}
      notice={state.notice}
      displayName={state.settings.displayName}
      density={state.density}
      onJump={(id) => void session.focusComment(id)}
      onAdd={session.startComment}
      onSave={session.saveComment}
      onCancel={session.cancelComment}
      onCloseCard={session.closeCard}
    />
  );
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    let host: Element | null = null;
    const session = createPageSession({
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
        render(<Overlay session={session} />, container);
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();

    const handler = createMessageHandler<PageRequest, PageResponses>(PageRequestSchema, {
      'page/repaint': async () => ({ painted: await session.reload() }),
      'page/start-comment': () => session.startComment(),
      'page/get-state': () => session.pageState(),
      'page/focus': async ({ id }) => ({ found: await session.focusComment(id) }),
    });
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
