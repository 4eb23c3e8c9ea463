/** A stylesheet this module added to a document, which it can re-add and remove. */
export interface InstalledStyles {
  /** How the sheet was attached: a constructed sheet, or a `<style>` element. */
  readonly kind: 'adopted' | 'element';
  /** Re-attach the sheet if the page dropped it; true when it had to. */
  ensure(): boolean;
  /** Detach the sheet; idempotent. */
  remove(): void;
}

/** A constructed-stylesheet constructor from the document's own window. */
export type StyleSheetConstructor = new () => CSSStyleSheet;

/**
 * Attach `cssText` to `doc` through `adoptedStyleSheets` (no node in the page), or through a
 * `<style>` element where constructed sheets are missing or refused. Firefox content scripts
 * can throw on adopting a sheet (see fishjar/kiss-translator#918), hence the catch.
 */
export function installStyles(
  doc: Document,
  cssText: string,
  SheetConstructor: StyleSheetConstructor | undefined,
): InstalledStyles {
  if (SheetConstructor && Array.isArray(doc.adoptedStyleSheets)) {
    try {
      const sheet = new SheetConstructor();
      sheet.replaceSync(cssText);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return adopted(doc, sheet);
    } catch {
      // Fall through to a <style> element.
    }
  }
  return element(doc, cssText);
}

function adopted(doc: Document, sheet: CSSStyleSheet): InstalledStyles {
  let attached = true;
  return {
    kind: 'adopted',
    ensure() {
      if (!attached || doc.adoptedStyleSheets.includes(sheet)) return false;
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return true;
    },
    remove() {
      attached = false;
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

function element(doc: Document, cssText: string): InstalledStyles {
  const style = doc.createElement('style');
  style.setAttribute('data-lea-highlight-styles', '');
  style.textContent = cssText;
  const parent = (): Node | null => doc.head ?? doc.documentElement;
  parent()?.appendChild(style);
  let attached = true;
  return {
    kind: 'element',
    ensure() {
      if (!attached || style.isConnected) return false;
      const target = parent();
      if (!target) return false;
      target.appendChild(style);
      return true;
    },
    remove() {
      attached = false;
      style.remove();
    },
  };
}
