import { createHash, randomBytes } from 'node:crypto';

/** sha256 hex of a secret: tokens and invite codes are only ever stored this way. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A bearer token: 32 random bytes, base64url (43 characters). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * An invite code people can read aloud and type: 12 characters from an alphabet without
 * look-alikes (no i/l/1/o/0), in three groups, about 59 bits of entropy.
 */
export function createInviteCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/**
 * A code that links another browser to the same member: the invite code's readable format
 * (typed on the other browser), but single use and valid for LINK_CODE_MINUTES only.
 */
export function createLinkCode(): string {
  return createInviteCode();
}

/** How long a link code may be used. */
export const LINK_CODE_MINUTES = 15;

/** Normalise what a person typed as an invite code: case, spaces and missing dashes. */
export function normaliseInviteCode(input: string): string {
  const bare = input.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare.length === 12 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : input.trim().toLowerCase();
}

/** A group id: 16 lower-case base32 characters, safe in URLs and file names. */
export function createGroupId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(randomBytes(16), (b) => alphabet[b % 32]!).join('');
}
