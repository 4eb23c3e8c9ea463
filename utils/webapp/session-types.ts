/**
 * The web app's session as the store describes it (`GET /api/web/session`, `POST /api/web/sign-in`).
 * Shared by the store (server/src/routes/web-auth) and the web app (server/webapp).
 */
export type WebRole = 'facilitator' | 'member' | 'reader';

export interface WebSession {
  memberId: string;
  displayName: string | null;
  role: WebRole;
  group: { id: string; name: string };
  /** Sent back as `X-CSRF-Token` on every write made with the session cookie. */
  csrfToken: string;
  /** ISO 8601. */
  expiresAt: string;
}
