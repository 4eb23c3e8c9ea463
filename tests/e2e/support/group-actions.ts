import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { spawnStore, type SpawnedStore } from '../../../server/test/support/spawn-store';
import { extensionPage, launchWithExtension, type ExtensionBrowser } from './chromium';

/** The store's admin token (for the CLI: create-group, import). */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

/** Invite codes of a new group, one per role. */
export interface GroupInvites {
  facilitator: string;
  member: string;
  reader: string;
}

/** A real store (PGlite in a temp DATA_DIR) with one group, "NCAG", its id and its invite codes. */
export async function startGroupStore(): Promise<{ store: SpawnedStore; invites: GroupInvites; group: string }> {
  const store = await spawnStore({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lea-store-')), ADMIN_TOKEN });
  const created = await fetch(`${store.url}/api/admin/groups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'NCAG' }),
  });
  expect(created.status).toBe(201);
  const { invites, group } = (await created.json()) as { invites: GroupInvites; group: string };
  return { store, invites, group };
}

/** What a person sets on the options page before joining. */
export interface JoinOptions {
  named?: boolean;
  profile?: { jobTitle: string; organisation: string };
  /** Checks on the options page before it closes (axe, for example). */
  check?: (options: Page) => Promise<void>;
}

/**
 * A new Chromium profile with the built extension, joined to the group as a person would: name,
 * "Show my name" (or Anonymous), "My group", the store address and invite code, then the job
 * title and organisation when given.
 */
export async function joinInBrowser(storeUrl: string, name: string, code: string, o: JoinOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  const options = await extensionPage(browser.context, browser.extensionId, 'options.html');
  await options.getByLabel('Your name', { exact: true }).fill(name);
  await options.getByLabel(o.named === false ? 'Anonymous' : 'Show my name').check();
  await options.getByLabel('My group').check();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.getByLabel('Group store address').fill(storeUrl);
  await options.getByLabel('Invite code').fill(code);
  await options.getByRole('button', { name: 'Connect to my group' }).click();
  await expect.poll(() => options.getByRole('status').allTextContents()).toContain('You are connected to your group.');
  if (o.profile) {
    await options.getByLabel('Job title').fill(o.profile.jobTitle);
    await options.getByLabel('Organisation').fill(o.profile.organisation);
    await options.getByRole('button', { name: 'Save job title and organisation' }).click();
    await expect.poll(() => options.getByRole('status').allTextContents()).toContain('Your job title and organisation are saved.');
  }
  await o.check?.(options);
  await options.close();
  return browser;
}
