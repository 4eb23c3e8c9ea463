import { describe, expect, it } from 'vitest';
import { listenForNotificationClicks, type NotificationClickApi } from './notification-clicks';

/** browser.notifications as the browser keeps it: listeners survive only while the worker runs. */
function fakeNotifications() {
  const listeners: ((id: string) => void)[] = [];
  const api: NotificationClickApi = {
    onClicked: {
      addListener: (l) => void listeners.push(l),
      hasListener: (l) => listeners.includes(l),
    },
  };
  return { api, listeners, click: (id: string) => listeners.forEach((l) => l(id)) };
}

describe('notification clicks', () => {
  it('a worker started again (permission already granted) listens at once: a click on an earlier notification opens its document', async () => {
    const browser = fakeNotifications();
    const opened: string[] = [];
    listenForNotificationClicks({ notifications: () => browser.api, onPermissionAdded: () => undefined, open: async (id) => void opened.push(id) });
    // No notification shown since this start: the click still works.
    browser.click('notice-1');
    await Promise.resolve();
    expect(opened).toEqual(['notice-1']);
  });

  it('without the permission nothing listens; granting it attaches the listener once, however often it is asked', async () => {
    let granted: NotificationClickApi | undefined;
    let onAdded: () => void = () => undefined;
    const browser = fakeNotifications();
    const opened: string[] = [];
    const clicks = listenForNotificationClicks({ notifications: () => granted, onPermissionAdded: (l) => (onAdded = l), open: async (id) => void opened.push(id) });
    expect(browser.listeners).toHaveLength(0);
    granted = browser.api;
    onAdded();
    clicks.watch();
    clicks.watch();
    expect(browser.listeners).toHaveLength(1);
    browser.click('notice-2');
    await Promise.resolve();
    expect(opened).toEqual(['notice-2']);
  });

  it('a notice that cannot be opened is not an unhandled failure', async () => {
    const browser = fakeNotifications();
    listenForNotificationClicks({ notifications: () => browser.api, onPermissionAdded: () => undefined, open: async () => Promise.reject(new Error('gone')) });
    expect(() => browser.click('notice-3')).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });
});
