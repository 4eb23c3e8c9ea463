-- The group's web app (PROTOCOL.md "Web sessions, invites and members"): cookie sessions,
-- one-time sign-in links, invites that are single-use or reusable and expire, and when each
-- member was last active. Runs unchanged on PGlite and PostgreSQL.

-- One row per signed-in browser of the web app. The cookie's token is stored only as its
-- sha256 (hex); the CSRF token is derived from the cookie's token (auth/session.ts), so the
-- database holds nothing that could be sent back as either.
create table web_sessions (
  token_hash text primary key,
  member_id text not null references members (id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index web_sessions_member on web_sessions (member_id);

-- One-time sign-in links a facilitator makes for a member (sha256, hex, of the code in the link).
create table sign_in_links (
  code_hash text primary key,
  member_id text not null references members (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index sign_in_links_member on sign_in_links (member_id);

-- Invites get an id that is safe to show (the code never is), may be single-use, count their
-- uses and may expire. Invites made before stay reusable and never expire; so does any
-- invite inserted without saying (the CLI's create-group).
alter table invites
  add column invite_id text not null default gen_random_uuid()::text,
  add column reusable boolean not null default true,
  add column uses integer not null default 0,
  add column expires_at timestamptz;
alter table invites add constraint invites_invite_id unique (invite_id);

-- When the member last used the store (updated at most once per 5 minutes).
alter table members add column last_active_at timestamptz;
