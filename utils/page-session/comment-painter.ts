import { createHighlighter } from '../highlight';
import type { AnchoredComment } from '../messaging';
import { DEFAULT_THEMES, themesOf, type LeaAnnotation, type Theme } from '../model';
import { densityMarks, placeMarks, type DensityMark } from '../overlay/density';
import { overlapDepths } from '../overlay/overlaps';
import { createThemeLayer, type ThemeLayerView } from '../overlay/theme-layer';
import { themeHighlightName } from '../overlay/theme-palette';
import type { DocumentSurface, SurfaceAnchor } from './surface';
import { describePlacement, type SourceNames } from '../anchoring/across-versions';
import type { DocumentLink } from '../document/versions';
import type { Translate } from '../i18n/translate';

/** For a comment written on another version of the page: `{ version }` (written on, changed words); else nothing. */
function versionOf(annotation: LeaAnnotation, result: SurfaceAnchor, pageUri: string | null, links: readonly DocumentLink[], names: Map<string, SourceNames>): { version?: NonNullable<AnchoredComment['version']> } {
  if (!pageUri || annotation.target.source === pageUri) return {};
  const now = result.range ? result.range.toString() : '';
  const found = { status: result.status, span: result.span ? { start: 0, end: now.length } : null };
  const placed = describePlacement(found, now, { source: annotation.target.source, selectors: annotation.target.selector }, pageUri, links, names);
  if (placed.relation === 'same' || placed.relation === 'unrelated') return {};
  // A PDF page not rendered yet has no words to compare: the version line only.
  return { version: { status: placed.status, writtenOnLine: placed.writtenOnLine, writtenOnName: placed.writtenOnName, quote: placed.quote, diff: result.range ? placed.diff : null } };
}

/** The comments a page session shows, as read from the extension's store. */
export interface CommentListing {
  annotations: LeaAnnotation[];
  authors: Record<string, 'me' | 'other'>;
  /** The group's links between document versions (to name the version a comment was written on). */
  links?: DocumentLink[];
  /** The group's theme vocabulary: which colour each theme paints in (default Making It Real). */
  themes?: Theme[];
}

/**
 * Anchors a document's comments on a surface and paints them: theme colours and overlaps
 * (theme layer), hit-testing, focus and flash (highlighter), and the density strip's marks.
 * Both are created before any data arrives, as the content script starts. `nearViewportOnly`
 * is for surfaces that scroll with the window (web pages): theme colours are then registered
 * for passages near the viewport only, and more as the reader scrolls (see near-viewport.ts).
 */
export function createCommentPainter(doc: Document, win: Window, surface: DocumentSurface, options: { nearViewportOnly?: boolean; t?: () => Translate } = {}) {
  const pageLabel = (page: number) => (options.t ? options.t()('editor.density.page', { page }) : String(page));
  const themeLayer = createThemeLayer(doc, win as unknown as ThemeLayerView, options);
  // With theme colours on, the theme layer paints plain comments and the highlighter need not.
  const highlighter = createHighlighter({ doc, paintPlainComments: themeLayer === null });
  const ranges = new Map<string, Range>();
  const anchors = new Map<string, SurfaceAnchor>();

  let paintedIds = new Set<string>();
  /** The vocabulary of the last listing anchored: a theme's colour follows it. */
  let vocabulary: readonly Theme[] = DEFAULT_THEMES;

  /** Anchors `listing` (nothing painted yet); returns the comments in page order. */
  async function anchor(listing: CommentListing): Promise<AnchoredComment[]> {
    vocabulary = listing.themes ?? DEFAULT_THEMES;
    const results = await surface.anchor(listing.annotations);
    ranges.clear();
    anchors.clear();
    const anchored = listing.annotations.map((annotation, i) => {
      const result = results[i]!;
      if (result.range) ranges.set(annotation.id, result.range);
      if (result.span) anchors.set(annotation.id, result);
      return { annotation, result };
    });
    anchored.sort((a, b) => {
      const sa = a.result.span;
      const sb = b.result.span;
      if (!sa || !sb) return sa ? -1 : sb ? 1 : 0;
      return sa.start - sb.start || a.annotation.created.localeCompare(b.annotation.created);
    });
    const pageUri = surface.identity()?.uri ?? null;
    const names = new Map<string, SourceNames>();
    return anchored.map(({ annotation, result }, order) => ({
      ...versionOf(annotation, result, pageUri, listing.links ?? [], names),
      annotation,
      mine: listing.authors[annotation.id] !== 'other',
      status: result.status,
      position: result.span ? order : null,
      ...(result.page ? { page: result.page } : {}),
    }));
  }

  /**
   * Paints `shown` (comments from the last `anchor`, e.g. those the side panel's filters let
   * through) and nothing else; returns the density strip's marks for them.
   */
  function show(shown: readonly AnchoredComment[]): DensityMark[] {
    const painted = shown.filter((c) => ranges.has(c.annotation.id));
    paintedIds = new Set(painted.map((c) => c.annotation.id));
    highlighter.paint(painted.map((c) => ({ id: c.annotation.id, range: ranges.get(c.annotation.id)! })));
    if (themeLayer) {
      const byTheme = new Map<string, Range[]>();
      for (const c of painted) {
        const name = themeHighlightName(themesOf(c.annotation), vocabulary);
        const list = byTheme.get(name);
        if (list) list.push(ranges.get(c.annotation.id)!);
        else byTheme.set(name, [ranges.get(c.annotation.id)!]);
      }
      // Overlaps by text position first (no layout work), then ranges only where text is on screen.
      const depths = overlapDepths(painted.map((c) => anchors.get(c.annotation.id)!.span!));
      const toRanges = (list: { start: number; end: number }[]) => list.map((sp) => surface.rangeFor(sp)).filter((r): r is Range => r !== null);
      themeLayer.paint(byTheme, { two: toRanges(depths.two), three: toRanges(depths.three) });
    }
    // Bands by text position first, then one real position per band.
    const located = shown.filter((c) => anchors.has(c.annotation.id));
    return placeMarks(
      densityMarks(
        located.map((c) => ({ id: c.annotation.id, y: anchors.get(c.annotation.id)!.span!.start, label: c.annotation.section ?? (c.page ? pageLabel(c.page) : '') })),
        surface.textLength(),
      ),
      (id) => (anchors.get(id) ? surface.topOf(anchors.get(id)!) : null),
      surface.scrollHeight(),
    );
  }

  /** Anchors and paints all of `listing`; returns the comments in page order and the density marks. */
  async function paint(listing: CommentListing): Promise<{ comments: AnchoredComment[]; density: DensityMark[] }> {
    const comments = await anchor(listing);
    return { comments, density: show(comments) };
  }

  return {
    anchor,
    show,
    paint,
    highlighter,
    /** Where each comment attached (orphans have none), as of the last paint. */
    anchorOf: (id: string) => anchors.get(id),
    /** True when the comment's passage was on screen when last anchored (a PDF page may not be rendered yet). */
    isOnScreen: (id: string) => ranges.has(id),
    /** How many passages are painted now (those shown and on screen). */
    paintedCount: () => paintedIds.size,
    /** Put back highlights a page script removed from the shared registry. */
    ensurePainted() {
      highlighter.ensurePainted();
      themeLayer?.ensurePainted();
    },
    dispose() {
      highlighter.dispose();
      themeLayer?.dispose();
    },
  };
}

/** A session's painter (also run by bench:overlay). */
export type CommentPainter = ReturnType<typeof createCommentPainter>;
