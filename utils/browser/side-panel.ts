/** The two browsers' side-panel APIs, read from the global object passed in. */
type PanelOpeners = {
  chrome?: { sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
};

/**
 * Opens the comments side panel (Chromium's side panel, Firefox's sidebar). Must run in
 * response to a click or key press: both browsers refuse otherwise.
 */
export async function openSidePanel(where: { windowId?: number; tabId?: number }, g: PanelOpeners = globalThis as PanelOpeners): Promise<void> {
  if (g.browser?.sidebarAction) await g.browser.sidebarAction.open();
  else if (g.chrome?.sidePanel) await g.chrome.sidePanel.open(where);
  else throw new Error('This browser has no side panel for the comments. Open the list from the toolbar button instead.');
}
