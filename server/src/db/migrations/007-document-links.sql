-- Links a facilitator makes between two documents that are versions of one text ("the Care
-- Act 2014 s.1 is a later version of the Care Bill 2013-14 clause 1"). PROTOCOL.md
-- "Document versions". Addresses are stored normalised (utils/document/normalise-url.ts).
-- Nothing here names a member, so "forget me" has nothing to remove. Runs unchanged on
-- PGlite and PostgreSQL.
create table document_links (
  id text primary key,
  group_id text not null references groups (id),
  earlier text not null,
  later text not null,
  earlier_label text,
  later_label text,
  created_at timestamptz not null,
  check (earlier <> later)
);
-- One link per ordered pair in a group (the handler also refuses the pair turned round).
create unique index document_links_pair on document_links (group_id, earlier, later);
create index document_links_group on document_links (group_id, created_at, id);
