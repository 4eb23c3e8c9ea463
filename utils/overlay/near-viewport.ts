/**
 * Which highlighted passages to keep registered with the browser: those near the viewport.
 *
 * Why: Chromium rebuilds the markers of every registered highlight range, and repaints the
 * text under them, in each frame after any change to the page (a key typed in the comment
 * editor, a card shown on hover). With 2,000 comments registered that is about 50 ms a frame
 * on this project's machines; with only the passages near the viewport it is a few. Passages
 * further away are registered as the reader scrolls towards them, in the same frame.
 */

/** A passage's vertical extent in page coordinates (viewport top + scroll offset). */
export interface PlacedExtent {
  top: number;
  bottom: number;
}

/** The stretch of page, in page coordinates, whose passages are registered. */
export interface Band {
  top: number;
  bottom: number;
}

/** Viewports kept registered above and below the visible one. */
export const BAND_MARGIN_VIEWPORTS = 2;

/** The band around a viewport at `scrollY` of height `viewportHeight`. */
export function bandAround(scrollY: number, viewportHeight: number, margin = BAND_MARGIN_VIEWPORTS): Band {
  const height = Math.max(viewportHeight, 1);
  return { top: scrollY - margin * height, bottom: scrollY + (1 + margin) * height };
}

/**
 * True when the band must move: the viewport came within one viewport of the band's edge
 * (so a fast scroll of up to a viewport a frame never shows unregistered text), or the
 * viewport grew.
 */
export function bandIsStale(band: Band | null, scrollY: number, viewportHeight: number): boolean {
  if (!band) return true;
  const height = Math.max(viewportHeight, 1);
  return scrollY - height < band.top || scrollY + 2 * height > band.bottom;
}

/** Whether a passage reaches into the band (edges touching count). */
export function inBand(extent: PlacedExtent, band: Band): boolean {
  return extent.bottom >= band.top && extent.top <= band.bottom;
}
