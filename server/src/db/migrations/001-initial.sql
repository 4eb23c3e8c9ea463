-- Groups, invites, members (one bearer token each), annotations with their change-feed
-- position, and fixed-window rate-limit counters. Runs unchanged on PGlite and PostgreSQL.

create table groups (
  id text primary key,
  name text not null,
  created_at timestamptz not null
);

-- Invite codes are stored hashed (sha256, hex): a leaked database does not leak invites.
create table invites (
  code_hash text primary key,
  group_id text not null references groups (id),
  role text not null check (role in ('facilitator', 'member', 'reader')),
  created_at timestamptz not null,
  withdrawn_at timestamptz
);
create index invites_group on invites (group_id);

-- One row per join: the bearer token (sha256, hex) identifies the member.
create table members (
  id text primary key,
  group_id text not null references groups (id),
  role text not null check (role in ('facilitator', 'member', 'reader')),
  display_name text,
  token_hash text not null unique,
  created_at timestamptz not null,
  revoked_at timestamptz,
  forgotten_at timestamptz
);
create index members_group on members (group_id);

-- Change-feed position: the writing transaction's id and a global sequence number. The feed
-- serves rows in (xid, seq) order and only those whose xid is below the oldest transaction
-- still running, so a page boundary can never be overtaken by a later commit.
create sequence change_seq;

create table annotations (
  group_id text not null references groups (id),
  id text not null,
  row_id bigserial not null,
  author_id text not null references members (id),
  revision integer not null,
  annotation jsonb,
  deleted boolean not null default false,
  visibility text not null check (visibility in ('group', 'private')),
  ever_shared boolean not null,
  hidden_reason text,
  xid xid8 not null,
  seq bigint not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (group_id, id)
);
create index annotations_feed on annotations (group_id, xid, seq);
create index annotations_container on annotations (group_id, row_id);
create index annotations_author on annotations (author_id);

create table rate_limits (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (bucket, window_start)
);
