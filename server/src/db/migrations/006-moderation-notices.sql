-- Reports and the moderation record, what each member has read and follows, several
-- tokens per member (another browser linked with a one-time code). PROTOCOL.md
-- "Moderation", "Notices and following", "Linking another browser". Runs unchanged on
-- PGlite and PostgreSQL.

-- A member's report of an annotation (a comment or a reply). The reporter is kept only so
-- that reporting again answers the same report and "forget me" removes theirs: no route
-- ever shows it. Closed when a facilitator hides, unhides or dismisses.
create table reports (
  id text primary key,
  group_id text not null references groups (id),
  target_id text not null,
  reporter_id text not null references members (id),
  reason text not null,
  created_at timestamptz not null,
  closed_at timestamptz
);
-- One open report per member per annotation.
create unique index reports_one_open on reports (group_id, target_id, reporter_id) where closed_at is null;
create index reports_open on reports (group_id, target_id) where closed_at is null;
create index reports_reporter on reports (reporter_id);

-- What facilitators did and why. `by_member_id` becomes null when that facilitator is
-- forgotten: the action stays on the record, their name does not.
create table moderation_actions (
  id text primary key,
  -- Order of the record (two actions can share a millisecond).
  seq bigserial not null,
  group_id text not null references groups (id),
  at timestamptz not null,
  by_member_id text references members (id),
  action text not null check (action in ('hide', 'unhide', 'dismiss')),
  target_id text not null,
  reason text
);
create index moderation_actions_group on moderation_actions (group_id, seq);
create index moderation_actions_by on moderation_actions (by_member_id);

-- Notice ids a member has read (the notices themselves are derived by the client).
create table notice_reads (
  member_id text not null references members (id),
  notice_id text not null,
  primary key (member_id, notice_id)
);

-- Documents a member follows (new comments on them are notices).
create table follows (
  member_id text not null references members (id),
  document text not null,
  created_at timestamptz not null,
  primary key (member_id, document)
);

-- Every bearer token of a member (sha256, hex): the one from joining, and one per browser
-- linked since. Authentication looks tokens up here; revoking the member (members.revoked_at)
-- revokes them all.
create table member_tokens (
  token_hash text primary key,
  member_id text not null references members (id),
  created_at timestamptz not null
);
create index member_tokens_member on member_tokens (member_id);
insert into member_tokens (token_hash, member_id, created_at) select token_hash, id, created_at from members;
-- "Forget me" clears the joining token too.
alter table members alter column token_hash drop not null;

-- One-time codes (sha256, hex) that give another browser a token of the same member.
create table link_codes (
  code_hash text primary key,
  member_id text not null references members (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index link_codes_member on link_codes (member_id);
