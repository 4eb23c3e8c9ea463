export * from './protocol';
export * from './rpc';
export * from './conversation-protocol';
import { call } from './rpc';
import type { BackgroundRequest, BackgroundResponses, PageRequest, PageResponses } from './protocol';

/** Ask the background; `send` is runtime.sendMessage of the calling context. */
export function callBackground<K extends BackgroundRequest['type']>(
  send: (message: BackgroundRequest) => Promise<unknown>,
  request: Extract<BackgroundRequest, { type: K }>,
): Promise<BackgroundResponses[K]> {
  return call<BackgroundRequest, BackgroundResponses, K>(send, request);
}

/** Ask a tab's content script; `send` is a tabs.sendMessage bound to the tab. */
export function callPage<K extends PageRequest['type']>(
  send: (message: PageRequest) => Promise<unknown>,
  request: Extract<PageRequest, { type: K }>,
): Promise<PageResponses[K]> {
  return call<PageRequest, PageResponses, K>(send, request);
}
export { callTab, NO_RECEIVER } from './call-tab';
export { createBackgroundListener, isExtensionPage, NOT_FROM_A_WEB_PAGE } from './background-listener';
