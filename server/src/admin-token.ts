import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where the admin token lives in a data directory. */
export function adminTokenPath(dataDir: string): string {
  return resolve(join(dataDir, 'admin-token'));
}

/**
 * The admin token: `ADMIN_TOKEN` if set; else the one in `DATA_DIR/admin-token`; else a new
 * random one written there with owner-only permissions (0600). `created` says which.
 */
export async function ensureAdminToken(dataDir: string, fromEnv?: string): Promise<{ token: string; path: string | null; created: boolean }> {
  if (fromEnv) return { token: fromEnv, path: null, created: false };
  const path = adminTokenPath(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if ((await stat(path)).mode & 0o077) await chmod(path, 0o600);
    if (token.length >= 16) return { token, path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return { token, path, created: true };
}

/** Read the admin token for the CLI: ADMIN_TOKEN, or DATA_DIR/admin-token; null if neither. */
export async function readAdminToken(dataDir: string, fromEnv?: string): Promise<string | null> {
  if (fromEnv) return fromEnv;
  try {
    return (await readFile(adminTokenPath(dataDir), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}
