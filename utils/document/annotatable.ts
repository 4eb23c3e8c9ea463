/**
 * Whether a tab's page can be annotated, and if not, why: a catalogue key (popup.cannot.*)
 * that the popup translates into the language the person reads.
 */
import type { MessageKey } from '../i18n/catalogue';

/** The reasons shown in the popup, as catalogue keys: short, plain words, no technical terms. */
export const NOT_ANNOTATABLE = {
  unreadable: 'popup.cannot.unreadable',
  browserPage: 'popup.cannot.browserPage',
  extensionPage: 'popup.cannot.extensionPage',
  savedFile: 'popup.cannot.savedFile',
  sourceView: 'popup.cannot.sourceView',
  noLastingAddress: 'popup.cannot.noLastingAddress',
  webStore: 'popup.cannot.webStore',
  otherKind: 'popup.cannot.otherKind',
} as const satisfies Record<string, MessageKey>;

/** Why a page can't be annotated: one of NOT_ANNOTATABLE's keys. */
export type NotAnnotatableReason = (typeof NOT_ANNOTATABLE)[keyof typeof NOT_ANNOTATABLE];

/** Schemes of pages the browser draws itself (settings, new tab, history, dev tools). */
// i18n-ignore: URL schemes, not words
const BROWSER_SCHEMES = new Set(['about:', 'chrome:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'resource:']);

// i18n-ignore: URL schemes, not words
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:']);

/** Web stores where browsers block content scripts: host, and path prefix where shared. */
const WEB_STORES: ReadonlyArray<{ host: string; path?: string }> = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Options for {@link annotatableReason}. */
export interface AnnotatableOptions {
  /** This extension's own origin (e.g. `chrome-extension://abc`): its PDF viewer is annotatable. */
  extensionOrigin?: string;
}

/**
 * Null when the page at `url` can be annotated; otherwise the key of a short reason for the popup.
 * Knows the browsers' own restrictions so the popup can explain instead of failing silently.
 */
export function annotatableReason(url: string, options: AnnotatableOptions = {}): NotAnnotatableReason | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return NOT_ANNOTATABLE.unreadable;
  }
  const scheme = parsed.protocol;
  if (scheme === 'http:' || scheme === 'https:') return webStoreReason(parsed);
  if (EXTENSION_SCHEMES.has(scheme)) {
    // URL#origin is "null" for non-special schemes outside Chromium, so compare by hand.
    const origin = `${scheme}//${parsed.host}`;
    return options.extensionOrigin?.replace(/\/+$/, '') === origin ? null : NOT_ANNOTATABLE.extensionPage;
  }
  if (BROWSER_SCHEMES.has(scheme)) return NOT_ANNOTATABLE.browserPage;
  // i18n-ignore: URL schemes, not words
  if (scheme === 'file:') return NOT_ANNOTATABLE.savedFile;
  // i18n-ignore: URL schemes, not words
  if (scheme === 'view-source:') return NOT_ANNOTATABLE.sourceView;
  // i18n-ignore: URL schemes, not words
  if (scheme === 'data:' || scheme === 'blob:') return NOT_ANNOTATABLE.noLastingAddress;
  return NOT_ANNOTATABLE.otherKind;
}

function webStoreReason(url: URL): NotAnnotatableReason | null {
  const host = url.hostname.replace(/\.+$/, '');
  const store = WEB_STORES.find(
    (s) => s.host === host && (!s.path || url.pathname === s.path || url.pathname.startsWith(`${s.path}/`)),
  );
  return store ? NOT_ANNOTATABLE.webStore : null;
}
