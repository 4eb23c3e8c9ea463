/** Why a digest was refused: its group already has its share, or the whole store is full. */
export type DigestRefusal = 'group-busy' | 'store-busy';

/** Limits on digests in progress in one store process. */
export interface DigestLimits {
  /** Digests of one group in progress at once (running or waiting). */
  perGroup: number;
  /** Digests that may wait for a free renderer, over all groups. */
  queue: number;
  /** Renderers working at once (worker threads; 1 when rendering on the main thread). */
  renderers: number;
}

/** Admission to digest rendering (see createDigestGate). */
export interface DigestGate {
  /** A release function to call when the digest is done, or why it is refused. */
  admit(groupId: string): { ok: true; release: () => void } | { ok: false; refusal: DigestRefusal };
  /** Digests in progress (running or waiting). */
  inProgress(): number;
}

/**
 * Per-group and store-wide admission, counted in this process only: it guards this
 * process's CPU, not shared data, so each store process keeps its own count.
 */
export function createDigestGate(limits: DigestLimits): DigestGate {
  const byGroup = new Map<string, number>();
  let total = 0;
  return {
    admit(groupId) {
      const mine = byGroup.get(groupId) ?? 0;
      if (mine >= limits.perGroup) return { ok: false, refusal: 'group-busy' };
      if (total - limits.renderers >= limits.queue) return { ok: false, refusal: 'store-busy' };
      byGroup.set(groupId, mine + 1);
      total++;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          total--;
          const left = (byGroup.get(groupId) ?? 1) - 1;
          if (left > 0) byGroup.set(groupId, left);
          else byGroup.delete(groupId);
        },
      };
    },
    inProgress: () => total,
  };
}
