/** One mark on the density strip: where on the page, how many comments, where to jump. */
export interface DensityMark {
  /** 0–1 down the page. */
  top: number;
  count: number;
  /** The comment to jump to (the first in the band). */
  firstId: string;
  /** Heading of the first comment's section, to name the mark for screen readers. */
  label: string;
}

/**
 * Group comments into bands down the page (like a scroll-bar heat map). Takes each comment's
 * position in page coordinates and the page height; bands with no comments are left out.
 */
export function densityMarks(items: readonly { id: string; y: number; label: string }[], pageHeight: number, bands = 48): DensityMark[] {
  if (pageHeight <= 0) return [];
  const byBand = new Map<number, DensityMark>();
  const sorted = [...items].sort((a, b) => a.y - b.y);
  for (const item of sorted) {
    const band = Math.min(bands - 1, Math.max(0, Math.floor((item.y / pageHeight) * bands)));
    const mark = byBand.get(band);
    if (mark) mark.count += 1;
    else byBand.set(band, { top: band / bands, count: 1, firstId: item.id, label: item.label });
  }
  return [...byBand.values()].sort((a, b) => a.top - b.top);
}

/**
 * Put each band's mark where its first passage really is on the page: one layout query per
 * band (at most `bands`), not one per comment, so thousands of comments stay cheap.
 */
export function placeMarks(marks: readonly DensityMark[], topOf: (id: string) => number | null, pageHeight: number): DensityMark[] {
  if (pageHeight <= 0) return [...marks];
  return marks.map((mark) => {
    const top = topOf(mark.firstId);
    return top === null ? mark : { ...mark, top: Math.min(1, Math.max(0, top / pageHeight)) };
  });
}
