import type { PageRequest, PageResponses, ViewerRelay } from './protocol';
import { call } from './rpc';

/** The "nobody is listening in that tab" errors both browsers give. */
export const NO_RECEIVER = /establish connection|Receiving end|message port closed/i;

/**
 * Ask the document in a tab: a web page's content script (tabs.sendMessage), or else the
 * annotator's PDF viewer, an extension page that only runtime messages reach.
 */
export async function callTab<K extends PageRequest['type']>(
  tabId: number,
  request: Extract<PageRequest, { type: K }>,
  senders: { toTab(tabId: number, message: PageRequest): Promise<unknown>; toExtension(message: ViewerRelay): Promise<unknown> },
): Promise<PageResponses[K]> {
  try {
    return await call<PageRequest, PageResponses, K>((m) => senders.toTab(tabId, m), request);
  } catch (error) {
    if (!(error instanceof Error && NO_RECEIVER.test(error.message))) throw error;
    return call<PageRequest, PageResponses, K>((m) => senders.toExtension({ type: 'viewer/page', tabId, request: m }), request);
  }
}
