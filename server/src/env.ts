import * as v from 'valibot';
import { parseTrustProxy } from './auth/client-address';

const wholeNumber = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

/** The store's environment, checked once at start-up (see README "Configuration"). */
export const EnvSchema = v.object({
  PORT: v.optional(wholeNumber('PORT', 1, 65535), '8787'),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1, 'HOST must not be empty'))),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1, 'DATA_DIR must not be empty')), './data'),
  DATABASE_URL: v.optional(
    v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a PostgreSQL address like postgres://user@host:5432/database')),
  ),
  DATABASE_SCHEMA: v.optional(v.pipe(v.string(), v.regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA may use only lower-case letters, digits and _'))),
  ADMIN_TOKEN: v.optional(
    v.pipe(v.string(), v.minLength(16, 'ADMIN_TOKEN must be at least 16 characters long'), v.regex(/^\S+$/, 'ADMIN_TOKEN must not contain spaces')),
  ),
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url('PUBLIC_URL must be a full address like https://store.example.org'))),
  WRITE_RATE_LIMIT: v.optional(wholeNumber('WRITE_RATE_LIMIT', 1, 10_000_000)),
  JOIN_RATE_LIMIT: v.optional(wholeNumber('JOIN_RATE_LIMIT', 1, 10_000_000)),
  /** Proxies in front of the store whose X-Forwarded-For is believed: off (default), 1-10 hops, or loopback. */
  TRUST_PROXY: v.optional(
    v.pipe(
      v.string(),
      v.check((text) => parseTrustProxy(text) !== null, 'TRUST_PROXY must be off, a number of proxies from 1 to 10, or loopback'),
      v.transform((text) => parseTrustProxy(text)!),
    ),
    'off',
  ),
  /** How many days a web app session lasts (default 14). */
  SESSION_DAYS: v.optional(wholeNumber('SESSION_DAYS', 1, 365)),
  /** Digest worker threads; 0 renders on the main thread. Default: every core but one. */
  DIGEST_WORKERS: v.optional(wholeNumber('DIGEST_WORKERS', 0, 64)),
  /** Digests of one group made at once (default 2). */
  DIGEST_PER_GROUP: v.optional(wholeNumber('DIGEST_PER_GROUP', 1, 100)),
});

/** Checked configuration. */
export type StoreEnv = v.InferOutput<typeof EnvSchema>;

/** Either the configuration, or one line per bad variable naming it and what is wrong. */
export function parseEnv(env: Record<string, string | undefined>): { ok: true; env: StoreEnv } | { ok: false; errors: string[] } {
  // Empty variables count as unset, as shells and .env files often leave them empty.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(EnvSchema, present);
  if (result.success) return { ok: true, env: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => {
      const key = v.getDotPath(issue) ?? 'environment';
      const shown = (typeof issue.input === 'string' || typeof issue.input === 'number') && key !== 'ADMIN_TOKEN' && key !== 'DATABASE_URL' ? ` (got "${issue.input}")` : '';
      return `${key}: ${issue.message}${shown}`;
    }),
  };
}
