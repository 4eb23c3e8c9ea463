/**
 * Whether a tab's page can be annotated, and if not, why, in words the popup can show as is.
 */

/** The reasons shown in the popup: short, plain English, no technical terms. */
export const NOT_ANNOTATABLE = {
  unreadable: "We can't tell which page this is.",
  browserPage: "This is one of your browser's own pages, so it can't be annotated.",
  extensionPage: "This page belongs to a browser extension, so it can't be annotated.",
  savedFile: "Pages saved on your computer can't be annotated yet.",
  sourceView: "This shows a page's source code. Open the page itself to annotate it.",
  noLastingAddress: "This page has no lasting web address, so comments on it couldn't be found again.",
  webStore: "Browsers don't let extensions work on the web store.",
  otherKind: 'Only web pages can be annotated.',
} as const;

/** Schemes of pages the browser draws itself (settings, new tab, history, dev tools). */
const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'resource:',
]);

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
 * Null when the page at `url` can be annotated; otherwise a short reason for the popup.
 * Knows the browsers' own restrictions so the popup can explain instead of failing silently.
 */
export function annotatableReason(url: string, options: AnnotatableOptions = {}): string | null {
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
  if (scheme === 'file:') return NOT_ANNOTATABLE.savedFile;
  if (scheme === 'view-source:') return NOT_ANNOTATABLE.sourceView;
  if (scheme === 'data:' || scheme === 'blob:') return NOT_ANNOTATABLE.noLastingAddress;
  return NOT_ANNOTATABLE.otherKind;
}

function webStoreReason(url: URL): string | null {
  const host = url.hostname.replace(/\.+$/, '');
  const store = WEB_STORES.find(
    (s) => s.host === host && (!s.path || url.pathname === s.path || url.pathname.startsWith(`${s.path}/`)),
  );
  return store ? NOT_ANNOTATABLE.webStore : null;
}
