import { createMessageHandler, PageRequestSchema, type PageRequest, type PageResponses } from '../messaging';
import type { PageSession } from './page-session';
import { translator } from '../i18n/translate';

/**
 * The runtime.onMessage listener a document with a page session answers the side panel and
 * background with: the same for a web page's content script and the annotator's PDF viewer.
 */
export function createPageRequestListener(session: PageSession) {
  return createMessageHandler<PageRequest, PageResponses>(PageRequestSchema, {
    'page/repaint': async () => ({ painted: await session.reload() }),
    'page/start-comment': () => session.startComment(),
    'page/show-comments': () => ({ found: session.showCommentsHere() }),
    'page/get-state': () => session.pageState(),
    'page/focus': async ({ id }) => ({ found: await session.focusComment(id) }),
    'page/filter': ({ filters }) => ({ painted: session.setFilters(filters) }),
  });
}

/** Why a PDF in the browser's own viewer can't be commented on there, and what to do instead (catalogue key). */
const USE_THE_ANNOTATOR_VIEWER = 'editor.session.useAnnotatorViewer' as const;

/**
 * The listener for a PDF shown by the browser's own viewer (no session runs there): it says
 * it is a PDF, so the side panel and popup can offer the annotator's viewer.
 */
export function createBrowserPdfListener(page: { uri: () => string; title: () => string }) {
  return createMessageHandler<PageRequest, PageResponses>(PageRequestSchema, {
    'page/repaint': () => ({ painted: 0 }),
    'page/start-comment': () => ({ started: false, reason: translator('en-GB').t(USE_THE_ANNOTATOR_VIEWER) }),
    'page/show-comments': () => ({ found: false }),
    'page/get-state': () => ({ uri: page.uri(), title: page.title(), role: null, comments: [], damaged: [], isPdf: true }),
    'page/focus': () => ({ found: false }),
    'page/filter': () => ({ painted: 0 }),
  });
}
