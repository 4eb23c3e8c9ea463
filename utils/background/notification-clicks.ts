/**
 * Clicks on the annotator's browser notifications ("Sam answered your comment"): each opens
 * its notice's document. The listener is attached as the background starts whenever the
 * optional permission is granted, and again when the person grants it, never only on the
 * first notification shown: the browser stops an idle background, and a click on a
 * notification shown before that must still wake it and work. Browser APIs are passed in.
 */

/** The part of `browser.notifications` this needs. */
export interface NotificationClickApi {
  onClicked: {
    addListener(listener: (id: string) => void): void;
    hasListener(listener: (id: string) => void): boolean;
  };
}

export interface NotificationClickOptions {
  /** `browser.notifications`, which exists only while the optional permission is granted. */
  notifications: () => NotificationClickApi | undefined;
  /** `browser.permissions.onAdded.addListener`. */
  onPermissionAdded: (listener: () => void) => void;
  /** Open the notice's document (resolves once it is open, or nothing is known of that id). */
  open: (id: string) => Promise<void>;
}

/** Start listening; returns `watch`, to call again when a notification is shown (it attaches at most once). */
export function listenForNotificationClicks(options: NotificationClickOptions): { watch: () => void } {
  const onClick = (id: string) => void options.open(id).catch(() => undefined);
  const watch = () => {
    const api = options.notifications();
    if (api && !api.onClicked.hasListener(onClick)) api.onClicked.addListener(onClick);
  };
  watch();
  options.onPermissionAdded(watch);
  return { watch };
}
