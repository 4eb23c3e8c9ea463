import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { WebSession } from '../../../utils/webapp/session-types';
import { WebApiError, type WebApi } from '../api';

/** A recorded call to the fake store. */
export interface Call {
  method: string;
  path: string;
  body?: unknown;
}

/** What the fake store answers for `METHOD /path`: a value, or a function of the body; throw a WebApiError to refuse. */
export type Route = unknown | ((body: unknown, call: Call) => unknown);

/**
 * A WebApi answering from `routes` ("GET /api/groups/g1/members" → answer) and recording
 * every call; an unknown route is a 404 with the store's sentence.
 */
export function fakeApi(routes: Record<string, Route>, session: WebSession): WebApi & { calls: Call[] } {
  const calls: Call[] = [];
  const answer = async (method: string, path: string, body?: unknown) => {
    const call: Call = { method, path, ...(body !== undefined ? { body } : {}) };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    if (route === undefined) throw new WebApiError(404, 'not-found', 'There is no such page on the group store.');
    return typeof route === 'function' ? (route as (b: unknown, c: Call) => unknown)(body, call) : structuredClone(route);
  };
  return {
    session,
    calls,
    get: <T,>(path: string) => answer('GET', path) as Promise<T>,
    send: <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => answer(method, path, body) as Promise<T>,
  };
}

export const SESSION: WebSession = {
  memberId: 'm-fac',
  displayName: 'Fatima',
  role: 'facilitator',
  group: { id: 'g1', name: 'NCAG' },
  csrfToken: 'csrf',
  expiresAt: '2026-12-16T10:00:00Z',
};

let container: HTMLElement | null = null;

/** Renders `node` into a fresh container in the document and lets its first loads finish. */
export async function mount(node: ComponentChild): Promise<HTMLElement> {
  unmount();
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(node, container!));
  await settle();
  return container;
}

/** Unmounts what {@link mount} rendered. */
export function unmount(): void {
  if (!container) return;
  render(null, container);
  container.remove();
  container = null;
}

/** Lets pending promises, renders and effects run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/** The button whose text (accessible name) starts with `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(name));
  if (!found) throw new Error(`No button "${name}" in ${[...root.querySelectorAll('button')].map((b) => b.textContent).join(' | ')}`);
  return found;
}

/** The control labelled `text` (a `<label for>`). */
export function labelled<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === text);
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : label?.querySelector('input, select, textarea');
  if (!control) throw new Error(`No control labelled "${text}"`);
  return control as T;
}

/** Clicks and lets the work it starts finish. */
export async function click(el: HTMLElement): Promise<void> {
  await act(() => el.click());
  await settle();
}

/** Types into a field as a person would (an input event). */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses an option of a select (a change event). */
export async function choose(el: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Submits the form `el` is in. */
export async function submit(el: HTMLElement): Promise<void> {
  await act(() => {
    el.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

/** What the page's live region says now. */
export function announced(root: ParentNode): string {
  return root.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

/** The text of the elements an element's `aria-describedby` names. */
export function description(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}
