import { describe, expect, it } from 'vitest';
import { NOT_ANNOTATABLE, annotatableReason } from './annotatable';
import { annotatableCases } from './annotatable-cases';
import { translator } from '../i18n/translate';

describe('annotatableReason', () => {
  it.each(annotatableCases)('$url', ({ url, reason }) => {
    expect(annotatableReason(url)).toBe(reason);
  });

  it("lets this extension's own pages (the PDF viewer) be annotated, and no other extension's", () => {
    const own = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const viewer = `${own}/pdf-viewer.html?file=https%3A%2F%2Fexample.org%2Fa.pdf`;
    expect(annotatableReason(viewer, { extensionOrigin: own })).toBeNull();
    expect(annotatableReason(viewer, { extensionOrigin: `${own}/` })).toBeNull();
    expect(annotatableReason(viewer, { extensionOrigin: 'chrome-extension://other' })).toBe(NOT_ANNOTATABLE.extensionPage);
  });

  it.each(Object.entries(NOT_ANNOTATABLE))('reason %s is short plain English, and Welsh', (_name, key) => {
    const text = translator('en-GB').t(key);
    expect(text.length).toBeLessThanOrEqual(90);
    expect(text).toMatch(/^[A-Z].*[.]$/);
    expect(text).not.toMatch(/\b(URL|URI|scheme|protocol|http|content script|API|origin)\b/i);
    const welsh = translator('cy').t(key);
    expect(welsh).not.toBe(text);
    expect(welsh).toMatch(/^[A-Z].*[.]$/);
  });
});
