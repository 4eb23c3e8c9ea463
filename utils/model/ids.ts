/**
 * UUID v7 (RFC 9562): time-ordered, so ids sort by creation and pushes stay idempotent.
 * Takes its entropy and clock as parameters so it runs the same in every context.
 */
export function createUuidV7(
  now: number,
  fillRandom: (bytes: Uint8Array) => void,
): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An annotation id as a URN, which is a valid IRI for the W3C model's `id`. */
export function createAnnotationId(
  now: number,
  fillRandom: (bytes: Uint8Array) => void,
): string {
  return `urn:uuid:${createUuidV7(now, fillRandom)}`;
}
