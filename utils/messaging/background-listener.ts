import * as v from 'valibot';
import { BackgroundRequestSchema, ContentRequestSchema, type BackgroundRequest, type BackgroundResponses, type Reply } from './protocol';
import { createMessageHandler, type Handlers } from './rpc';
import { messageText } from './message-language';

/** The answer a content script gets when it asks for what only the extension's own pages may (in the current language). */
export const NOT_FROM_A_WEB_PAGE = messageText('background.notFromWebPage');

/**
 * True when `sender` (a runtime.MessageSender) is one of the extension's own pages: its URL is
 * in the extension's origin (`runtime.getURL('/')`). Content scripts report the web page's
 * URL, so they never match; the PDF viewer, an extension page in a tab, does.
 */
export function isExtensionPage(sender: unknown, extensionOrigin: string): boolean {
  const url = (sender as { url?: unknown } | null)?.url;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return typeof url === 'string' && url.startsWith(origin);
}

/**
 * The background's runtime.onMessage listener. It picks the call map from the sender: extension
 * pages may send every background request; anything else (a content script inside a web page)
 * only `ContentRequestSchema`'s. A content script asking for more is answered with an error
 * value and nothing runs. Messages of other shapes are left for other listeners.
 */
export function createBackgroundListener(options: { extensionOrigin: string; handlers: Handlers<BackgroundRequest, BackgroundResponses> }) {
  const fromPages = createMessageHandler<BackgroundRequest, BackgroundResponses>(BackgroundRequestSchema, options.handlers);
  const fromContent = createMessageHandler(ContentRequestSchema, options.handlers);
  return (message: unknown, sender: unknown): Promise<Reply<unknown>> | undefined => {
    if (isExtensionPage(sender, options.extensionOrigin)) return fromPages(message, sender);
    const reply = fromContent(message, sender);
    if (reply) return reply;
    if (v.is(BackgroundRequestSchema, message)) return Promise.resolve({ ok: false, error: NOT_FROM_A_WEB_PAGE() });
    return undefined;
  };
}
