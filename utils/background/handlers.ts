import type { BackgroundRequest, BackgroundResponses } from '../messaging/protocol';
import type { Handlers } from '../messaging/rpc';
import { messageText } from '../messaging/message-language';
import type { Settings } from '../model';
import type { AnnotationService } from './annotation-service';
import { createConversationHandlers, createUnavailableConversation, type ConversationServices } from './conversation-handlers';
import type { PdfService } from './pdf-service';
import type { SyncService } from './sync-service';

/** The services behind the background's messages; those that need the database arrive once it is open. */
export interface BackgroundServices {
  /** Conversation services may be left out (tests of other parts): their messages then answer a plain error. */
  stored: Promise<{ annotations: AnnotationService; sync: SyncService } & Partial<ConversationServices>>;
  pdf: PdfService;
  settings: () => Promise<Settings>;
  /** Opens the comments side panel beside a tab (utils/browser/side-panel.ts); absent: the browser has none. */
  openPanel?: (where: { tabId?: number }) => Promise<void>;
}

/** The tab a content script's message came from (runtime.MessageSender.tab). */
function senderTab(sender: unknown): { id?: number; url?: string } | undefined {
  return (sender as { tab?: { id?: number; url?: string } } | null)?.tab;
}

/** One handler per background request, each a call into a service: the message map in one place. */
export function createBackgroundHandlers({ stored, pdf, settings, openPanel }: BackgroundServices): Handlers<BackgroundRequest, BackgroundResponses> {
  const annotations = async () => (await stored).annotations;
  const sync = async () => (await stored).sync;
  const conversation = async (): Promise<ConversationServices> => {
    const services = await stored;
    return services.conversation && services.notices ? { conversation: services.conversation, notices: services.notices } : createUnavailableConversation();
  };
  return {
    ...createConversationHandlers(conversation),
    'annotations/list': async ({ uris }) => (await annotations()).list(uris),
    'annotations/all': async () => (await annotations()).all(),
    'annotations/save': async ({ annotation }) => (await annotations()).save(annotation),
    'annotations/delete': async ({ id }) => (await annotations()).remove(id),
    'settings/get': () => settings(),
    'sync/status': async () => (await sync()).overview(),
    'sync/connect': async ({ baseUrl, code, displayName }) => (await sync()).connect({ baseUrl, code, displayName }),
    'sync/disconnect': async () => (await sync()).disconnect(),
    'sync/forget-me': async (message) => (await sync()).forgetMe({ keepAnonymous: message.keepAnonymous === true }),
    'sync/retry': async () => (await sync()).retry(),
    'sync/resolve': async ({ id, choice }) => (await sync()).resolve(id, choice),
    'sync/keep-live': async () => (await sync()).keepLive(),
    'pdf/open': async ({ url, tabId }) => ({ opened: await pdf.open(url, tabId) }),
    'pdf/detected': (_request, sender) => pdf.detected(senderTab(sender)),
    // Synchronously up to the browser's open(): the press that sent this is still being handled.
    'panel/open': (_request, sender) => {
      const tab = senderTab(sender);
      if (!openPanel) return Promise.reject(new Error(messageText('background.panel.none')()));
      return openPanel(tab?.id !== undefined ? { tabId: tab.id } : {}).then(
        () => ({ opened: true as const }),
        () => Promise.reject(new Error(messageText('background.panel.refused')())),
      );
    },
  };
}
